import { cx } from "@/components/ui/cx";
import { ClockIcon, DriftIcon, KeyIcon, LockIcon } from "@/components/ui/icons";
import { SEVERITY_STYLES, worstSeverity } from "@/components/findings/severity";
import { authLabel } from "./cell-labels";
import type { MatrixCell } from "./matrix-model";

export function cellState(cell: MatrixCell | undefined): "method" | "missing" | "deployed-only" | "served" | "empty" {
  if (!cell) return "empty";
  if (cell.method) return "method";
  if (cell.deployedOnly) return "deployed-only";
  if (cell.servedBy) return "served";
  return cell.missingNeeded ? "missing" : "empty";
}

/** What a screen reader announces for the cell. */
export function cellDescription(cell: MatrixCell | undefined, path: string, verb: string): string {
  const head = `${verb} ${path}`;
  if (!cell) return `${head}: no method`;
  const parts: string[] = [];
  if (cell.method) {
    parts.push(authLabel(cell.method, cell.authorizer).long);
    if (cell.method.apiKeyRequired) parts.push("API key required");
    if (cell.method.integration) parts.push(`${cell.method.integration.type} integration`);
  } else if (cell.deployedOnly) {
    parts.push("removed from the configuration but still deployed to the stage");
  } else if (cell.servedBy) {
    parts.push(
      `no method here; served by ${cell.servedBy.verb} ${cell.servedBy.path}, ${authLabel(cell.servedBy.method, cell.servedBy.authorizer).long}`,
    );
  } else {
    parts.push("no method");
  }
  if (cell.cacheTtlSeconds !== undefined) parts.push(`stage cache ${cell.cacheTtlSeconds} seconds`);
  if (cell.draftDiffers.length > 0) parts.push(`the draft differs from this stage: ${cell.draftDiffers.join("; ")}`);
  if (cell.missingNeeded) parts.push("missing method needed");
  if (cell.findings.length > 0) parts.push(`${cell.findings.length} finding${cell.findings.length === 1 ? "" : "s"}, worst ${cell.worst}`);
  if (cell.relatedFindings.length > 0)
    parts.push(`${cell.relatedFindings.length} finding${cell.relatedFindings.length === 1 ? "" : "s"} on its authorizer`);
  return `${head}: ${parts.join(", ")}`;
}

/** The "served by" link: selects the serving method's cell (the detail panel repeats it for keyboard users). */
export function ServedByLink({
  servedBy,
  onSelect,
  tabIndex,
}: {
  servedBy: NonNullable<MatrixCell["servedBy"]>;
  onSelect?: (key: string) => void;
  tabIndex?: number;
}) {
  return (
    <button
      type="button"
      data-testid="served-by-link"
      data-target={servedBy.key}
      tabIndex={tabIndex}
      onClick={(event) => {
        event.stopPropagation();
        onSelect?.(servedBy.key);
      }}
      className="truncate text-left font-mono text-blue-700 underline decoration-dotted underline-offset-2 hover:decoration-solid dark:text-blue-300"
    >
      {servedBy.path}
    </button>
  );
}

/**
 * The lines inside a matrix cell. They are the grid cell's own flex children (no wrapper element): every
 * element here is created and laid out again for each row that scrolls into the window.
 */
export function MatrixCellContent({ cell, onSelect }: { cell: MatrixCell | undefined; onSelect?: (key: string) => void }) {
  const state = cellState(cell);
  if (!cell || state === "empty") return <span className="text-zinc-300 dark:text-zinc-700">·</span>;
  const severity = cell.worst ? SEVERITY_STYLES[cell.worst] : undefined;
  const badge = severity ? (
    <span className={cx("ml-auto inline-flex shrink-0 items-center gap-0.5 rounded px-1 text-[10px] font-bold leading-4", severity.badge)}>
      <span aria-hidden>{severity.glyph}</span>
      {cell.findings.length}
    </span>
  ) : null;

  if (state === "missing") {
    return (
      <>
        <div className="flex items-center gap-1">
          <span className="font-semibold uppercase tracking-wide">Missing</span>
          {badge}
        </div>
        <span className="text-[11px]">needed for preflight</span>
      </>
    );
  }

  if (state === "served" && cell.servedBy) {
    const serving = authLabel(cell.servedBy.method, cell.servedBy.authorizer);
    return (
      <>
        <div className="flex min-w-0 items-center gap-1 text-[11px] text-zinc-600 dark:text-zinc-300" data-testid="served-by">
          <span className="shrink-0">served by</span>
          <ServedByLink servedBy={cell.servedBy} onSelect={onSelect} tabIndex={-1} />
          {badge}
        </div>
        <span className="truncate text-[11px] text-zinc-500 dark:text-zinc-400">
          {cell.servedBy.verb}
          {serving.kind === "none" ? ", no auth" : `, ${serving.short}`}
          {cell.servedBy.method.apiKeyRequired ? ", key" : ""}
        </span>
      </>
    );
  }

  if (state === "deployed-only") {
    return (
      <div className="flex items-center gap-1 text-zinc-500 italic dark:text-zinc-400">
        <DriftIcon className="shrink-0" />
        <span>deployed only</span>
        {badge}
      </div>
    );
  }

  const method = cell.method!;
  const auth = authLabel(method, cell.authorizer);
  const relatedWorst = worstSeverity(cell.relatedFindings.map((finding) => finding.severity));
  return (
    <>
      <div className="flex min-w-0 items-center gap-1">
        {auth.kind === "none" ? null : <LockIcon className="shrink-0" />}
        <span className={cx("truncate", auth.kind === "none" ? "text-zinc-500 dark:text-zinc-400" : "font-medium")}>{auth.short}</span>
        {auth.ttl ? (
          <span className="shrink-0 rounded bg-zinc-100 px-0.5 text-[10px] tabular-nums text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
            {auth.ttl}
          </span>
        ) : null}
        {method.apiKeyRequired ? (
          <span className="inline-flex shrink-0 items-center gap-0.5 rounded border border-current px-0.5 text-[10px] font-semibold leading-3.5">
            <KeyIcon />
            KEY
          </span>
        ) : null}
        {badge}
      </div>
      <div className="flex min-w-0 items-center gap-1.5 text-[11px] text-zinc-500 dark:text-zinc-400">
        <span className="truncate font-mono">{method.integration?.type ?? "no integration"}</span>
        {cell.cacheTtlSeconds !== undefined ? (
          <span className="inline-flex shrink-0 items-center gap-0.5 text-violet-700 dark:text-violet-300">
            <ClockIcon />
            {cell.cacheTtlSeconds}s
          </span>
        ) : null}
        {relatedWorst ? (
          <span
            className={cx("inline-flex shrink-0 items-center gap-0.5", SEVERITY_STYLES[relatedWorst].text)}
            title="Affected by a finding on its authorizer"
          >
            <span aria-hidden>{SEVERITY_STYLES[relatedWorst].glyph}</span>
            via auth
          </span>
        ) : null}
        {cell.draftDiffers.length > 0 ? (
          <span
            className="inline-flex min-w-0 items-center gap-0.5 text-fuchsia-700 dark:text-fuchsia-300"
            data-testid="draft-differs"
            title={`The draft differs from this stage: ${cell.draftDiffers.join("; ")}`}
          >
            <DriftIcon className="shrink-0" />
            <span className="truncate">
              drift · {cell.draftDiffers[0]}
              {cell.draftDiffers.length > 1 ? ` +${cell.draftDiffers.length - 1}` : ""}
            </span>
          </span>
        ) : null}
      </div>
    </>
  );
}
