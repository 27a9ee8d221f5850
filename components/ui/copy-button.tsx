"use client";

import { useState } from "react";
import { CopyIcon } from "./icons";
import { buttonClass } from "./button";

export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      // Clipboard access needs a secure context or permission; say so rather than pretend.
      setState("failed");
    }
    window.setTimeout(() => setState("idle"), 2000);
  }
  return (
    <button type="button" onClick={copy} className={buttonClass("secondary", "px-2 py-0.5 text-xs")} data-testid="copy-button">
      <CopyIcon />
      <span aria-live="polite">{state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : label}</span>
    </button>
  );
}
