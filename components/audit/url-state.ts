import type { Severity } from "@/lib/rules/types";
import { isSeverity } from "@/components/findings/severity";
import type { FindingsFilter } from "@/components/findings/findings-filter";

export type AuditTab = "matrix" | "findings" | "fix";

const TABS: readonly AuditTab[] = ["matrix", "findings", "fix"];

/** Everything about the audit view that a copied URL must reproduce. */
export interface AuditViewState extends FindingsFilter {
  stage?: string;
  /** "/orders/{id}:OPTIONS" */
  cell?: string;
  tab: AuditTab;
}

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: Params, name: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(name) ?? undefined;
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

function list(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

export function parseViewState(params: Params): AuditViewState {
  const severities = list(read(params, "severity"))
    .map((item) => item.toLowerCase())
    .filter(isSeverity) as Severity[];
  return {
    stage: read(params, "stage") || undefined,
    cell: read(params, "cell") || undefined,
    severities: [...new Set(severities)],
    rules: [...new Set(list(read(params, "rule")))],
    path: read(params, "q") ?? "",
    tab: TABS.find((tab) => tab === read(params, "tab")) ?? "matrix",
  };
}

/** Serialises only what differs from the defaults, in a stable order, so URLs stay short and comparable. */
export function serializeViewState(state: AuditViewState): string {
  const params = new URLSearchParams();
  if (state.stage) params.set("stage", state.stage);
  if (state.severities.length > 0) params.set("severity", state.severities.join(","));
  if (state.rules.length > 0) params.set("rule", state.rules.join(","));
  if (state.path.trim()) params.set("q", state.path.trim());
  if (state.tab !== "matrix") params.set("tab", state.tab);
  if (state.cell) params.set("cell", state.cell);
  // Keep "/", "{", "}", ":" and "," readable in the address bar; they are legal in a query string.
  return params.toString().replace(/%2F/g, "/").replace(/%7B/g, "{").replace(/%7D/g, "}").replace(/%3A/g, ":").replace(/%2C/g, ",");
}
