import { describe, expect, it } from "vitest";
import { isTfObject, newTfObject, toJson } from "./values";

describe("TfObject", () => {
  it("keeps every key from a template as a plain own key and inherits nothing", () => {
    const o = newTfObject();
    o["__proto__"] = "x";
    o["constructor"] = 1;
    expect(Object.keys(o)).toEqual(["__proto__", "constructor"]);
    expect(Object.hasOwn(o, "__proto__")).toBe(true);
    expect(o["__proto__"]).toBe("x");
    expect(Object.getPrototypeOf(Object.getPrototypeOf(o))).toBeNull();
    const empty = newTfObject();
    expect("toString" in empty || "hasOwnProperty" in empty || "constructor" in empty).toBe(false);
    expect(isTfObject(empty)).toBe(true);
    expect(JSON.stringify(toJson(o))).toBe('{"__proto__":"x","constructor":1}');
  });
});
