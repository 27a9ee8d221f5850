import { memo } from "react";
import type { HttpVerb } from "@/lib/model/types";
import { cx } from "@/components/ui/cx";
import { ChevronIcon } from "@/components/ui/icons";
import { SEVERITY_STYLES, worstSeverity } from "@/components/findings/severity";
import { cellDescription, cellState, MatrixCellContent } from "./matrix-cell";
import { cellKey, type MatrixCell, type MatrixRow } from "./matrix-model";
import { ProbeCellMark } from "@/components/probe/probe-cell-mark";

export const ROW_HEIGHT = 44;
export const ROW_HEADER_WIDTH = 224;
/** Verb columns share the width left by the row header, within these bounds. */
export const MIN_COLUMN_WIDTH = 140;
export const MAX_COLUMN_WIDTH = 240;

export interface MatrixRowViewProps {
  row: MatrixRow;
  index: number;
  /** Pixels from the top of the row group. */
  offset: number;
  columns: HttpVerb[];
  columnWidth: number;
  cells: Map<string, MatrixCell>;
  expanded: boolean;
  /** The focusable column in this row (roving tabindex), or -1 when the active cell is in another row. */
  activeCol: number;
  selectedVerb?: string;
  onToggle: (resourceId: string) => void;
  onSelect: (key: string) => void;
  onActivate: (row: number, col: number) => void;
}

/** One resource row; memoised so scrolling re-renders only the rows that enter the window. */
export const MatrixRowView = memo(function MatrixRowView({
  row,
  index,
  offset,
  columns,
  columnWidth,
  cells,
  expanded,
  activeCol,
  selectedVerb,
  onToggle,
  onSelect,
  onActivate,
}: MatrixRowViewProps) {
  const rowWorst = worstSeverity(row.findings.map((finding) => finding.severity));
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-level={row.depth + 1}
      aria-expanded={row.hasChildren ? expanded : undefined}
      data-testid="matrix-row"
      data-path={row.resource.path}
      className="absolute left-0 top-0 flex border-b border-zinc-100 dark:border-zinc-900"
      style={{ height: ROW_HEIGHT, transform: `translateY(${offset}px)` }}
    >
      <div
        role="rowheader"
        tabIndex={activeCol === 0 ? 0 : -1}
        data-row={index}
        data-col={0}
        title={row.resource.path}
        onFocus={() => onActivate(index, 0)}
        className="sticky left-0 z-10 flex items-center gap-1 overflow-hidden bg-white pr-2 font-mono outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-blue-600 dark:bg-zinc-950"
        style={{ width: ROW_HEADER_WIDTH, paddingLeft: 6 + Math.min(row.depth, 12) * 12 }}
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
        ) : (
          <span aria-hidden className="w-[18px] shrink-0" />
        )}
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
              "relative flex cursor-pointer items-stretch border-l border-zinc-100 px-1.5 py-1 outline-none dark:border-zinc-900",
              "hover:bg-zinc-50 focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-blue-600 dark:hover:bg-zinc-900",
              cell?.worst && SEVERITY_STYLES[cell.worst].cell,
              state === "missing" && cx("border-2 border-dashed border-current", cell?.worst && SEVERITY_STYLES[cell.worst].text),
              state === "deployed-only" &&
                "bg-[repeating-linear-gradient(135deg,transparent,transparent_4px,rgba(113,113,122,0.12)_4px,rgba(113,113,122,0.12)_8px)]",
              selected && "outline-2 -outline-offset-2 outline-blue-600 dark:outline-blue-400",
            )}
            title={description}
            style={{ width: columnWidth }}
          >
            <MatrixCellContent cell={cell} onSelect={onSelect} />
            <ProbeCellMark cellKey={key} />
          </div>
        );
      })}
    </div>
  );
});
