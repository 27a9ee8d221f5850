/**
 * Test support: the Terraform reader's implementation before the speed rewrite (main at 29ed0d8), kept unchanged as
 * the oracle the differential tests compare the current one with (reference.test.ts). Not used by the reader.
 */
/**
 * `aws_api_gateway_rest_api.body`: an OpenAPI definition the provider imports on every apply
 * (provider docs, aws_api_gateway_rest_api "body"; usually `jsonencode({...})`, `file()` or `templatefile()`), read
 * with the OpenAPI reader. Arguments set on the resource override the definition's own values (the same docs: "If
 * the argument value is different than the OpenAPI value, the argument value will override the OpenAPI value").
 * Parts only known after apply (a Lambda ARN in an integration URI) stay `${…}` placeholders.
 */
import { parseTemplateDocument } from "@/lib/templates/document";
import { readOpenApiDefinition, type OpenApiReading } from "@/lib/templates/openapi";
import type { RawResource } from "@/lib/model/raw-snapshot";
import type { TfResourceInstance } from "./configuration";
import type { ElementReader } from "./element-reader";
import { TfRef, TfUnknown } from "@/lib/templates/terraform/values";

export function readBody(reader: ElementReader, api: TfResourceInstance): OpenApiReading | undefined {
  const body = api.values.body;
  if (body === undefined || body === null) return undefined;
  let text: string | undefined;
  if (typeof body === "string") text = body;
  else if (body instanceof TfUnknown && body.text.trimStart().startsWith("{")) {
    // jsonencode() of a partly known object: its structure is known, the unknown leaves are placeholders.
    text = body.text;
    reader.note(
      `parts of the body of ${api.address} are only known after apply (${body.reason}); they are read as placeholders`,
      api,
      "body",
    );
  }
  const definition = text === undefined ? undefined : parseDefinition(`${api.position.file}#body`, text);
  if (definition === undefined) {
    const why =
      body instanceof TfUnknown
        ? body.reason
        : body instanceof TfRef
          ? `${body.address}.${body.attribute} is only known after apply`
          : "it is not a JSON or YAML document";
    reader.note(
      `the body of ${api.address} could not be read (${why}): the methods it defines are not in this audit`,
      api,
      "body",
      "resources",
    );
    return undefined;
  }
  const position = reader.pos(api, "body");
  return readOpenApiDefinition({ definition, locate: () => position });
}

function parseDefinition(file: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const parsed = parseTemplateDocument(file, text);
    return parsed.ok && typeof parsed.document.value === "object" && parsed.document.value !== null ? parsed.document.value : undefined;
  }
}

/**
 * Resources from the body (ids are their paths) and from aws_api_gateway_resource/method (ids are addresses) are the
 * same API: a path both define keeps the body's resource, the Terraform methods added to it (Terraform's win per verb).
 */
export function mergeResources(fromBody: RawResource[], fromTerraform: RawResource[], terraformRootId: string): RawResource[] {
  const byPath = new Map(fromBody.map((r) => [r.path, r]));
  const idOf = new Map<string, string>([[terraformRootId, byPath.get("/")?.id ?? terraformRootId]]);
  for (const r of fromTerraform) {
    const existing = byPath.get(r.path);
    if (existing) {
      idOf.set(r.id, existing.id);
      existing.resourceMethods = { ...(existing.resourceMethods ?? {}), ...(r.resourceMethods ?? {}) };
    } else {
      byPath.set(r.path, r);
    }
  }
  for (const r of byPath.values()) if (r.parentId !== undefined) r.parentId = idOf.get(r.parentId) ?? r.parentId;
  return [...byPath.values()];
}
