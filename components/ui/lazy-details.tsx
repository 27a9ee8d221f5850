"use client";

import { useState, type ReactNode } from "react";

/**
 * A <details> whose body mounts only once it is opened: a list of hundreds of findings stays cheap,
 * since each body renders the finding's fix in every format.
 */
export function LazyDetails({ summary, children, className }: { summary: ReactNode; children: ReactNode; className?: string }) {
  const [opened, setOpened] = useState(false);
  return (
    <details className={className} onToggle={(event) => setOpened(opened || event.currentTarget.open)}>
      {summary}
      {opened ? children : null}
    </details>
  );
}
