/**
 * A CSV cell that a spreadsheet shows as text: a cell starting with "=", "+", "-", "@", a tab or a carriage
 * return is read as a formula by Excel, LibreOffice and Google Sheets, so it gets a leading "'"
 * (https://owasp.org/www-community/attacks/CSV_Injection). Quoting is left to csv-stringify.
 */
export function csvCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
