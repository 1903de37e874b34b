/**
 * JSON from callers (request bodies, tRPC's input in the URL), checked before anything else reads
 * it: text that is not UTF-8, nesting that would overflow the stack of recursive code downstream,
 * keys that could alter prototypes, and text Postgres cannot store are refused with a 400 naming
 * the problem, so that nothing invalid is stored and nothing crashes later.
 */
import secureJson from "secure-json-parse";

/**
 * Deepest nesting of arrays and objects a caller may send. Far deeper than any definition or
 * payload people write (a definition nests about four levels per container), far shallower than
 * the thousands at which JSON.stringify and other recursive code run out of stack.
 */
export const MAX_JSON_DEPTH = 200;

export class InvalidJsonError extends Error {
  readonly statusCode = 400;
  readonly code = "invalid_json";
}

/** Fails on bytes that are not UTF-8, where a lenient decoder would store U+FFFD instead. */
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** The text of `bytes`, which must be UTF-8; `what` names them in the refusal. */
export function utf8TextOf(bytes: Uint8Array, what: string): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new InvalidJsonError(`${what} is not valid UTF-8`);
  }
}

/** The value of JSON text, undefined for empty text; anything unacceptable is an InvalidJsonError naming `what`. */
export function parseJsonText(text: string, what: string): unknown {
  if (text.trim() === "") return undefined;
  if (nestedTooDeep(text)) throw new InvalidJsonError(`${what} is nested deeper than ${MAX_JSON_DEPTH} levels of arrays and objects`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InvalidJsonError(`${what} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof value === "object" && value !== null) {
    try {
      secureJson.scan(value, { protoAction: "error", constructorAction: "error" });
    } catch {
      throw new InvalidJsonError(`${what} holds a "__proto__" key or a "constructor.prototype", which could alter the server's objects; rename the key`);
    }
  }
  const problem = unstorableTextIn(value, "");
  if (problem) throw new InvalidJsonError(`${what} ${problem}`);
  return value;
}

/** Whether arrays and objects nest deeper than the limit, by counting brackets outside strings (before parsing builds anything). */
function nestedTooDeep(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c /* \ */) i++;
      else if (char === 0x22 /* " */) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x5b /* [ */ || char === 0x7b /* { */) {
      if (++depth > MAX_JSON_DEPTH) return true;
    } else if (char === 0x5d /* ] */ || char === 0x7d /* } */) {
      depth--;
    }
  }
  return false;
}

/** Matches a UTF-16 surrogate that is not half of a pair (with the `u` flag, pairs are one code point). */
const LONE_SURROGATE = /\p{Surrogate}/u;

/** The first string or key Postgres cannot store, described with where it is; null when there is none. */
function unstorableTextIn(value: unknown, path: string): string | null {
  if (typeof value === "string") return problemIn(value, path ? ` at ${path}` : "");
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = unstorableTextIn(value[i], `${path}[${i}]`);
      if (problem) return problem;
    }
    return null;
  }
  if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const problem = problemIn(key, ` in a key${path ? ` at ${path}` : ""}`) ?? unstorableTextIn(item, path ? `${path}.${key}` : key);
      if (problem) return problem;
    }
  }
  return null;
}

function problemIn(text: string, where: string): string | null {
  if (text.includes("\u0000")) return `holds a NUL character (\\u0000)${where}, which cannot be stored`;
  const lone = LONE_SURROGATE.exec(text);
  if (lone) return `holds a lone surrogate (\\u${lone[0].charCodeAt(0).toString(16)})${where}, which is not a character: surrogates come in pairs`;
  return null;
}
