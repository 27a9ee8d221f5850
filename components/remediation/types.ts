// The fix views are built on the server (lib/report/fix-views.ts); the components only show them.
export type { RemediationSnippet, WholeApiFixView } from "@/lib/report/fix-views";
