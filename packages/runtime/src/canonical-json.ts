/** Hashes of definitions: equal values, whatever their key order, hash alike. */
import { createHash } from "node:crypto";
import { canonicalJson } from "@flowcraft/definition";

export function hashOf(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex");
}
