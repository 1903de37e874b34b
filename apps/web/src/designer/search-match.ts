/** Finding things by name in the searchable lists (search-list.tsx). */

/** One thing to choose. */
export interface SearchItem {
  id: string;
  label: string;
  /** What kind of thing it is, shown beside it: "Step", "Activity", "Command". */
  group: string;
  hint?: string;
  /** Why it cannot be chosen now; undefined when it can. */
  unavailable?: string;
}

/**
 * The items matching a query, best first: every word of the query must occur in the label or
 * the group; labels starting with the query come first, then those with a word starting with it.
 */
export function matchItems<T extends SearchItem>(items: T[], query: string): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return items;
  const whole = words.join(" ");
  const rank = (item: T) => {
    const label = item.label.toLowerCase();
    if (label.startsWith(whole)) return 0;
    return label.split(/[\s:_()/-]+/).some((word) => word.startsWith(words[0]!)) ? 1 : 2;
  };
  return items
    .filter((item) => words.every((word) => `${item.label} ${item.group}`.toLowerCase().includes(word)))
    .map((item, order) => ({ item, order, rank: rank(item) }))
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .map(({ item }) => item);
}
