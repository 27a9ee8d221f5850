"use client";

import { CopyButton } from "@/components/ui/copy-button";
import { useOrigin } from "./use-origin";

/** Copies the absolute URL of an app path, e.g. a comparison link. */
export function CopyLinkButton({ path, label = "Copy link" }: { path: string; label?: string }) {
  const origin = useOrigin();
  return <CopyButton text={`${origin}${path}`} label={label} />;
}
