/** Items per page of Replicate's list endpoints ("It will return 100 records per page", openapi.json predictions.list). */
export const PAGE_SIZE = 100;

/**
 * One page of a Replicate list: `{next, previous, results}` with cursor URLs (`?cursor=...`, opaque
 * to clients: they follow `next`), most recent first. `items` is oldest first, as kept. A cursor
 * that does not parse is answered as the first page.
 */
export function page<T>(
  items: readonly T[],
  base: string,
  query: URLSearchParams,
  size = PAGE_SIZE,
): { next: string | null; previous: string | null; results: T[] } {
  const newest = [...items].reverse();
  const offset = offsetOf(query.get('cursor'));
  // The other parameters (filters) stay in the links, as the next page must be of the same list.
  const link = (at: number) => {
    const params = new URLSearchParams(query);
    params.set('cursor', Buffer.from(`o=${at}`).toString('base64url'));
    return `${base}?${params}`;
  };
  return {
    next: offset + size < newest.length ? link(offset + size) : null,
    previous: offset > 0 ? link(Math.max(0, offset - size)) : null,
    results: newest.slice(offset, offset + size),
  };
}

function offsetOf(cursor: string | null): number {
  const match = /^o=(\d+)$/.exec(cursor ? Buffer.from(cursor, 'base64url').toString('utf8') : '');
  return match ? Number(match[1]) : 0;
}
