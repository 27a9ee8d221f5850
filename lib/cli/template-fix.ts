import "server-only";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { auditTemplatesFromFlags } from "@/lib/cli/template-target";
import { selectFindings, type FindingSelector } from "@/lib/cli/finding-selector";
import { EXIT, type CliIo } from "@/lib/cli/io";
import { printOrWrite } from "@/lib/cli/output-file";
import { buildTemplatePatch } from "@/lib/remediation/patch/build-patch";
import type { Severity } from "@/lib/rules/types";

/**
 * `fix --template <file|dir> --format patch`: audit the templates, select findings as `fix` does, and print the
 * fix as a unified diff of the files themselves (paths relative to the working directory, as the audit names them).
 */
export async function fixTemplates(
  io: CliIo,
  options: { templates: string[]; region?: string; selectors: FindingSelector[]; minSeverity: Severity; output?: string; cwd?: string },
): Promise<number> {
  const cwd = options.cwd ?? process.cwd();
  const audited = await auditTemplatesFromFlags(options.templates, options.region, cwd);
  if (!audited.ok) {
    io.err(`${audited.message}\n`);
    return EXIT.error;
  }
  for (const note of audited.value.notes) io.err(`${note}\n`);
  const inputs = audited.value.reports
    .map((report) => ({
      report,
      findings: selectFindings(report.findings, { selectors: options.selectors, minSeverity: options.minSeverity }),
    }))
    .filter((input) => input.findings.length > 0);
  if (inputs.length === 0) {
    io.err(
      `Nothing to fix: no fixable finding ${options.selectors.length > 0 ? "matching --finding" : `at or above ${options.minSeverity}`} in ${options.templates.join(", ")}.\n`,
    );
    return EXIT.ok;
  }
  const patch = buildTemplatePatch(inputs, (path) => {
    try {
      return readFileSync(resolve(cwd, path), "utf8");
    } catch {
      return undefined;
    }
  });
  const count = inputs.reduce((sum, input) => sum + input.findings.length, 0);
  io.err(
    `Patching ${patch.patched.size} file${patch.patched.size === 1 ? "" : "s"} for ${count} finding${count === 1 ? "" : "s"} (${patch.fixed.length} fixed in the template).\n`,
  );
  if (!(await printOrWrite(io, options.output, patch.text, "patch"))) return EXIT.error;
  return EXIT.ok;
}
