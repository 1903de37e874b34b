/**
 * Checking a webhook request's signature, in the two styles senders use: GitHub's HMAC of the raw
 * body, and Stripe's HMAC of a timestamp and the body, accepted only within a tolerance window.
 * Every comparison is constant-time, and every refusal says what was wrong without echoing the
 * expected value.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_STYLES = ["none", "github", "stripe"] as const;
export type SignatureStyle = (typeof SIGNATURE_STYLES)[number];

export const GITHUB_SIGNATURE_HEADER = "x-hub-signature-256";
export const STRIPE_SIGNATURE_HEADER = "stripe-signature";
/** Stripe's own default: long enough for clock skew and a slow queue, short enough to bound replays. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** A request refused for its signature: answered 401. */
export class SignatureRefusal extends Error {
  override name = "SignatureRefusal";
}

/** A Stripe-style signature that matched: the replay check remembers it until `expiresAt`. */
export interface TimestampedSignature {
  /** SHA-256 of the signature that matched, so the stored rows reveal nothing reusable. */
  digest: string;
  expiresAt: Date;
}

type Headers = Record<string, string | string[] | undefined>;

const hmacHex = (secret: string, ...parts: Array<string | Buffer>) => {
  const hmac = createHmac("sha256", secret);
  for (const part of parts) hmac.update(part);
  return hmac.digest("hex");
};

function sameHex(expected: string, given: string): boolean {
  const left = Buffer.from(expected);
  const right = Buffer.from(given.toLowerCase());
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The one value of a header; a repeated header is refused, since which copy counts would be a guess. */
function headerOf(headers: Headers, name: string, display: string): string {
  const value = headers[name];
  if (value === undefined || value === "") throw new SignatureRefusal(`the request has no ${display} header`);
  if (Array.isArray(value)) throw new SignatureRefusal(`the request has more than one ${display} header`);
  return value;
}

/** GitHub style: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>`. */
export function checkGithubSignature(secret: string, rawBody: Buffer, headers: Headers): void {
  const given = headerOf(headers, GITHUB_SIGNATURE_HEADER, "X-Hub-Signature-256");
  const hex = /^sha256=([0-9a-fA-F]{64})$/.exec(given.trim())?.[1];
  if (!hex) throw new SignatureRefusal("X-Hub-Signature-256 must be sha256=<64 hex digits>");
  if (!sameHex(hmacHex(secret, rawBody), hex)) throw new SignatureRefusal("X-Hub-Signature-256 does not match the body");
}

/**
 * Stripe style: `Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">` (several
 * v1 entries while the sender rolls its secret). The timestamp must lie within `toleranceSeconds`
 * of `now` either way: older is a replay risk, newer a clock that cannot be trusted.
 */
export function checkStripeSignature(secret: string, rawBody: Buffer, headers: Headers, toleranceSeconds: number, now: Date): TimestampedSignature {
  const given = headerOf(headers, STRIPE_SIGNATURE_HEADER, "Stripe-Signature");
  let timestamp: string | undefined;
  const candidates: string[] = [];
  for (const item of given.split(",")) {
    const [key, value] = item.trim().split("=", 2) as [string, string | undefined];
    if (key === "t") timestamp = value;
    if (key === "v1" && value && /^[0-9a-fA-F]{64}$/.test(value)) candidates.push(value);
  }
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) throw new SignatureRefusal("Stripe-Signature has no timestamp t=<unix seconds>");
  if (candidates.length === 0) throw new SignatureRefusal("Stripe-Signature has no v1=<64 hex digits> signature");
  const expected = hmacHex(secret, `${timestamp}.`, rawBody);
  const match = candidates.find((candidate) => sameHex(expected, candidate));
  if (!match) throw new SignatureRefusal("Stripe-Signature does not match the timestamp and body");
  // Checked after the match, so the answer tells a forger nothing about the timestamp alone.
  const skewSeconds = Math.round(now.getTime() / 1000 - Number(timestamp));
  if (Math.abs(skewSeconds) > toleranceSeconds) {
    throw new SignatureRefusal(`Stripe-Signature's timestamp is ${Math.abs(skewSeconds)} s ${skewSeconds > 0 ? "old" : "ahead"}, beyond the tolerance of ${toleranceSeconds} s`);
  }
  return { digest: createHash("sha256").update(match.toLowerCase()).digest("hex"), expiresAt: new Date((Number(timestamp) + toleranceSeconds) * 1000) };
}

/** The headers a sender of each style would attach to `rawBody`: for tests and for documenting the styles. */
export function signatureHeaders(style: Exclude<SignatureStyle, "none">, secret: string, rawBody: string | Buffer, at = new Date()): Record<string, string> {
  if (style === "github") return { [GITHUB_SIGNATURE_HEADER]: `sha256=${hmacHex(secret, rawBody)}` };
  const t = Math.floor(at.getTime() / 1000);
  return { [STRIPE_SIGNATURE_HEADER]: `t=${t},v1=${hmacHex(secret, `${t}.`, rawBody)}` };
}
