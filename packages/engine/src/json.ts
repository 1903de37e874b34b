import { utf8Length } from "./json-size.ts";

/** A JSON value: what inputs, outputs and payloads are made of. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * The most one value in history may take, as UTF-8 JSON: an instance's input, an event's payload,
 * an activity's output, what an expression yields. History is read whole on every cache miss and
 * sent to every open instance view, so no single value may grow it without bound.
 */
export const MAX_STORED_VALUE_BYTES = 1024 * 1024;

/**
 * The value with object keys in the order Postgres `jsonb` keeps them: the canonical form of every
 * value that enters history. A value computed in memory and one read back from storage then look
 * alike to key-order-sensitive expressions ($keys, $string, `obj.*`), so a replay, on this worker
 * or another, sees what the first run saw. (Keys that are array indices come first in any
 * JavaScript object, read from storage or not, so both ways agree on those too.)
 */
export function inJsonbKeyOrder(value: Json): Json {
  if (Array.isArray(value)) return value.map(inJsonbKeyOrder);
  if (value === null || typeof value !== "object") return value;
  const keys = Object.keys(value).sort(compareJsonbKeys);
  return Object.fromEntries(keys.map((key) => [key, inJsonbKeyOrder(value[key]!)]));
}

/** Postgres's order of `jsonb` keys: shorter in UTF-8 bytes first, then by bytes, which is by code point. */
function compareJsonbKeys(a: string, b: string): number {
  const bytes = utf8Length(a) - utf8Length(b);
  if (bytes !== 0) return bytes;
  for (let i = 0; i < a.length; ) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    i += x > 0xffff ? 2 : 1;
  }
  return 0;
}

/**
 * A NUL character or a lone surrogate, escaped as JSON.stringify writes them (\u0000, \ud800):
 * Postgres refuses both in `jsonb`. The backslashes before the escape must be even in number
 * (captured, so a replacement keeps them), or the text holds a literal backslash followed by
 * "u0000", which is fine.
 */
const UNSTORABLE_ESCAPE = /(?<!\\)((?:\\\\)*)\\u(0000|d[89a-f][0-9a-f]{2})/i;

/** What in this JSON text (as JSON.stringify writes it) Postgres cannot store, in words, or null when it can store all of it. */
export function unstorableIn(jsonText: string): string | null {
  const found = UNSTORABLE_ESCAPE.exec(jsonText);
  if (!found) return null;
  return found[2] === "0000"
    ? "a string with a NUL character (\\u0000), which cannot be stored"
    : `a string with a lone surrogate (\\u${found[2]!.toLowerCase()}), which is not valid Unicode and cannot be stored`;
}

/** The JSON text with what Postgres cannot store replaced by U+FFFD: for errors, which must always be storable. */
export function storableJsonText(jsonText: string): string {
  return jsonText.replace(new RegExp(UNSTORABLE_ESCAPE.source, "gi"), "$1\\ufffd");
}
