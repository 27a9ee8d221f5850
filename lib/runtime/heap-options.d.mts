export const SEMI_SPACE_MIB: number;
export const HEAP_FLAGS: readonly string[];
export function heapFlags(env?: Readonly<Record<string, string | undefined>>): string[];
export function setsOption(options: string | undefined, flag: string): boolean;
export function withoutOption(options: string | undefined, flag: string): string;
