export { renderJsonReport, reportStem, type ReportExport } from "@/lib/report/json";
export { renderSarif, buildSarif, buildSarifForReports, sarifLevel, SARIF_SCHEMA_URI, type SarifLog } from "@/lib/report/sarif";
export { renderMarkdownReport } from "@/lib/report/markdown";
export { renderCsvMatrix, renderCsvMatrices, buildMethodMatrix, MATRIX_COLUMNS } from "@/lib/report/csv";
export { targetLabel } from "@/lib/report/locations";
