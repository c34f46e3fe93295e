/**
 * Pagefind drops pages without a sort key from sorted results. Undated articles must still be
 * found, so a date-sorted list is the sorted results followed by the remaining (undated) ones in
 * relevance order.
 */
export function appendUnsorted<T extends { id: string }>(
  sorted: readonly T[],
  byRelevance: readonly T[],
): T[] {
  const seen = new Set(sorted.map((r) => r.id));
  return [...sorted, ...byRelevance.filter((r) => !seen.has(r.id))];
}
