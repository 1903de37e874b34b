/**
 * Values callers hand in to be kept in history (an instance's input, an event's payload), checked
 * before anything is stored: the same bound as every other value in history, and nothing that
 * Postgres would refuse halfway through a statement.
 */
import { MAX_STORED_VALUE_BYTES, unstorableIn, utf8Length, type Json } from "@flowcraft/engine";
import { invalid } from "./errors.ts";

/** The value as JSON text for history, or an `invalid` error that names what is wrong with it. */
export function storableJson(what: string, value: Json): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? "null";
  } catch (error) {
    throw invalid(`${what} is not JSON: ${(error as Error).message}`);
  }
  const bytes = utf8Length(text);
  if (bytes > MAX_STORED_VALUE_BYTES) throw invalid(`${what} is ${bytes} bytes as JSON; a value in history may take at most ${MAX_STORED_VALUE_BYTES}`);
  const unstorable = unstorableIn(text);
  if (unstorable) throw invalid(`${what} holds ${unstorable}`);
  return text;
}
