"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { cellKey, type MatrixModel, type MatrixRow } from "./matrix-model";
import { MatrixRowView, MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH, ROW_HEADER_WIDTH, ROW_HEIGHT } from "./matrix-row";
import { panelClass } from "@/components/ui/panel";

const HEADER_HEIGHT = 32;
const PAGE_ROWS = 10;

interface Position {
  row: number;
  col: number;
}

export interface MethodMatrixProps {
  matrix: MatrixModel;
  /** The rows to show (collapsed subtrees and path-filtered rows already removed). */
  rows: MatrixRow[];
  /** False while a large API's later rows are still streaming in (a deep-linked cell may be among them). */
  complete?: boolean;
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
export function MethodMatrix({ matrix, rows, complete = true, collapsed, onToggle, selectedKey, onSelect }: MethodMatrixProps) {
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
    // Rows beyond the viewport, on each side: enough for keyboard paging and wheel steps. Every extra row is
    // laid out and painted again on each scroll frame (measured: 12 rows cost about a fifth more paint than 4).
    overscan: 6,
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
  // Columns fill the available width (within bounds); re-measured when the panel opens or the window resizes.
  const [viewportWidth, setViewportWidth] = useState(1100);
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewportWidth(element.clientWidth));
    observer.observe(element);
    setViewportWidth(element.clientWidth);
    return () => observer.disconnect();
  }, []);
  const activate = useCallback((row: number, col: number) => setActive({ row, col }), []);

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
    // Only on a new selection, or when the streamed rows complete (the selected row may have just arrived); rows
    // change identity as filters change and must not pull the view back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedKey, complete]);

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

  const columnWidth = Math.floor(
    Math.max(MIN_COLUMN_WIDTH, Math.min(MAX_COLUMN_WIDTH, (viewportWidth - ROW_HEADER_WIDTH - 2) / Math.max(1, columns.length))),
  );
  const totalWidth = ROW_HEADER_WIDTH + columns.length * columnWidth;
  // Row headers only need to stick when the grid scrolls sideways (see MatrixRowView's pinHeader).
  const pinHeader = totalWidth > viewportWidth;
  const items = virtualizer.getVirtualItems();
  // Fixed-height rows stacked in normal flow: the rows above the window are this much padding.
  const windowTop = items.length > 0 ? items[0]!.start - HEADER_HEIGHT : 0;
  const selectedPath = selectedKey ? selectedKey.slice(0, selectedKey.lastIndexOf(":")) : undefined;

  return (
    <div
      ref={scrollRef}
      role="treegrid"
      aria-label={`Method matrix: ${rows.length} resources by ${columns.length} methods`}
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length + 1}
      data-testid="method-matrix"
      onKeyDown={onKeyDown}
      // The virtualiser owns the scroll position: the browser must not shift it to keep an in-flow row in place
      // when the rows above the window change (https://developer.mozilla.org/en-US/docs/Web/CSS/overflow-anchor).
      style={{ overflowAnchor: "none" }}
      className={panelClass("relative h-[max(24rem,calc(100vh-12rem))] overflow-auto bg-white text-xs dark:bg-zinc-950")}
    >
      <div role="rowgroup" className="sticky top-0 z-20" style={{ width: totalWidth }}>
        <div
          role="row"
          aria-rowindex={1}
          className="flex border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900"
          style={{ height: HEADER_HEIGHT }}
        >
          <div
            role="columnheader"
            className="sticky left-0 z-10 flex items-center bg-zinc-50 px-3 font-semibold dark:bg-zinc-900"
            style={{ width: ROW_HEADER_WIDTH }}
          >
            Resource
          </div>
          {columns.map((verb) => (
            <div
              key={verb}
              role="columnheader"
              className="flex items-center border-l border-zinc-200 px-2 font-mono font-semibold dark:border-zinc-800"
              style={{ width: columnWidth }}
            >
              {verb}
            </div>
          ))}
        </div>
      </div>
      <div
        role="rowgroup"
        // Strict containment: the row group has a fixed size, so rows entering and leaving never lay out or
        // repaint anything outside it (https://developer.mozilla.org/en-US/docs/Web/CSS/contain).
        className="contain-strict"
        style={{ height: virtualizer.getTotalSize(), width: totalWidth, paddingTop: windowTop }}
      >
        {items.map((item) => {
          const row = rows[item.index]!;
          const selectedVerb =
            selectedKey && selectedPath === row.resource.path ? selectedKey.slice(selectedKey.lastIndexOf(":") + 1) : undefined;
          return (
            <MatrixRowView
              key={row.resource.id}
              row={row}
              index={item.index}
              columns={columns}
              columnWidth={columnWidth}
              cells={matrix.cells}
              expanded={row.hasChildren && !collapsed.has(row.resource.id)}
              pinHeader={pinHeader}
              activeCol={current.row === item.index ? current.col : -1}
              selectedVerb={selectedVerb}
              onToggle={onToggle}
              onSelect={onSelect}
              onActivate={activate}
            />
          );
        })}
      </div>
    </div>
  );
}
