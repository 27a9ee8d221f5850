/**
 * The reader for a standalone OpenAPI 3 / Swagger 2 file (YAML or JSON): one REST API named by the
 * document's title, one variant, positions in the file itself.
 */
import { parseTemplateDocument } from "@/lib/templates/document";
import type { TemplateReader } from "@/lib/templates/types";
import { openApiVersion } from "@/lib/templates/openapi/detect";
import { readOpenApiDefinition } from "@/lib/templates/openapi/read-definition";
import { snapshotFromOpenApi } from "@/lib/templates/openapi/snapshot";

export const readOpenApiFile: TemplateReader = (entry, context) => {
  const parsed = parseTemplateDocument(entry.path, entry.text);
  if (!parsed.ok) return parsed;
  const { document } = parsed;
  if (!openApiVersion(document.value)) {
    return {
      ok: false,
      error: {
        message: `${entry.path}: not an OpenAPI definition (no "openapi: 3.x" or "swagger: \\"2.0\\"")`,
        position: document.positionOf([]),
      },
    };
  }
  const reading = readOpenApiDefinition({ definition: document.value, locate: (path) => document.positionOf(path) });
  const name = reading.restApi.name || entry.path;
  const snapshot = snapshotFromOpenApi(reading, { id: name, region: context.region, name });
  const variant = {
    assumptions: {},
    snapshot,
    locations: reading.locations,
    ...(Object.keys(reading.uncertainties).length > 0 ? { uncertainties: reading.uncertainties } : {}),
  };
  return { ok: true, apis: [{ name, format: "openapi", files: [entry.path], variants: [variant], gaps: reading.gaps }], gaps: [] };
};
