import { expect, it } from "vitest";
import { variableShape } from "./variable-shape";

it("tells references, URLs, credentials and plain values apart without keeping them", () => {
  expect(variableShape("arn:aws:secretsmanager:us-east-1:123456789012:secret:payments-AbCdEf")).toBe("reference");
  expect(variableShape("arn:aws:iam::123456789012:role/backend")).toBe("reference");
  expect(variableShape("https://orders.internal.example.com")).toBe("url");
  expect(variableShape("sk_live_51HqLyjWDarjtT1zdp7dcXq0P")).toBe("secret-like");
  expect(variableShape("AKIAIOSFODNN7EXAMPLE")).toBe("secret-like");
  expect(variableShape("q8Zr3vK1xP0wLm7tYb2NcD9s")).toBe("secret-like");
  expect(variableShape("live")).toBe("plain");
  expect(variableShape("true")).toBe("plain");
  expect(variableShape("orders-table-production-2024")).toBe("plain");
});
