/**
 * Failed sign-ins and unknown API tokens are counted per client, before the guess is checked, so
 * that guesses sent at once cannot overtake the count; and a guesser never locks out good callers.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, TEST_PASSWORD, type TestServer } from "./test-server.ts";

/** Wrong passwords one username may have from one address per quarter hour (see accounts/attempts.ts). */
const SIGN_IN_LIMIT = 10;
/** Unknown tokens one address may send per minute. */
const TOKEN_LIMIT = 20;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

function signIn(url: string, username: string, password: string, headers: Record<string, string> = {}) {
  return fetch(`${url}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ username, password }) });
}

const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((counts, status) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }), {});

describe("wrong passwords", () => {
  it("sent 60 at once, get at most the limit checked; the rest are refused with 429 and Retry-After", async () => {
    await server.signIn("parallel-pat", []);
    // A password check that takes a while, as a real one does, leaves time for guesses sent at once to overtake each other.
    const { accounts } = server.access;
    const check = accounts.verify.bind(accounts);
    accounts.verify = async (username, password) => (await sleep(200), check(username, password));
    try {
      const answers = await Promise.all(Array.from({ length: 60 }, () => signIn(server.url, "parallel-pat", "not the password")));
      const counts = tally(answers.map((answer) => answer.status));
      expect(Object.keys(counts).sort()).toEqual(["401", "429"]);
      expect(counts[401]).toBeLessThanOrEqual(SIGN_IN_LIMIT);
      expect(counts[429]).toBe(60 - counts[401]!);
      for (const answer of answers.filter((a) => a.status === 429)) expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
      // The right password waits too: the count is used up.
      expect((await signIn(server.url, "parallel-pat", TEST_PASSWORD)).status).toBe(429);
    } finally {
      accounts.verify = check;
    }
  });

  it("without a trusted proxy, ignore X-Forwarded-For: a client cannot dodge the count by changing it", async () => {
    await server.signIn("forger", []);
    for (let i = 0; i < SIGN_IN_LIMIT; i++) expect((await signIn(server.url, "forger", "wrong", { "x-forwarded-for": `198.51.100.${i}` })).status).toBe(401);
    expect((await signIn(server.url, "forger", "wrong", { "x-forwarded-for": "198.51.100.99" })).status).toBe(429);
  });

  it("behind a trusted proxy, are counted per client address, so one client's guesses lock nobody else out", async () => {
    const proxied = await startTestServer({ trustProxy: true });
    try {
      await proxied.signIn("quinn", []);
      const guesser = { "x-forwarded-for": "203.0.113.7" };
      for (let i = 0; i < SIGN_IN_LIMIT; i++) expect((await signIn(proxied.url, "quinn", "wrong", guesser)).status).toBe(401);
      expect((await signIn(proxied.url, "quinn", "wrong", guesser)).status).toBe(429);
      expect((await signIn(proxied.url, "quinn", TEST_PASSWORD, { "x-forwarded-for": "203.0.113.8" })).status).toBe(200);
    } finally {
      await proxied.close();
    }
  });
});

describe("unknown API tokens", () => {
  it("are refused with 401 and then 429, while a valid token from the same address keeps working", async () => {
    const valid = await server.tokenWith(["operator"]);
    const unknown = (i: number) => server.call("GET", "/api/v1/workflows", undefined, { authorization: `Bearer fc_guess${i}` });
    const statuses: number[] = [];
    for (let i = 0; i < TOKEN_LIMIT + 5; i++) {
      statuses.push((await unknown(i)).status);
      expect((await server.call("GET", "/api/v1/workflows", undefined, valid)).status).toBe(200);
    }
    expect(statuses).toEqual([...Array<number>(TOKEN_LIMIT).fill(401), ...Array<number>(5).fill(429)]);
    const parallel = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? unknown(i) : server.call("GET", "/api/v1/workflows", undefined, valid))));
    expect(parallel.map((answer) => answer.status)).toEqual(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 429 : 200)));
    const refused = await unknown(0);
    expect(refused.body.error).toEqual({ code: "too_many_requests", message: expect.stringMatching(/too many failed API token attempts; try again in \d+ s/) });
  });
});
