import "server-only";
import { connectionFromFlags, type ConnectionFlags } from "@/lib/cli/connection-flags";
import type { CliIo } from "@/lib/cli/io";
import type { CliResult } from "@/lib/cli/audit-target";
import { planStageProbe } from "@/lib/aws/probe/probe-stage";
import type { AuditReport } from "@/lib/audit/types";
import { describeBudget, PROBE_LIMITS } from "@/lib/probe/plan";
import { runProbe } from "@/lib/probe/run-probe";
import type { ProbeReport } from "@/lib/probe/types";

/** `audit`'s opt-in live probe flags (README, "Live probe"). */
export const PROBE_OPTIONS = {
  probe: { type: "boolean" },
  "probe-repeat": { type: "string" },
  "probe-origin": { type: "string", multiple: true },
  "probe-actual": { type: "boolean" },
  "probe-identity": { type: "string", multiple: true },
} as const;

export interface ProbeFlags extends ConnectionFlags {
  stage?: string;
  probe?: boolean;
  "probe-repeat"?: string;
  "probe-origin"?: string[];
  "probe-actual"?: boolean;
  "probe-identity"?: string[];
}

/** A --probe-* flag without --probe is a mistake worth naming, not a silent no-op. */
export function strayProbeFlags(flags: ProbeFlags): string[] {
  if (flags.probe) return [];
  return (["probe-repeat", "probe-origin", "probe-actual", "probe-identity"] as const)
    .filter((flag) => flags[flag] !== undefined)
    .map((f) => `--${f}`);
}

/**
 * Plans the probe of the audited stage, prints its request budget to stderr before the first request, runs it and
 * returns what it observed. `--probe-identity` values (test tokens for the actual requests) stay in memory only.
 */
export async function probeFromFlags(report: AuditReport, flags: ProbeFlags, io: CliIo): Promise<CliResult<ProbeReport>> {
  let repeat: number | undefined;
  if (flags["probe-repeat"] !== undefined) {
    repeat = Number(flags["probe-repeat"]);
    if (!Number.isInteger(repeat) || repeat < 1 || repeat > PROBE_LIMITS.repeat)
      return {
        ok: false,
        message: `--probe-repeat must be a whole number from 1 to ${PROBE_LIMITS.repeat} (got "${flags["probe-repeat"]}").`,
      };
  }
  const opened = await connectionFromFlags(flags, io.env);
  if (!opened.ok) return { ok: false, message: opened.message };
  const planned = await planStageProbe({
    connection: opened.connection,
    report,
    ...(flags.stage ? { stage: flags.stage } : {}),
    env: io.env,
    options: {
      ...(repeat !== undefined ? { repeat } : {}),
      ...(flags["probe-origin"] ? { origins: flags["probe-origin"] } : {}),
      ...(flags["probe-actual"] ? { actual: true } : {}),
      ...(flags["probe-identity"] ? { identities: flags["probe-identity"] } : {}),
    },
  });
  if (!planned.ok) return { ok: false, message: `Probe not run: ${planned.reason}` };
  for (const note of planned.notes) io.err(`${note}\n`);
  io.err(`Probe of stage ${planned.plan.stage}: ${describeBudget(planned.plan)}.\n`);
  const probe = await runProbe(planned.plan, {
    onProgress: (sent, total) => io.err(`  probe: ${sent}/${total} requests\n`),
  });
  return { ok: true, value: probe };
}
