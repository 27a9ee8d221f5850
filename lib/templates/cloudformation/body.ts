/**
 * A RestApi's OpenAPI definition: `Body` (an object, or the definition as JSON/YAML text) is read with the OpenAPI
 * reader, the way API Gateway imports it on create; `BodyS3Location` lives in S3 and cannot be read locally
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-apigateway-restapi.html).
 * The Body arrives here with intrinsics already resolved for the variant (so `Fn::If` in paths picks a branch).
 */
import type { ValuePath } from "@/lib/templates/document";
import { parseTemplateDocument, type TemplateDocument } from "@/lib/templates/document";
import { readOpenApiDefinition, type OpenApiReading } from "@/lib/templates/openapi/read-definition";
import { placeholderIntrinsics } from "@/lib/templates/openapi/values";
import type { BasePathMode } from "@/lib/templates/openapi/paths";

export type BodyResult = { ok: true; reading: OpenApiReading } | { ok: false; message: string };

/** `basePathMode`: the RestApi's `Parameters.basepath` (ignore | prepend | split), passed to the import. */
export function readBody(body: unknown, document: TemplateDocument, bodyPath: ValuePath, basePathMode?: BasePathMode): BodyResult {
  const mode = basePathMode ? { basePathMode } : {};
  if (typeof body === "string") {
    // The definition given as text: positions inside it cannot be mapped into the template, so they point at Body.
    const parsed = parseTemplateDocument(document.file, body);
    if (!parsed.ok)
      return {
        ok: false,
        message: `Body is text that is not a JSON or YAML definition (${parsed.error.message.replace(`${document.file}:`, "line ")})`,
      };
    const at = document.positionOf(bodyPath);
    return {
      ok: true,
      reading: readOpenApiDefinition({ definition: parsed.document.value, locate: () => at, hooks: placeholderIntrinsics, ...mode }),
    };
  }
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return { ok: false, message: "Body is not an OpenAPI definition object" };
  return {
    ok: true,
    reading: readOpenApiDefinition({
      definition: body,
      locate: (path) => document.positionBelow(bodyPath, path, path.length),
      hooks: placeholderIntrinsics,
      ...mode,
    }),
  };
}
