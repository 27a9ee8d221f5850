import { memo } from "react";
import type { HttpVerb } from "@/lib/model/types";
import { cx } from "@/components/ui/cx";
import { ChevronIcon } from "@/components/ui/icons";
import { SEVERITY_STYLES, worstSeverity } from "@/components/findings/severity";
import { cellDescription, cellState, MatrixCellContent } from "./matrix-cell";
import { cellKey, type MatrixCell, type MatrixRow } from "./matrix-model";
import { ProbeCellMark } from "@/components/probe/probe-cell-mark";
import { useProbe } from "@/components/probe/probe-context";

export const ROW_HEIGHT = 44;
export const ROW_HEADER_WIDTH = 224;
/** Verb columns share the width left by the row header, within these bounds. */
export const MIN_COLUMN_WIDTH = 140;
export const MAX_COLUMN_WIDTH = 240;
const LEAF_INSET = 6;
/** A leaf's name lines up with its siblings' names after their chevrons (18 px chevron + 4 px gap), as padding rather than a spacer element. */
const LEAF_SPACER = 22;

export interface MatrixRowViewProps {
  row: MatrixRow;
  index: number;
  columns: HttpVerb[];
  columnWidth: number;
  cells: Map<string, MatrixCell>;
  expanded: boolean;
  /**
   * Keep the row header in view while the grid scrolls sideways. Only set when the grid is wider than its
   * viewport: a sticky element is a paint layer of its own (and a compositor constraint) that the browser
   * creates and tears down with every row that scrolls in or out, which is most of a scroll frame's cost.
   */
  pinHeader: boolean;
  /** The focusable column in this row (roving tabindex), or -1 when the active cell is in another row. */
  activeCol: number;
  selectedVerb?: string;
  onToggle: (resourceId: string) => void;
  onSelect: (key: string) => void;
  onActivate: (row: number, col: number) => void;
}

/**
 * One resource row; memoised (with props that keep their identity across scroll frames) so scrolling renders
 * only the rows that enter the window. Rows sit in normal flow below the row group's top padding rather than
 * absolutely positioned: an unpositioned row and its cells need no paint layers, which the browser would
 * otherwise build and destroy for every row that scrolls past.
 */
export const MatrixRowView = memo(function MatrixRowView({
  row,
  index,
  columns,
  columnWidth,
  cells,
  expanded,
  pinHeader,
  activeCol,
  selectedVerb,
  onToggle,
  onSelect,
  onActivate,
}: MatrixRowViewProps) {
  const rowWorst = worstSeverity(row.findings.map((finding) => finding.severity));
  // Read once per row: only probed cells carry the corner mark (and the positioning it needs).
  const probed = useProbe().cells;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-level={row.depth + 1}
      aria-expanded={row.hasChildren ? expanded : undefined}
      data-testid="matrix-row"
      data-path={row.resource.path}
      className="flex border-b border-zinc-100 dark:border-zinc-900"
      style={{ height: ROW_HEIGHT }}
    >
      <div
        role="rowheader"
        tabIndex={activeCol === 0 ? 0 : -1}
        data-row={index}
        data-col={0}
        title={row.resource.path}
        onFocus={() => onActivate(index, 0)}
        className={cx(
          "flex shrink-0 items-center gap-1 overflow-hidden bg-white pr-2 font-mono outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-blue-600 dark:bg-zinc-950",
          pinHeader && "sticky left-0 z-10",
        )}
        style={{ width: ROW_HEADER_WIDTH, paddingLeft: LEAF_INSET + Math.min(row.depth, 12) * 12 + (row.hasChildren ? 0 : LEAF_SPACER) }}
      >
        {row.hasChildren ? (
          <span
            aria-hidden
            onClick={() => onToggle(row.resource.id)}
            className={cx(
              "shrink-0 cursor-pointer rounded p-0.5 text-zinc-500 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800",
              expanded && "rotate-90",
            )}
          >
            <ChevronIcon />
          </span>
        ) : null}
        <span className="truncate">{row.depth === 0 ? "/" : `/${row.resource.pathPart}`}</span>
        {rowWorst ? (
          <span
            className={cx("ml-auto shrink-0", SEVERITY_STYLES[rowWorst].text)}
            title={`${row.findings.length} finding(s) on this resource`}
          >
            {SEVERITY_STYLES[rowWorst].glyph}
          </span>
        ) : null}
      </div>
      {columns.map((verb, column) => {
        const key = cellKey(row.resource.path, verb);
        const cell = cells.get(key);
        const state = cellState(cell);
        const col = column + 1;
        const selected = selectedVerb === verb;
        const description = cellDescription(cell, row.resource.path, verb);
        const probe = probed.has(key);
        return (
          <div
            key={verb}
            role="gridcell"
            tabIndex={activeCol === col ? 0 : -1}
            aria-selected={selected}
            aria-label={description}
            data-testid="matrix-cell"
            data-cell={key}
            data-state={state}
            data-severity={cell?.worst}
            data-related-severity={worstSeverity(cell?.relatedFindings.map((finding) => finding.severity) ?? [])}
            data-row={index}
            data-col={col}
            onFocus={() => onActivate(index, col)}
            onClick={() => onSelect(key)}
            className={cx(
              "flex min-w-0 shrink-0 cursor-pointer flex-col gap-0.5 border-l border-zinc-100 px-1.5 py-1 outline-none dark:border-zinc-900",
              state !== "empty" && "justify-center",
              "hover:bg-zinc-50 focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-blue-600 dark:hover:bg-zinc-900",
              cell?.worst && SEVERITY_STYLES[cell.worst].cell,
              state === "missing" && cx("border-2 border-dashed border-current", cell?.worst && SEVERITY_STYLES[cell.worst].text),
              state === "deployed-only" &&
                "bg-[repeating-linear-gradient(135deg,transparent,transparent_4px,rgba(113,113,122,0.12)_4px,rgba(113,113,122,0.12)_8px)]",
              selected && "outline-2 -outline-offset-2 outline-blue-600 dark:outline-blue-400",
              probe && "relative",
            )}
            title={description}
            style={{ width: columnWidth }}
          >
            <MatrixCellContent cell={cell} onSelect={onSelect} />
            {probe ? <ProbeCellMark cellKey={key} /> : null}
          </div>
        );
      })}
    </div>
  );
});
