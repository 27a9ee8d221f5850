"use client";

import { createContext, useContext, useMemo, useState } from "react";
import type { ProbeReport } from "@/lib/probe/types";
import { probeCellSummaries, type ProbeCellSummary } from "./probe-cells";

interface ProbeContextValue {
  probe: ProbeReport | undefined;
  setProbe: (probe: ProbeReport) => void;
  cells: ReadonlyMap<string, ProbeCellSummary>;
}

const ProbeContext = createContext<ProbeContextValue>({ probe: undefined, setProbe: () => undefined, cells: new Map() });

/** Holds the page's probe (a stored audit's, or the one just run) for the probe panel and the matrix cells. */
export function ProbeProvider({ initial, children }: { initial?: ProbeReport; children: React.ReactNode }) {
  const [probe, setProbe] = useState<ProbeReport | undefined>(initial);
  const value = useMemo(() => ({ probe, setProbe, cells: probeCellSummaries(probe) }), [probe]);
  return <ProbeContext.Provider value={value}>{children}</ProbeContext.Provider>;
}

export function useProbe(): ProbeContextValue {
  return useContext(ProbeContext);
}
