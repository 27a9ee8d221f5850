/**
 * Which REST APIs a SAM template declares and which `Api` events feed each: explicit
 * `AWS::Serverless::Api` resources, and the implicit `ServerlessRestApi` SAM creates for `Api` events
 * without `RestApiId` (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-api.html;
 * samtranslator/plugins/api/implicit_api_plugin.py). `Globals.Api` merges into both (the implicit API exists
 * before the Globals plugin runs: translator.py `prepare_plugins` order).
 */
import type { ValuePath } from "@/lib/templates/document";
import { isRecord, type JsonRecord } from "@/lib/templates/openapi/values";
import { mergeApiGlobals } from "@/lib/templates/sam/globals";

export const IMPLICIT_API_ID = "ServerlessRestApi";

export interface SamApiEvent {
  functionId: string;
  eventId: string;
  /** Where the event is written (`Resources.<fn>.Properties.Events.<id>`). */
  path: ValuePath;
  properties: JsonRecord;
  /** The function's `Condition`: its methods exist only when the condition holds. */
  condition?: string;
}

export interface SamApiSource {
  logicalId: string;
  implicit: boolean;
  /** `Resources.<id>` for an explicit API; undefined for the implicit one. */
  resourcePath?: ValuePath;
  /** Own properties merged with Globals.Api (raw: conditions still in place). */
  properties: JsonRecord;
  own: JsonRecord;
  globals?: JsonRecord;
  condition?: string;
  events: SamApiEvent[];
}

/** `Transform: AWS::Serverless-2016-10-31` (alone or in a list). */
export function declaresSamTransform(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const transform = value.Transform;
  const names = Array.isArray(transform) ? transform : [transform];
  return names.some((n) => typeof n === "string" && n.startsWith("AWS::Serverless-"));
}

/** Declares the SAM transform, or uses AWS::Serverless::* resources without it (SAM's own test inputs do). */
export function isSamTemplate(value: unknown): boolean {
  if (declaresSamTransform(value)) return true;
  if (!isRecord(value) || !isRecord(value.Resources)) return false;
  const resources = value.Resources;
  return Object.keys(resources).some((id) => {
    const resource = resources[id];
    return isRecord(resource) && typeof resource.Type === "string" && resource.Type.startsWith("AWS::Serverless::");
  });
}

function restApiIdOf(value: unknown): string | undefined | null {
  if (value === undefined) return undefined;
  if (typeof value === "string") return value;
  if (isRecord(value) && typeof value.Ref === "string" && Object.keys(value).length === 1) return value.Ref;
  return null;
}

export function collectSamApis(template: JsonRecord): { apis: SamApiSource[]; problems: Array<{ path: ValuePath; message: string }> } {
  const resources = isRecord(template.Resources) ? template.Resources : {};
  const globalsSection = isRecord(template.Globals) ? template.Globals : {};
  const globals = isRecord(globalsSection.Api) ? globalsSection.Api : undefined;
  const apis = new Map<string, SamApiSource>();
  for (const id of Object.keys(resources)) {
    const resource = resources[id];
    if (!isRecord(resource) || resource.Type !== "AWS::Serverless::Api") continue;
    const own = isRecord(resource.Properties) ? resource.Properties : {};
    const api: SamApiSource = {
      logicalId: id,
      implicit: false,
      resourcePath: ["Resources", id],
      own,
      properties: mergeApiGlobals(globals, own),
      events: [],
    };
    if (globals) api.globals = globals;
    if (typeof resource.Condition === "string") api.condition = resource.Condition;
    apis.set(id, api);
  }
  const implicitEvents: SamApiEvent[] = [];
  const orphanProblems: Array<{ path: ValuePath; message: string }> = [];
  for (const functionId of Object.keys(resources)) {
    const resource = resources[functionId];
    if (!isRecord(resource) || (resource.Type !== "AWS::Serverless::Function" && resource.Type !== "AWS::Serverless::StateMachine"))
      continue;
    const properties = isRecord(resource.Properties) ? resource.Properties : {};
    const events = isRecord(properties.Events) ? properties.Events : {};
    for (const eventId of Object.keys(events)) {
      const event = events[eventId];
      if (!isRecord(event) || event.Type !== "Api" || !isRecord(event.Properties)) continue;
      const path: ValuePath = ["Resources", functionId, "Properties", "Events", eventId];
      if (resource.Type === "AWS::Serverless::StateMachine") {
        orphanProblems.push({
          path,
          message: `${functionId}.${eventId}: Api events of a state machine (a Step Functions integration) are not read`,
        });
        continue;
      }
      const apiEvent: SamApiEvent = { functionId, eventId, path, properties: event.Properties };
      if (typeof resource.Condition === "string") apiEvent.condition = resource.Condition;
      const target = restApiIdOf(event.Properties.RestApiId);
      if (target === undefined) implicitEvents.push(apiEvent);
      else if (target !== null && apis.has(target)) apis.get(target)!.events.push(apiEvent);
      else
        orphanProblems.push({
          path: [...path, "Properties", "RestApiId"],
          message: `${functionId}.${eventId}: RestApiId must reference an AWS::Serverless::Api in the same template (SAM refuses the template)`,
        });
    }
  }
  const out = [...apis.values()];
  // implicit_api_plugin.py `_maybe_remove_implicit_api`: no implicit events, no implicit API.
  if (implicitEvents.length > 0) {
    const own: JsonRecord = { StageName: "Prod" };
    const implicit: SamApiSource = {
      logicalId: IMPLICIT_API_ID,
      implicit: true,
      own,
      properties: mergeApiGlobals(globals, own),
      events: implicitEvents,
    };
    if (globals) implicit.globals = globals;
    out.unshift(implicit);
  }
  return { apis: out, problems: orphanProblems };
}
