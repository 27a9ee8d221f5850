import type { z } from "zod";

/**
 * True when A and B are the same type, member for member: a property missing on either side, optional on
 * one side only, or a union member the other lacks makes it false. (Mutual assignability is not enough:
 * `{ a: string }` is assignable both ways with `{ a: string; b?: string }`.) The generic-function form
 * compares with the compiler's identity relation instead of assignability.
 */
export type SameType<A, B> = (<G>() => G extends A ? 1 : 2) extends <G>() => G extends B ? 1 : 2 ? true : false;

/**
 * Ties a zod schema to the hand-written type it validates, so the two cannot drift apart: the call
 * compiles only when the schema's output is exactly T. `z.ZodType<T>` alone accepts a schema that leaves
 * out an optional field (silently stripped when parsed) or a member of a union (rejected only at run time).
 *
 *     export const thingSchema = exactSchema<Thing>()(z.object({ ... }));
 */
export function exactSchema<T>() {
  return <S extends z.ZodType<T>>(
    schema: S & (SameType<z.output<S>, T> extends true ? unknown : SchemaDiffersFromType<z.output<S>, T>),
  ): S => schema;
}

/** What the compiler prints when a schema and its type differ: both sides, so the missing member shows. */
interface SchemaDiffersFromType<Schema, Type> {
  schemaOutput: Schema;
  expectedType: Type;
}
