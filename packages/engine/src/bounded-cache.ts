/**
 * What `make` gave for each of up to `limit` keys, all forgotten at once when full: for compiled
 * and analysed expressions, whose number a worker cannot foresee. What `make` throws is not kept.
 */
export function boundedCache<T>(limit: number, make: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    if (known.has(key)) return known.get(key)!;
    const made = make(key);
    if (known.size >= limit) known.clear();
    known.set(key, made);
    return made;
  };
}
