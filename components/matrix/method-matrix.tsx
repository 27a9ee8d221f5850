"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { cx } from "@/components/ui/cx";
import { ChevronIcon } from "@/components/ui/icons";
import { SEVERITY_STYLES, worstSeverity } from "@/components/findings/severity";
import { cellDescription, cellState, MatrixCellContent } from "./matrix-cell";
import { cellKey, type MatrixModel, type MatrixRow } from "./matrix-model";

const ROW_HEIGHT = 44;
const HEADER_HEIGHT = 32;
const ROW_HEADER_WIDTH = 264;
const COLUMN_WIDTH = 176;
const PAGE_ROWS = 10;

interface Position {
  row: number;
  col: number;
}

export interface MethodMatrixProps {
  matrix: MatrixModel;
  /** The rows to show (collapsed subtrees and path-filtered rows already removed). */
  rows: MatrixRow[];
  collapsed: ReadonlySet<string>;
  onToggle: (resourceId: string) => void;
  selectedKey?: string;
  onSelect: (key: string) => void;
}

/**
 * The method matrix as an ARIA treegrid: one row per resource (indented, collapsible), one column per
 * verb. Rows are virtualised so a 1,000-resource API renders only what is on screen; focus is a roving
 * tabindex moved with the arrow keys (https://www.w3.org/WAI/ARIA/apg/patterns/treegrid/).
 */
export function MethodMatrix({ matrix, rows, collapsed, onToggle, selectedKey, onSelect }: MethodMatrixProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<Position>({ row: 0, col: 1 });
  const pendingFocus = useRef(false);
  const columns = matrix.columns;

  // The React Compiler is not enabled here; TanStack Virtual re-renders this component itself on scroll.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Server render and first paint, before the scroll element can be measured: a screenful of rows.
    initialRect: { width: 1280, height: 800 },
    // The sticky column header sits above the rows inside the same scroll container.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });

  const clamp = useCallback(
    (position: Position): Position => ({
      row: Math.max(0, Math.min(rows.length - 1, position.row)),
      col: Math.max(0, Math.min(columns.length, position.col)),
    }),
    [rows.length, columns.length],
  );
  const current = clamp(active);

  const moveTo = useCallback(
    (position: Position) => {
      const next = clamp(position);
      pendingFocus.current = true;
      setActive(next);
      virtualizer.scrollToIndex(next.row, { align: "auto" });
    },
    [clamp, virtualizer],
  );

  // Follow selections made elsewhere (deep link, findings list): bring the selected cell into view.
  useLayoutEffect(() => {
    if (!selectedKey) return;
    const at = selectedKey.lastIndexOf(":");
    const row = rows.findIndex((item) => item.resource.path === selectedKey.slice(0, at));
    const col = columns.indexOf(selectedKey.slice(at + 1) as (typeof columns)[number]);
    if (row < 0 || col < 0) return;
    setActive((previous) => (previous.row === row && previous.col === col + 1 ? previous : { row, col: col + 1 }));
    virtualizer.scrollToIndex(row, { align: "auto" });
    // Only on a new selection; rows change identity as filters change and must not pull the view back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedKey]);

  useEffect(() => {
    if (!pendingFocus.current) return;
    const element = scrollRef.current?.querySelector<HTMLElement>(`[data-row="${current.row}"][data-col="${current.col}"]`);
    if (element) {
      pendingFocus.current = false;
      element.focus({ preventScroll: false });
    }
  });

  function onKeyDown(event: React.KeyboardEvent<HTMLDivElement>) {
    const row = rows[current.row];
    if (!row) return;
    const onHeader = current.col === 0;
    const expanded = row.hasChildren && !collapsed.has(row.resource.id);
    switch (event.key) {
      case "ArrowDown":
        moveTo({ ...current, row: current.row + 1 });
        break;
      case "ArrowUp":
        moveTo({ ...current, row: current.row - 1 });
        break;
      case "ArrowRight":
        if (onHeader && row.hasChildren && !expanded) onToggle(row.resource.id);
        else moveTo({ ...current, col: current.col + 1 });
        break;
      case "ArrowLeft":
        if (onHeader && expanded) onToggle(row.resource.id);
        else if (onHeader && row.ancestorIds.length > 0) {
          const parentId = row.ancestorIds[row.ancestorIds.length - 1];
          moveTo({ row: rows.findIndex((item) => item.resource.id === parentId), col: 0 });
        } else moveTo({ ...current, col: current.col - 1 });
        break;
      case "Home":
        moveTo(event.ctrlKey ? { row: 0, col: current.col } : { ...current, col: 0 });
        break;
      case "End":
        moveTo(event.ctrlKey ? { row: rows.length - 1, col: current.col } : { ...current, col: columns.length });
        break;
      case "PageDown":
        moveTo({ ...current, row: current.row + PAGE_ROWS });
        break;
      case "PageUp":
        moveTo({ ...current, row: current.row - PAGE_ROWS });
        break;
      case "Enter":
      case " ": {
        if (onHeader) {
          if (row.hasChildren) onToggle(row.resource.id);
        } else {
          const verb = columns[current.col - 1];
          if (verb) onSelect(cellKey(row.resource.path, verb));
        }
        break;
      }
      default:
        return;
    }
    event.preventDefault();
  }

  const totalWidth = ROW_HEADER_WIDTH + columns.length * COLUMN_WIDTH;

  return (
    <div
      ref={scrollRef}
      role="treegrid"
      aria-label={`Method matrix: ${rows.length} resources by ${columns.length} methods`}
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length + 1}
      data-testid="method-matrix"
      onKeyDown={onKeyDown}
      className="relative h-[calc(100vh-17rem)] min-h-96 overflow-auto rounded-md border border-zinc-200 bg-white text-xs dark:border-zinc-800 dark:bg-zinc-950"
    >
      <div role="rowgroup" className="sticky top-0 z-20" style={{ width: totalWidth }}>
        <div role="row" aria-rowindex={1} className="flex border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900" style={{ height: HEADER_HEIGHT }}>
          <div role="columnheader" className="sticky left-0 z-10 flex items-center bg-zinc-50 px-3 font-semibold dark:bg-zinc-900" style={{ width: ROW_HEADER_WIDTH }}>
            Resource
          </div>
          {columns.map((verb) => (
            <div key={verb} role="columnheader" className="flex items-center border-l border-zinc-200 px-2 font-mono font-semibold dark:border-zinc-800" style={{ width: COLUMN_WIDTH }}>
              {verb}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" className="relative" style={{ height: virtualizer.getTotalSize(), width: totalWidth }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]!;
          const expanded = row.hasChildren && !collapsed.has(row.resource.id);
          const rowWorst = worstSeverity(row.findings.map((finding) => finding.severity));
          return (
            <div
              key={row.resource.id}
              role="row"
              aria-rowindex={item.index + 2}
              aria-level={row.depth + 1}
              aria-expanded={row.hasChildren ? expanded : undefined}
              data-testid="matrix-row"
              data-path={row.resource.path}
              className="absolute left-0 top-0 flex border-b border-zinc-100 dark:border-zinc-900"
              style={{ height: ROW_HEIGHT, transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
            >
              <div
                role="rowheader"
                tabIndex={current.row === item.index && current.col === 0 ? 0 : -1}
                data-row={item.index}
                data-col={0}
                title={row.resource.path}
                onFocus={() => setActive({ row: item.index, col: 0 })}
                className="sticky left-0 z-10 flex items-center gap-1 overflow-hidden bg-white pr-2 font-mono outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-blue-600 dark:bg-zinc-950"
                style={{ width: ROW_HEADER_WIDTH, paddingLeft: 8 + Math.min(row.depth, 12) * 14 }}
              >
                {row.hasChildren ? (
                  <span
                    aria-hidden
                    onClick={() => onToggle(row.resource.id)}
                    className={cx("shrink-0 cursor-pointer rounded p-0.5 text-zinc-500 dark:text-zinc-400 hover:bg-zinc-100 dark:hover:bg-zinc-800", expanded && "rotate-90")}
                  >
                    <ChevronIcon />
                  </span>
                ) : (
                  <span aria-hidden className="w-[18px] shrink-0" />
                )}
                <span className="truncate">{row.depth === 0 ? "/" : `/${row.resource.pathPart}`}</span>
                {rowWorst ? (
                  <span className={cx("ml-auto shrink-0", SEVERITY_STYLES[rowWorst].text)} title={`${row.findings.length} finding(s) on this resource`}>
                    {SEVERITY_STYLES[rowWorst].glyph}
                  </span>
                ) : null}
              </div>
              {columns.map((verb, index) => {
                const key = cellKey(row.resource.path, verb);
                const cell = matrix.cells.get(key);
                const state = cellState(cell);
                const col = index + 1;
                const selected = selectedKey === key;
                return (
                  <div
                    key={verb}
                    role="gridcell"
                    tabIndex={current.row === item.index && current.col === col ? 0 : -1}
                    aria-selected={selected}
                    aria-label={cellDescription(cell, row.resource.path, verb)}
                    data-testid="matrix-cell"
                    data-cell={key}
                    data-state={state}
                    data-severity={cell?.worst}
                    data-related-severity={worstSeverity(cell?.relatedFindings.map((finding) => finding.severity) ?? [])}
                    data-row={item.index}
                    data-col={col}
                    onFocus={() => setActive({ row: item.index, col })}
                    onClick={() => onSelect(key)}
                    className={cx(
                      "relative flex cursor-pointer items-stretch border-l border-zinc-100 px-2 py-1 outline-none dark:border-zinc-900",
                      "hover:bg-zinc-50 focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-blue-600 dark:hover:bg-zinc-900",
                      cell?.worst && SEVERITY_STYLES[cell.worst].cell,
                      state === "missing" && cx("border-2 border-dashed border-current", cell?.worst && SEVERITY_STYLES[cell.worst].text),
                      state === "deployed-only" && "bg-[repeating-linear-gradient(135deg,transparent,transparent_4px,rgba(113,113,122,0.12)_4px,rgba(113,113,122,0.12)_8px)]",
                      selected && "outline-2 -outline-offset-2 outline-blue-600 dark:outline-blue-400",
                    )}
                    style={{ width: COLUMN_WIDTH }}
                  >
                    <MatrixCellContent cell={cell} />
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}
