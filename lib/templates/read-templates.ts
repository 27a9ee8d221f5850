/**
 * From a set of files to the REST APIs they define: detect each file's format, call its reader with a
 * confined read context, and drop standalone documents another template already included. Bad files give
 * one-line errors naming the file and line; the other files are still read.
 */
import { dirnameOf, isInside, LIMITS, normalizePath, type FileTree } from "@/lib/templates/files/file-tree";
import { detectTemplateFormat } from "@/lib/templates/detect-format";
import { forgetLastParse } from "@/lib/templates/document";
import { isTerraformConfigurationFile } from "@/lib/templates/terraform/detect";
import type { TemplateApi, TemplateError, TemplateFormat, TemplateGap, TemplateReadContext, TemplateReader } from "@/lib/templates/types";

export type TemplateReaders = Partial<Record<TemplateFormat, TemplateReader>>;

export interface TemplatesRead {
  apis: TemplateApi[];
  /** Files named by the user, or detected as templates, that could not be read: one line each. */
  errors: TemplateError[];
  /** Files a directory scan met that do not parse (a Helm chart, a broken config): reported, not fatal. */
  skipped: string[];
  /** Gaps that concern the whole read (a scan that stopped early), added to every API's report. */
  gaps: TemplateGap[];
}

function contextFor(tree: FileTree, region: string, budget: { bytes: number }): TemplateReadContext {
  return {
    region,
    listSiblings: (from) => tree.list(dirnameOf(from)),
    readRelative(from, relativePath) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(relativePath))
        return { ok: false, error: { message: `${relativePath}: not a local file (only local paths are read)` } };
      const joined = relativePath.startsWith("/") ? relativePath : `${dirnameOf(from)}/${relativePath}`;
      const path = normalizePath(joined);
      if (!path || !isInside(tree.rootOf(from), path))
        return { ok: false, error: { message: `${relativePath}: outside the audited directory (referenced from ${from})` } };
      const read = tree.read(path);
      if (!read.ok) return { ok: false, error: { message: read.message } };
      budget.bytes += read.bytes;
      if (budget.bytes > LIMITS.totalBytes)
        return { ok: false, error: { message: `${path}: over the ${LIMITS.totalBytes / 1024 / 1024} MB limit for one audit` } };
      return { ok: true, file: { path, text: read.text } };
    },
  };
}

export function readTemplates(tree: FileTree, readers: TemplateReaders, options: { region: string }): TemplatesRead {
  const apis: TemplateApi[] = [];
  const errors: TemplateError[] = [];
  const skipped: string[] = [];
  const gaps: TemplateGap[] = tree.notes.map((message) => ({ message }));
  const budget = { bytes: 0 };
  const context = contextFor(tree, options.region, budget);
  const terraformDirs = new Set<string>();

  for (const path of tree.paths) {
    const named = tree.named.has(path);
    // Terraform reads a whole directory (module-local references): one reader call per directory.
    if (isTerraformConfigurationFile(path)) {
      const dir = dirnameOf(path);
      if (terraformDirs.has(dir)) continue;
      terraformDirs.add(dir);
    }
    const read = tree.read(path);
    if (!read.ok) {
      if (named) errors.push({ message: read.message });
      else skipped.push(read.message);
      continue;
    }
    budget.bytes += read.bytes;
    if (budget.bytes > LIMITS.totalBytes) {
      errors.push({ message: `${path}: not read, the audit is over its ${LIMITS.totalBytes / 1024 / 1024} MB limit` });
      break;
    }
    const file = { path, text: read.text };
    const detection = detectTemplateFormat(file);
    const reader = detection.ok ? readers[detection.format] : undefined;
    const result = reader?.(file, context);
    // The parse detection and the reader shared is not kept through the audit that follows (document.ts).
    forgetLastParse();
    if (!detection.ok) {
      // In a directory scan, YAML/JSON that is not infrastructure (CI workflows, configs) is skipped quietly and
      // one that does not parse is listed; a file the user named must be a template.
      if (named) errors.push({ message: detection.reason });
      else if (detection.problem === "unreadable") skipped.push(detection.reason);
      continue;
    }
    if (!result) {
      errors.push({ message: `${path}: ${detection.format} templates cannot be read by this build` });
      continue;
    }
    if (!result.ok) {
      errors.push(result.error);
      continue;
    }
    apis.push(...result.apis);
    gaps.push(...result.gaps);
  }

  // An OpenAPI document included by a SAM/CloudFormation template is part of that API, not an API of its own.
  const included = new Set(apis.filter((api) => api.format !== "openapi").flatMap((api) => api.files.slice(1)));
  const kept = apis.filter((api) => !(api.format === "openapi" && api.files.length > 0 && included.has(api.files[0]!)));
  return { apis: kept, errors, skipped, gaps };
}
