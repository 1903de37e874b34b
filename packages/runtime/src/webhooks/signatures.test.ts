import { describe, expect, it } from "vitest";
import { checkGithubSignature, checkStripeSignature, signatureHeaders, SignatureRefusal } from "./signatures.ts";

const SECRET = "whsec_test";
const BODY = Buffer.from('{"id":"evt_1"}');
const NOW = new Date("2026-12-05T12:00:00Z");
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

describe("GitHub-style signatures", () => {
  it("accepts the HMAC of the raw body, in either case of hex", () => {
    const header = signatureHeaders("github", SECRET, BODY)["x-hub-signature-256"]!;
    expect(() => checkGithubSignature(SECRET, BODY, { "x-hub-signature-256": header })).not.toThrow();
    expect(() => checkGithubSignature(SECRET, BODY, { "x-hub-signature-256": `sha256=${header.slice("sha256=".length).toUpperCase()}` })).not.toThrow();
  });

  it.each([
    ["no header", {}, /no X-Hub-Signature-256/],
    ["a repeated header", { "x-hub-signature-256": ["a", "b"] }, /more than one/],
    ["another algorithm", { "x-hub-signature-256": `sha1=${"0".repeat(40)}` }, /sha256=<64 hex digits>/],
    ["a short signature", { "x-hub-signature-256": "sha256=abc" }, /sha256=<64 hex digits>/],
    ["a huge header", { "x-hub-signature-256": `sha256=${"f".repeat(100_000)}` }, /sha256=<64 hex digits>/],
    ["another body's signature", signatureHeaders("github", SECRET, "{}"), /does not match/],
  ])("refuses %s", (_case, headers, reason) => {
    expect(() => checkGithubSignature(SECRET, BODY, headers)).toThrow(reason);
    expect(() => checkGithubSignature(SECRET, BODY, headers)).toThrow(SignatureRefusal);
  });
});

describe("Stripe-style signatures", () => {
  const signed = (at: Date, secret = SECRET, body: string | Buffer = BODY) => signatureHeaders("stripe", secret, body, at);

  it("accepts a fresh signature, and among several v1 entries the one that matches", () => {
    expect(checkStripeSignature(SECRET, BODY, signed(NOW), 300, NOW).expiresAt).toEqual(new Date((seconds(NOW) + 300) * 1000));
    const rolled = `t=${seconds(NOW)},v1=${"0".repeat(64)},${signed(NOW)["stripe-signature"]!.split(",")[1]}`;
    expect(() => checkStripeSignature(SECRET, BODY, { "stripe-signature": rolled }, 300, NOW)).not.toThrow();
  });

  it.each([
    [300, true],
    [301, false],
    [-300, true],
    [-301, false],
  ])("with a timestamp %i s before now and a tolerance of 300 s, accepts: %s", (ageSeconds, accepted) => {
    const check = () => checkStripeSignature(SECRET, BODY, signed(new Date(NOW.getTime() - ageSeconds * 1000)), 300, NOW);
    if (accepted) expect(check).not.toThrow();
    else expect(check).toThrow(/beyond the tolerance of 300 s/);
  });

  it.each([
    ["no header", {}, /no Stripe-Signature/],
    ["no timestamp", { "stripe-signature": `v1=${"0".repeat(64)}` }, /no timestamp/],
    ["a timestamp that is not a number", { "stripe-signature": `t=soon,v1=${"0".repeat(64)}` }, /no timestamp/],
    ["no v1 entry", { "stripe-signature": `t=${seconds(NOW)},v0=${"0".repeat(64)}` }, /no v1=/],
    ["another secret's signature", signed(NOW, "another"), /does not match/],
    ["another body's signature", signed(NOW, SECRET, "{}"), /does not match/],
    ["a timestamp changed after signing", { "stripe-signature": signed(NOW)["stripe-signature"]!.replace(/t=\d+/, `t=${seconds(NOW) + 1}`) }, /does not match/],
  ])("refuses %s", (_case, headers, reason) => {
    expect(() => checkStripeSignature(SECRET, BODY, headers, 300, NOW)).toThrow(reason);
  });

  it("remembers the same digest for the same signature, and another for another", () => {
    const first = checkStripeSignature(SECRET, BODY, signed(NOW), 300, NOW).digest;
    expect(checkStripeSignature(SECRET, BODY, signed(NOW), 300, NOW).digest).toBe(first);
    expect(checkStripeSignature(SECRET, BODY, signed(new Date(NOW.getTime() + 1000)), 300, NOW).digest).not.toBe(first);
  });
});
