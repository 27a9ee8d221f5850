/** Where a template audit lives in the app; shared by the upload action, its pages and their components. */

/** The list of REST APIs one upload defined. */
export function templateAuditPath(id: string): string {
  return `/templates/${encodeURIComponent(id)}`;
}

/** One API's audit; `index` is 1-based, the order the list shows. */
export function templateApiPath(id: string, index: number): string {
  return `${templateAuditPath(id)}/${index}`;
}

/** Where that API's exports (`/export/<format>`) and whole-API fix files (`/fix/<file>`) download from. */
export function templateDownloadBase(id: string, index: number): string {
  return `/api${templateApiPath(id, index)}`;
}
