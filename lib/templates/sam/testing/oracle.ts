/**
 * Reads an API out of CloudFormation the SAM translator produced (its `AWS::ApiGateway::RestApi` Body) under
 * one set of condition values, with the OpenAPI reader: the translator's own answer to compare ours with.
 */
import { readOpenApiDefinition } from "@/lib/templates/openapi/read-definition";
import { isRecord, type JsonRecord } from "@/lib/templates/openapi/values";
import { snapshotFromOpenApi } from "@/lib/templates/openapi/snapshot";
import type { RawApiSnapshot } from "@/lib/model/raw-snapshot";

/** Evaluates a condition of the output's Conditions section (the translator combines function conditions with Fn::Or). */
function evaluate(expression: unknown, assumptions: Record<string, boolean>, conditions: JsonRecord, depth = 0): boolean {
  if (depth > 50) throw new Error("condition nesting too deep");
  if (isRecord(expression)) {
    if (typeof expression.Condition === "string") return evaluateNamed(expression.Condition, assumptions, conditions, depth + 1);
    const args = (key: string) => (Array.isArray(expression[key]) ? (expression[key] as unknown[]) : []);
    if ("Fn::Or" in expression) return args("Fn::Or").some((e) => evaluate(e, assumptions, conditions, depth + 1));
    if ("Fn::And" in expression) return args("Fn::And").every((e) => evaluate(e, assumptions, conditions, depth + 1));
    if ("Fn::Not" in expression) return !evaluate(args("Fn::Not")[0], assumptions, conditions, depth + 1);
    const equals = args("Fn::Equals");
    if (equals.length === 2 && equals.every((e) => typeof e !== "object" || e === null)) return String(equals[0]) === String(equals[1]);
  }
  throw new Error(`cannot evaluate condition ${JSON.stringify(expression)}`);
}

function evaluateNamed(name: string, assumptions: Record<string, boolean>, conditions: JsonRecord, depth = 0): boolean {
  if (Object.hasOwn(assumptions, name)) return assumptions[name] as boolean;
  if (!Object.hasOwn(conditions, name)) throw new Error(`condition ${name} is neither assumed nor defined`);
  return evaluate(conditions[name], assumptions, conditions, depth);
}

/** Every Fn::If condition name in `value` mapped to its value, derived conditions evaluated. */
function withDerived(value: unknown, assumptions: Record<string, boolean>, conditions: JsonRecord): Record<string, boolean> {
  const all: Record<string, boolean> = { ...assumptions };
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (isRecord(node)) {
      const args = node["Fn::If"];
      if (Array.isArray(args) && typeof args[0] === "string" && !Object.hasOwn(all, args[0]))
        all[args[0]] = evaluateNamed(args[0], assumptions, conditions);
      Object.values(node).forEach(visit);
    }
  };
  visit(value);
  return all;
}

/** The translator's output with every Fn::If chosen and AWS::NoValue removed (test code: no other intrinsic matters here). */
function resolveConditions(value: unknown, assumptions: Record<string, boolean>, depth = 0): unknown {
  if (depth > 200) return value;
  let node = value;
  while (isRecord(node) && Object.keys(node).length === 1 && Array.isArray(node["Fn::If"])) {
    const args = node["Fn::If"] as unknown[];
    node = assumptions[args[0] as string] ? args[1] : args[2];
  }
  if (isRecord(node) && Object.keys(node).length === 1 && node.Ref === "AWS::NoValue") return undefined;
  if (Array.isArray(node)) return node.map((item) => resolveConditions(item, assumptions, depth + 1)).filter((item) => item !== undefined);
  if (isRecord(node)) {
    const out: JsonRecord = {};
    for (const key of Object.keys(node)) {
      const item = resolveConditions(node[key], assumptions, depth + 1);
      if (item !== undefined) Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return node;
}

/** The translator's API `logicalId` under `assumptions`: its snapshot, "absent" (its Condition is false) or "no-body" (BodyS3Location). */
export function oracleSnapshot(
  output: JsonRecord,
  logicalId: string,
  assumptions: Record<string, boolean>,
): RawApiSnapshot | "absent" | "no-body" | "missing" {
  const resources = isRecord(output.Resources) ? output.Resources : {};
  const conditions = isRecord(output.Conditions) ? output.Conditions : {};
  const resource = resources[logicalId];
  if (!isRecord(resource) || resource.Type !== "AWS::ApiGateway::RestApi") return "missing";
  if (typeof resource.Condition === "string" && !evaluateNamed(resource.Condition, assumptions, conditions)) return "absent";
  const properties = isRecord(resource.Properties) ? resource.Properties : {};
  if (properties.Body === undefined) return "no-body";
  const all = withDerived(properties.Body, assumptions, conditions);
  const body = resolveConditions(properties.Body, all);
  const reading = readOpenApiDefinition({ definition: body, locate: () => ({ file: "output.json", line: 1, column: 1 }) });
  return snapshotFromOpenApi(reading, { id: logicalId, region: "us-east-1", stages: [] });
}

export function restApiIds(output: JsonRecord): string[] {
  const resources = isRecord(output.Resources) ? output.Resources : {};
  return Object.keys(resources).filter(
    (id) => isRecord(resources[id]) && (resources[id] as JsonRecord).Type === "AWS::ApiGateway::RestApi",
  );
}

/** Stage names the translator deploys for `logicalId`: its AWS::ApiGateway::Stage resources and a Deployment's own StageName. */
export function oracleStageNames(output: JsonRecord, logicalId: string): string[] {
  const resources = isRecord(output.Resources) ? output.Resources : {};
  const names: string[] = [];
  for (const resource of Object.values(resources)) {
    if (!isRecord(resource) || !isRecord(resource.Properties)) continue;
    const props = resource.Properties;
    const api = isRecord(props.RestApiId) ? props.RestApiId.Ref : props.RestApiId;
    if (api !== logicalId) continue;
    const name = props.StageName;
    if ((resource.Type === "AWS::ApiGateway::Stage" || resource.Type === "AWS::ApiGateway::Deployment") && name !== undefined) {
      names.push(typeof name === "string" ? name : JSON.stringify(name));
    }
  }
  return names.sort();
}
