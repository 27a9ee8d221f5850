/**
 * Collect-all paginator for API Gateway's `{ item, position }` collections. Written by hand because
 * the SDK has no paginator for GetAuthorizers or GetGatewayResponses, and so every collection is read
 * the same way. A repeated position (a service bug or a proxy replaying pages) stops with an error
 * instead of looping forever.
 */
export interface Page<T> {
  items: T[];
  position?: string;
}

export async function collectAll<T>(fetchPage: (position: string | undefined) => Promise<Page<T>>, maxPages = 10_000): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let position: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const result = await fetchPage(position);
    items.push(...result.items);
    if (!result.position) return items;
    if (seen.has(result.position)) throw new Error(`Pagination repeated position "${result.position}"; stopped to avoid an endless read.`);
    seen.add(result.position);
    position = result.position;
  }
  throw new Error(`Pagination did not finish within ${maxPages} pages.`);
}
