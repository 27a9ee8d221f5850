import { badRequest } from "../errors";
import { asObject, optBool, optInt } from "./validate";

/**
 * API Gateway's PATCH semantics: a list of `{ op, path, value }` where `path` is a JSON pointer and
 * a "/" inside a name (e.g. `application/json`) is escaped as `~1` (`~` as `~0`).
 * https://docs.aws.amazon.com/apigateway/latest/api/API_PatchOperation.html
 * https://docs.aws.amazon.com/apigateway/latest/api/patch-operations.html
 */
export interface PatchOperation {
  op: "add" | "remove" | "replace" | "move" | "copy" | "test";
  path: string;
  value?: string;
  from?: string;
}

const OPS = ["add", "remove", "replace", "move", "copy", "test"] as const;

export function readPatchOperations(body: unknown): PatchOperation[] {
  const raw = asObject(body).patchOperations;
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw badRequest("Invalid patchOperations: expected a list");
  return raw.map((entry, index) => {
    const object = asObject(entry, `patchOperations[${index}]`);
    const op = object.op;
    if (typeof op !== "string" || !(OPS as readonly string[]).includes(op)) {
      throw badRequest(`Invalid patch operation specified: ${String(op)}. Must be one of: [add, remove, replace, move, copy, test]`);
    }
    if (typeof object.path !== "string" || !object.path.startsWith("/")) throw badRequest(`Invalid patch path ${String(object.path)}`);
    if (object.value !== undefined && object.value !== null && typeof object.value !== "string") {
      throw badRequest(`Invalid patch value for ${object.path}: values are strings`);
    }
    return {
      op: op as PatchOperation["op"],
      path: object.path,
      value: typeof object.value === "string" ? object.value : undefined,
      from: typeof object.from === "string" ? object.from : undefined,
    };
  });
}

export function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}

export function escapeSegment(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** "/requestTemplates/application~1json" → ["requestTemplates", "application/json"]. */
export function splitPatchPath(path: string): string[] {
  return path.slice(1).split("/").map(unescapeSegment);
}

export type FieldSpec =
  | { kind: "string"; removable?: boolean; allowed?: readonly string[] }
  | { kind: "boolean" }
  | { kind: "integer"; min?: number; max?: number }
  | { kind: "stringMap" }
  | { kind: "booleanMap" }
  | { kind: "stringSet" };

/**
 * Applies operations to a plain wire object, allowing only the paths in `spec` (keyed by the
 * top-level property). Unknown paths and unsupported ops are 400s, as AWS answers them.
 */
export function applyPatch(target: Record<string, unknown>, operations: PatchOperation[], spec: Record<string, FieldSpec>): void {
  for (const operation of operations) {
    const [field, key, ...rest] = splitPatchPath(operation.path);
    const fieldSpec = field === undefined ? undefined : spec[field];
    if (field === undefined || !fieldSpec || rest.length > 0) throw invalidPath(operation);
    applyOne(target, field, key, fieldSpec, operation);
  }
}

function invalidPath(operation: PatchOperation) {
  return badRequest(`Invalid patch path '${operation.path}' specified for op '${operation.op}'. Please choose supported operations`);
}

function requireValue(operation: PatchOperation): string {
  if (operation.value === undefined) throw badRequest(`Invalid patch operation: ${operation.op} ${operation.path} requires a value`);
  return operation.value;
}

function applyOne(
  target: Record<string, unknown>,
  field: string,
  key: string | undefined,
  spec: FieldSpec,
  operation: PatchOperation,
): void {
  const { op } = operation;
  switch (spec.kind) {
    case "string":
    case "boolean":
    case "integer": {
      if (key !== undefined) throw invalidPath(operation);
      if (op === "remove" && spec.kind === "string" && spec.removable) {
        delete target[field];
        return;
      }
      if (op !== "replace" && op !== "add") throw invalidPath(operation);
      const value = requireValue(operation);
      if (spec.kind === "string") {
        if (spec.allowed && !spec.allowed.includes(value))
          throw badRequest(`Invalid value '${value}' for ${field}. Valid values are: ${spec.allowed.join(", ")}`);
        target[field] = value;
      } else if (spec.kind === "boolean") {
        target[field] = optBool(value, field);
      } else {
        const number = optInt(value, field) as number;
        if ((spec.min !== undefined && number < spec.min) || (spec.max !== undefined && number > spec.max)) {
          throw badRequest(`Invalid value for ${field}: must be between ${spec.min ?? "-∞"} and ${spec.max ?? "∞"}`);
        }
        target[field] = number;
      }
      return;
    }
    case "stringMap":
    case "booleanMap": {
      if (key === undefined || key === "") throw invalidPath(operation);
      const map = { ...((target[field] as Record<string, unknown> | undefined) ?? {}) };
      if (op === "remove") {
        if (!(key in map)) throw badRequest(`Invalid patch path '${operation.path}': no such entry`);
        delete map[key];
      } else if (op === "add" || op === "replace") {
        const value = spec.kind === "booleanMap" ? (optBool(operation.value ?? "false", key) ?? false) : (operation.value ?? "");
        map[key] = value;
      } else {
        throw invalidPath(operation);
      }
      if (Object.keys(map).length === 0) delete target[field];
      else target[field] = map;
      return;
    }
    case "stringSet": {
      // AWS accepts the element either in the path (`/cacheKeyParameters/x`) or as the value.
      const element = key ?? operation.value;
      const list = [...((target[field] as string[] | undefined) ?? [])];
      if (op === "add") {
        if (element === undefined) throw invalidPath(operation);
        if (!list.includes(element)) list.push(element);
      } else if (op === "remove") {
        if (element === undefined) list.length = 0;
        else {
          const index = list.indexOf(element);
          if (index < 0) throw badRequest(`Invalid patch path '${operation.path}': no such element`);
          list.splice(index, 1);
        }
      } else if (op === "replace" && key === undefined) {
        list.length = 0;
        if (operation.value)
          list.push(
            ...operation.value
              .split(",")
              .map((entry) => entry.trim())
              .filter(Boolean),
          );
      } else {
        throw invalidPath(operation);
      }
      target[field] = list;
      return;
    }
  }
}
