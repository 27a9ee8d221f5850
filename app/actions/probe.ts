"use server";

import { z } from "zod";
import { auditTargetSchema } from "@/app/_server/audit-target";
import { planLiveProbe, runLiveProbe, type ProbeRequest } from "@/app/_server/probe";
import { readOnlyMode } from "@/app/_server/share";
import type { ProbeBudget, ProbeReport } from "@/lib/probe/types";
import { PROBE_LIMITS, validOrigin } from "@/lib/probe/plan";

export type ProbeState =
  | { status: "idle" }
  | { status: "invalid"; message: string }
  | { status: "refused"; message: string }
  | { status: "error"; message: string; hint: string }
  | { status: "planned"; budget: ProbeBudget; summary: string; notes: string[] }
  | { status: "done"; probe: ProbeReport };

const lines = (max: number, each: z.ZodString) =>
  z
    .string()
    .max(20_000)
    .transform((text) =>
      text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .pipe(z.array(each).max(max));

const probeSchema = auditTargetSchema.extend({
  intent: z.enum(["plan", "run"]),
  stage: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, "not a stage name"),
  repeat: z.coerce.number().int().min(1).max(PROBE_LIMITS.repeat),
  origins: lines(PROBE_LIMITS.origins, z.string().refine(validOrigin, "each origin is scheme://host[:port]")),
  actual: z.enum(["on"]).optional(),
  identities: lines(PROBE_LIMITS.identities, z.string().max(4_096)),
  confirmRequests: z.coerce.number().int().nonnegative().optional(),
});

/**
 * The "Probe this stage" form: `intent=plan` computes and shows the request budget without sending anything;
 * `intent=run` sends the probe only when `confirmRequests` is the budget the plan shows now. Never automatic.
 */
export async function probeStage(_previous: ProbeState, formData: FormData): Promise<ProbeState> {
  if (readOnlyMode()) return { status: "refused", message: "This Preflight is a read-only viewer: it probes nothing." };
  const parsed = probeSchema.safeParse({
    connection: formData.get("connection"),
    region: formData.get("region"),
    apiId: formData.get("apiId"),
    intent: formData.get("intent"),
    stage: formData.get("stage"),
    repeat: formData.get("repeat") ?? "5",
    origins: formData.get("origins") ?? "",
    actual: formData.get("actual") ?? undefined,
    identities: formData.get("identities") ?? "",
    confirmRequests: formData.get("confirmRequests") ?? undefined,
  });
  if (!parsed.success) return { status: "invalid", message: parsed.error.issues.map((issue) => issue.message).join("; ") };
  const input = parsed.data;
  const request: ProbeRequest = {
    connection: input.connection,
    region: input.region,
    apiId: input.apiId,
    stage: input.stage,
    options: {
      repeat: input.repeat,
      ...(input.origins.length > 0 ? { origins: input.origins } : {}),
      ...(input.actual ? { actual: true } : {}),
      ...(input.identities.length > 0 ? { identities: input.identities } : {}),
    },
  };
  if (input.intent === "plan") {
    const planned = await planLiveProbe(request);
    if (planned.ok) return { status: "planned", budget: planned.budget, summary: planned.summary, notes: planned.notes };
    return "refused" in planned ? { status: "refused", message: planned.refused } : { status: "error", ...planned.error };
  }
  if (input.confirmRequests === undefined) return { status: "invalid", message: "The probe's request budget was not confirmed." };
  const ran = await runLiveProbe(request, input.confirmRequests);
  if (ran.ok) return { status: "done", probe: ran.probe };
  return "refused" in ran ? { status: "refused", message: ran.refused } : { status: "error", ...ran.error };
}
