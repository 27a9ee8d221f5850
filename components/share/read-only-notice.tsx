import Link from "next/link";
import { Callout } from "@/components/ui/callout";

/** Shown in team-viewer mode (PREFLIGHT_READ_ONLY=1) where connections would otherwise be. */
export function ReadOnlyNotice() {
  return (
    <Callout tone="info" title="Read-only viewer" testId="read-only-notice">
      <p>
        This Preflight shows shared audits only: it has no AWS connections, and audits cannot be shared or deleted here. Open a link a
        teammate shared, or paste it on the{" "}
        <Link href="/audits" className="underline underline-offset-2">
          shared audits
        </Link>{" "}
        page.
      </p>
    </Callout>
  );
}
