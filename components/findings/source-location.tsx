"use client";

import { createContext, useContext } from "react";
import { positionOf } from "@/lib/audit/element-key";
import type { AuditSource } from "@/lib/audit/source";
import type { FindingTarget } from "@/lib/rules/types";

// A context rather than a prop: finding cards sit four components deep in several views (matrix detail,
// findings list, API-wide findings), and only a template source has positions to show.
const SourceContext = createContext<AuditSource | undefined>(undefined);

/** The audited source, for the finding cards below it; AuditView provides the report's own. */
export const FindingSourceProvider = SourceContext.Provider;

/** "template.yaml:42:7": where a template source wrote the element a finding targets; nothing for a live source. */
export function SourceLocation({ target }: { target: FindingTarget }) {
  const source = useContext(SourceContext);
  const position = source ? positionOf(source, target) : undefined;
  if (!position) return null;
  const where = `${position.file}:${position.line}:${position.column}`;
  return (
    <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="finding-location" data-location={where}>
      Written at <code className="font-mono text-zinc-900 dark:text-zinc-100">{where}</code>
    </p>
  );
}
