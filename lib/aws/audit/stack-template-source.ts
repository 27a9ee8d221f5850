import "server-only";
import type { Connection } from "@/lib/aws/connections/connection";
import { readStackTemplate, type StackTemplateFailure } from "@/lib/aws/cloudformation/stack-template";
import type { AuditReport } from "@/lib/audit/types";
import type { StackOrigin } from "@/lib/model/types";
import { memoryFileTree } from "@/lib/templates/files/memory-file-tree";
import type { FileTree } from "@/lib/templates/files/file-tree";

export interface StackTemplateSource {
  stack: StackOrigin;
  /** One file, `template.yaml` or `template.json`, holding the stack's original template. */
  tree: FileTree;
  path: string;
  text: string;
  /** What the patch header and the comparison call it. */
  label: string;
  /** Things the user should know (the stack's resources could not be listed). */
  notes: string[];
}

export type StackTemplateSourceResult =
  { ok: true; value: StackTemplateSource } | { ok: false; failure: StackTemplateFailure | { kind: "not-from-stack"; message: string } };

/**
 * The stack's own template for a live API that CloudFormation deployed (its `aws:cloudformation:*` tags), as a
 * one-file tree the template loader reads. DescribeStackResources confirms the tags: the stack's resource with that
 * logical id must be this API (a copied tag would otherwise patch another API's template).
 */
export async function stackTemplateSource(connection: Connection, live: AuditReport): Promise<StackTemplateSourceResult> {
  const stack = live.model.api.stack;
  if (!stack)
    return {
      ok: false,
      failure: {
        kind: "not-from-stack",
        message: `${live.api.id} has no aws:cloudformation:stack-name and aws:cloudformation:logical-id tags (not deployed by CloudFormation); name its template with --template`,
      },
    };
  const read = await readStackTemplate(connection, live.api.region, stack);
  if (!read.ok) return read;
  const notes: string[] = [];
  const own = read.template.resources.find((resource) => resource.logicalId === stack.logicalId);
  if (read.template.resourcesNote)
    notes.push(`the stack's resources were not listed (${read.template.resourcesNote}); the tags are taken as they are`);
  else if (!own || own.physicalId !== live.api.id)
    return {
      ok: false,
      failure: {
        kind: "stack-gone",
        message: `stack ${stack.stackName}'s resource ${stack.logicalId} is ${own ? `API ${own.physicalId}` : "not in the stack"}, not ${live.api.id}; the tags do not match the stack`,
      },
    };
  // JSON templates start with "{"; anything else is YAML (the template loader decides by content either way).
  const path = read.template.body.trimStart().startsWith("{") ? "template.json" : "template.yaml";
  return {
    ok: true,
    value: {
      stack,
      tree: memoryFileTree([{ path, text: read.template.body }]),
      path,
      text: read.template.body,
      label: `stack ${stack.stackName} (original template)`,
      notes,
    },
  };
}
