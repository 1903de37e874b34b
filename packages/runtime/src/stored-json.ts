/**
 * Values to be kept in history (an instance's input, an event's payload, an activity's output),
 * checked before anything is stored: the same bound as every other value in history, and nothing
 * that Postgres would refuse halfway through a statement.
 */
import { MAX_STORED_VALUE_BYTES, unstorableIn, utf8Length, type Json } from "@flowcraft/engine";
import { invalid } from "./errors.ts";

/** The value as JSON text for history (undefined as null), or the error `refuse` makes of what is wrong with it. */
export function jsonForHistory(what: string, value: unknown, refuse: (message: string) => Error): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw refuse(`${what} is not JSON: ${(error as Error).message}`);
  }
  text ??= "null";
  const bytes = utf8Length(text);
  if (bytes > MAX_STORED_VALUE_BYTES) throw refuse(`${what} is ${bytes} bytes as JSON; a value in history may take at most ${MAX_STORED_VALUE_BYTES}`);
  const unstorable = unstorableIn(text);
  if (unstorable) throw refuse(`${what} holds ${unstorable}`);
  return text;
}

/** A caller's value as JSON text for history, or an `invalid` error that names what is wrong with it. */
export function storableJson(what: string, value: Json): string {
  return jsonForHistory(what, value, invalid);
}
