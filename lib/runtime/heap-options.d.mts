export const SEMI_SPACE_MIB: number;
export function heapFlags(env?: Readonly<Record<string, string | undefined>>): string[];
export function withHeapOptions(nodeOptions: string | undefined): string;
export function setsSemiSpace(options: string | undefined): boolean;
