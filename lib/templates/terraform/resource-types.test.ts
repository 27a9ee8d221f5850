import { describe, expect, it } from "vitest";
import { keyedRecord, statusKeyedRecord } from "./resource-types";

describe("statusKeyedRecord", () => {
  it("holds status codes and any other key as a keyedRecord does: same keys, order, JSON, no prototype", () => {
    const fill = (record: Record<string, number>) => {
      for (const [i, key] of ["500", "__proto__", "200", "4XX", "default", "404", "0", "4294967295"].entries()) record[key] = i;
      return record;
    };
    const status = fill(statusKeyedRecord());
    const plain = fill(keyedRecord());
    expect(Object.keys(status)).toEqual(["0", "200", "404", "500", "__proto__", "4XX", "default", "4294967295"]);
    expect(Object.keys(status)).toEqual(Object.keys(plain));
    expect(JSON.stringify(status)).toBe(JSON.stringify(plain));
    expect(Object.entries(status)).toEqual(Object.entries(plain));
    expect(Object.getPrototypeOf(status)).toBeNull();
    expect(Object.hasOwn(status, "__proto__")).toBe(true);
    expect(Object.hasOwn(status, String(1 << 20))).toBe(false);
  });

  it("starts empty", () => {
    expect(Object.keys(statusKeyedRecord())).toEqual([]);
    expect(JSON.stringify(statusKeyedRecord())).toBe("{}");
  });
});
