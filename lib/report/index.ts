export { renderJsonReport, reportStem, type ReportExport } from "@/lib/report/json";
export { renderSarif, buildSarif, sarifLevel, SARIF_SCHEMA_URI, type SarifLog } from "@/lib/report/sarif";
export { renderMarkdownReport } from "@/lib/report/markdown";
export { renderCsvMatrix, buildMethodMatrix, MATRIX_COLUMNS } from "@/lib/report/csv";
export { targetLabel } from "@/lib/report/locations";
