/** The query part every keyset-paged route takes: how many rows, and after which cursor (none: the first page). */
export function keysetQuery(limit: number, cursor: string | undefined): { limit: number; cursor?: string } {
  return { limit, ...(cursor && { cursor }) };
}
