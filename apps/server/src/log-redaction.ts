/**
 * What no log line may hold, wherever it turns up: in a field, a message, an error or its cause.
 * Fields named like a credential (password, secret, token, authorization, cookie, CSRF) lose their
 * value; texts lose API tokens, webhook signing secrets, bearer credentials, approval-link tokens
 * and webhook-URL tokens. Headers of a logged request are redacted by path (logging.ts).
 */

export const REDACTED = "[redacted]";

/** Field names whose values are credentials, in any casing or compound (`signingSecret`, `apiToken`). */
const SECRET_KEY = /pass(word|phrase)|secret|token|authorization|cookie|csrf/i;

/** Credentials recognisable in any text, each with what remains of it. */
const SECRET_TEXTS: Array<[RegExp, string]> = [
  [/\bfc_[A-Za-z0-9_-]{8,}/g, `fc_${REDACTED}`],
  [/\bwhsec_[A-Za-z0-9_+/=-]+/g, `whsec_${REDACTED}`],
  [/\b(Bearer|Basic)\s+[^\s"',;]+/gi, `$1 ${REDACTED}`],
  [/\/approval-links\/[^\s?#"'/]+/g, `/approval-links/${REDACTED}`],
  [/(\/hooks\/[^\s/?#"']+\/)[^\s?#"'/]+/g, `$1${REDACTED}`],
];

export function redactText(text: string): string {
  let result = text;
  for (const [pattern, replacement] of SECRET_TEXTS) result = result.replace(pattern, replacement);
  return result;
}

/** Deeper than this, a logged value is cut off rather than walked. */
const MAX_DEPTH = 8;

const isPlain = (value: object) => {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null || Array.isArray(value);
};

/**
 * The value with every credential out of it. Plain objects, arrays and errors are copied as they
 * are walked; other objects (a request, which a serializer describes) are left for their serializer.
 */
export function redactValue(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === "string") return redactText(value);
  if (value === null || typeof value !== "object") return value;
  if (seen.has(value)) return "[circular]";
  if (depth >= MAX_DEPTH) return "[too deep]";
  if (value instanceof Error) {
    seen.add(value);
    const copy = Object.create(Object.getPrototypeOf(value)) as Record<string, unknown>;
    for (const key of Object.getOwnPropertyNames(value)) copy[key] = redactField(key, (value as unknown as Record<string, unknown>)[key], depth, seen);
    return copy;
  }
  if (!isPlain(value)) return value;
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1, seen));
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) copy[key] = redactField(key, field, depth, seen);
  return copy;
}

function redactField(key: string, value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (SECRET_KEY.test(key) && value !== null && value !== undefined && typeof value !== "boolean") return REDACTED;
  return redactValue(value, depth + 1, seen);
}
