export const SEMI_SPACE_MIB: number;
export const NODE_FLAGS: readonly string[];
export function nodeFlags(env?: Readonly<Record<string, string | undefined>>): string[];
export function setsOption(options: string | undefined, flag: string): boolean;
export function withoutOption(options: string | undefined, flag: string): string;
