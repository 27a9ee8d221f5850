/**
 * Resources, methods, integrations and responses of one REST API from its Terraform resource instances. Paths come
 * from `parent_id` and `path_part` (aws_api_gateway_resource computes `path` the same way); an element whose
 * resource, verb or parent is not statically known is placed under a `${…}` placeholder or left out, with a gap.
 */
import type { RawMethod, RawResource } from "@/lib/model/raw-snapshot";
import { elementKey } from "@/lib/templates/types";
import type { TfResourceInstance } from "./configuration";
import type { ElementReader } from "./element-reader";
import { definedFields } from "@/lib/model/defined-fields";
import { keyedRecord, RESOURCE_TYPES as T, refAddress, statusKeyedRecord } from "./resource-types";
import { placeholderText } from "./values";

export function buildResources(reader: ElementReader, apiKey: string): RawResource[] {
  const rootId = `${apiKey}.root_resource_id`;
  const byId = new Map<string, RawResource>();
  byId.set(rootId, { id: rootId, path: "/", resourceMethods: keyedRecord() });
  if (reader.of(T.api)[0]) reader.locate(elementKey({ kind: "resource", path: "/" }), reader.of(T.api)[0] as TfResourceInstance);
  const declared = new Map<string, TfResourceInstance>();
  for (const r of reader.of(T.resource)) declared.set(r.address, r);

  // The resources whose path is being worked out, innermost last: a parent already among them is a cycle.
  const visiting = new Set<string>();
  const pathOf = (id: string): string => {
    const known = byId.get(id);
    if (known) return known.path;
    const r = declared.get(id);
    if (!r || visiting.has(id)) {
      const path = `/\${${id}}`;
      if (r) {
        // Terraform itself refuses such a graph; the cycle is cut here, at a placeholder, and said.
        reader.note(`resource parents form a cycle through ${id}`, r);
        return path;
      }
      reader.note(`${id} is referenced but not declared in the files read: its path is unknown (shown as ${path})`);
      byId.set(id, { id, path, resourceMethods: keyedRecord() });
      return path;
    }
    const parent = r.values.parent_id;
    const parentId =
      refAddress(parent, "root_resource_id") !== undefined
        ? `${refAddress(parent, "root_resource_id")}.root_resource_id`
        : refAddress(parent, "id");
    let parentPath: string;
    if (parentId !== undefined) {
      visiting.add(id);
      try {
        parentPath = pathOf(parentId === `${apiKey}.root_resource_id` ? rootId : parentId);
      } finally {
        visiting.delete(id);
      }
    } else {
      parentPath = `/${placeholderText(parent) || "${parent_id}"}`;
      reader.gap(r, "parent_id", parent, `its path starts with the placeholder ${parentPath}`);
    }
    reader.noteDefaults(r, "path_part");
    const partValue = r.values.path_part;
    const pathPart = typeof partValue === "string" ? partValue : placeholderText(partValue) || "${path_part}";
    if (typeof partValue !== "string") reader.gap(r, "path_part", partValue, `shown as ${pathPart}`);
    const path = `${parentPath === "/" ? "" : parentPath}/${pathPart}`;
    const resource: RawResource = { id, path, pathPart, resourceMethods: keyedRecord() };
    if (parentId !== undefined) resource.parentId = parentId;
    byId.set(id, resource);
    reader.locate(elementKey({ kind: "resource", path }), r);
    return path;
  };
  for (const r of declared.keys()) pathOf(r);

  const resourceIdOf = (instance: TfResourceInstance): string | undefined => {
    const v = instance.values.resource_id;
    const root = refAddress(v, "root_resource_id");
    if (root !== undefined) return root === apiKey ? rootId : `${root}.root_resource_id`;
    const id = refAddress(v, "id");
    if (id !== undefined) {
      pathOf(id);
      return id;
    }
    reader.gap(instance, "resource_id", v, "left out: its resource is unknown", "resources");
    return undefined;
  };

  const methodKey = (instance: TfResourceInstance): { resource: RawResource; verb: string } | undefined => {
    const id = resourceIdOf(instance);
    if (id === undefined) return undefined;
    const verb = reader.str(instance, "http_method", "resources", "left out: its verb is unknown");
    const resource = byId.get(id) ?? byId.get(rootId);
    if (verb === undefined || !resource) return undefined;
    return { resource, verb: verb.toUpperCase() };
  };

  for (const m of reader.of(T.method)) {
    const key = methodKey(m);
    if (!key) continue;
    const method: RawMethod = { httpMethod: key.verb };
    const authorization = reader.str(m, "authorization", "resources", "the method's authorization is unknown");
    if (authorization !== undefined) method.authorizationType = authorization;
    const authorizer = m.values.authorizer_id;
    if (authorizer !== undefined && authorizer !== null) {
      const id = refAddress(authorizer, "id");
      if (id !== undefined) method.authorizerId = id;
      else if (typeof authorizer === "string") method.authorizerId = authorizer;
      else {
        method.authorizerId = placeholderText(authorizer);
        reader.gap(m, "authorizer_id", authorizer, `the authorizer is shown as ${method.authorizerId}`);
      }
    }
    // request_validator_id (provider docs, aws_api_gateway_method: "ID of a aws_api_gateway_request_validator"), which
    // GetResources embed=methods gives the live reader as requestValidatorId (request-validator-on-preflight needs it).
    const validator = m.values.request_validator_id;
    if (validator !== undefined && validator !== null) {
      const id = refAddress(validator, "id");
      if (id !== undefined) method.requestValidatorId = id;
      else if (typeof validator === "string") method.requestValidatorId = validator;
      else {
        method.requestValidatorId = placeholderText(validator);
        reader.gap(m, "request_validator_id", validator, `the request validator is shown as ${method.requestValidatorId}`);
      }
    }
    // api_key_required defaults to false (provider docs, aws_api_gateway_method).
    const apiKey = reader.bool(m, "api_key_required", "resources", "whether the method needs an API key is unknown");
    method.apiKeyRequired = apiKey ?? false;
    Object.assign(
      method,
      definedFields({
        authorizationScopes: reader.stringList(m, "authorization_scopes"),
        requestParameters: reader.boolMap(m, "request_parameters"),
        requestModels: reader.stringMap(m, "request_models"),
        operationName: reader.text(m, "operation_name"),
      }),
    );
    const methods = (key.resource.resourceMethods ??= keyedRecord());
    if (methods[key.verb]) {
      reader.note(`${m.address} defines ${key.verb} ${key.resource.path} again; the later definition is read`, m);
    }
    methods[key.verb] = method;
    reader.locate(elementKey({ kind: "method", path: key.resource.path, httpMethod: key.verb }), m);
  }

  const methodFor = (instance: TfResourceInstance, what: string): RawMethod | undefined => {
    const key = methodKey(instance);
    if (!key) return undefined;
    const method = key.resource.resourceMethods?.[key.verb];
    if (!method)
      reader.note(
        `${instance.address} belongs to ${key.verb} ${key.resource.path}, which no aws_api_gateway_method defines; its ${what} is left out`,
        instance,
      );
    return method;
  };

  for (const i of reader.of(T.integration)) {
    const method = methodFor(i, "integration");
    if (!method) continue;
    method.methodIntegration = {
      ...(method.methodIntegration ?? {}),
      ...definedFields({
        type: reader.str(i, "type", "resources", "the integration type is unknown"),
        httpMethod: reader.text(i, "integration_http_method"),
        uri: reader.text(i, "uri"),
        requestTemplates: reader.stringMap(i, "request_templates"),
        requestParameters: reader.stringMap(i, "request_parameters"),
        cacheKeyParameters: reader.stringList(i, "cache_key_parameters"),
        cacheNamespace: reader.text(i, "cache_namespace"),
        // CONVERT_TO_BINARY / CONVERT_TO_TEXT; unset is passthrough (provider docs, aws_api_gateway_integration content_handling).
        contentHandling: reader.str(i, "content_handling", undefined, "read as passthrough, the default"),
      }),
    };
  }

  for (const r of reader.of(T.methodResponse)) {
    const method = methodFor(r, "method response");
    const status = method ? reader.statusCode(r) : undefined;
    if (!method || status === undefined) continue;
    (method.methodResponses ??= statusKeyedRecord())[status] = definedFields({
      statusCode: status,
      responseParameters: reader.boolMap(r, "response_parameters"),
    });
  }

  for (const r of reader.of(T.integrationResponse)) {
    const method = methodFor(r, "integration response");
    const status = method ? reader.statusCode(r) : undefined;
    if (!method || status === undefined) continue;
    const integration = (method.methodIntegration ??= {});
    (integration.integrationResponses ??= statusKeyedRecord())[status] = definedFields({
      statusCode: status,
      selectionPattern: reader.text(r, "selection_pattern"),
      responseParameters: reader.stringMap(r, "response_parameters"),
      // Templates may set headers through $context.responseOverride (lib/model/response-overrides.ts).
      responseTemplates: reader.stringMap(r, "response_templates"),
      contentHandling: reader.str(r, "content_handling", undefined, "read as passthrough, the default"),
    });
  }
  return [...byId.values()];
}
