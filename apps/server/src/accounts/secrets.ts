/** Random secrets handed out once (session cookies, API tokens) and the digests stored in their place. */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export const newSecret = (prefix = "") => `${prefix}${randomBytes(32).toString("base64url")}`;

/** Secrets carry 256 random bits, so a plain SHA-256 is enough to store them: nothing to brute-force. */
export const digestOf = (secret: string) => createHash("sha256").update(secret).digest("hex");

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
