import { describe, expect, it } from "vitest";
import { z } from "zod";
import { exactSchema, type SameType } from "@/lib/model/exact-schema";

interface Thing {
  id: string;
  note?: string;
  kind: "a" | "b";
}

// These lines are checked by `tsc --noEmit` (part of `npm test`): each @ts-expect-error must meet an error,
// so if exactSchema stopped catching a drift, the type check would fail on the unused directive.
export const complete = exactSchema<Thing>()(z.object({ id: z.string(), note: z.string().optional(), kind: z.enum(["a", "b"]) }));
// @ts-expect-error an optional field left out of the schema (zod would strip it silently)
export const missingOptional = exactSchema<Thing>()(z.object({ id: z.string(), kind: z.enum(["a", "b"]) }));
// @ts-expect-error a union member left out of the schema
export const missingMember = exactSchema<Thing>()(z.object({ id: z.string(), note: z.string().optional(), kind: z.enum(["a"]) }));
export const extraField = exactSchema<Thing>()(
  // @ts-expect-error a field the type does not have
  z.object({ id: z.string(), note: z.string().optional(), kind: z.enum(["a", "b"]), extra: z.number() }),
);

describe("exactSchema", () => {
  it("returns the schema itself, parsing as before", () => {
    expect(complete.parse({ id: "1", kind: "a", stray: true })).toEqual({ id: "1", kind: "a" });
  });

  it("tells identical types from merely assignable ones", () => {
    const same: SameType<{ a: string; b?: string }, { a: string; b?: string }> = true;
    const assignableOnly: SameType<{ a: string }, { a: string; b?: string }> = false;
    expect([same, assignableOnly]).toEqual([true, false]);
  });
});
