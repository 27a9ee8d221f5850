/** Test helpers: a snapshot's methods as sorted one-line rows, easy to assert and to diff. */
import type { RawApiSnapshot } from "@/lib/model/raw-snapshot";
import type { TemplateReadContext } from "@/lib/templates/types";

/** "PATH VERB authorizationType authorizerId|- key|-" per method, sorted. */
export function methodTable(snapshot: RawApiSnapshot): string[] {
  const rows: string[] = [];
  for (const resource of snapshot.resources ?? []) {
    for (const [verb, method] of Object.entries(resource.resourceMethods ?? {})) {
      rows.push(
        `${resource.path} ${verb} ${method.authorizationType ?? "NONE"} ${method.authorizerId ?? "-"} ${method.apiKeyRequired ? "key" : "-"}`,
      );
    }
  }
  return rows.sort();
}

/** A read context with no files around the entry. */
export function isolatedContext(region = "us-east-1"): TemplateReadContext {
  return {
    readRelative: (_from, relativePath) => ({ ok: false, error: { message: `${relativePath}: not available in this test` } }),
    listSiblings: () => [],
    region,
  };
}
