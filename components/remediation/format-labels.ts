// Moved to lib/report so the server renders fixes and the browser only shows them; re-exported for the views and e2e.
export { FORMAT_LABELS } from "@/lib/report/format-labels";
