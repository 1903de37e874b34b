/** A JSON value: what inputs, outputs and payloads are made of. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * The value with object keys in the order Postgres `jsonb` keeps them (shorter keys first, then
 * by code unit). A value computed in memory and one read back from storage then look alike to
 * key-order-sensitive expressions ($keys, $string), so a replay sees what the first run saw.
 */
export function inJsonbKeyOrder(value: Json): Json {
  if (Array.isArray(value)) return value.map(inJsonbKeyOrder);
  if (value === null || typeof value !== "object") return value;
  const keys = Object.keys(value).sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((key) => [key, inJsonbKeyOrder(value[key]!)]));
}
