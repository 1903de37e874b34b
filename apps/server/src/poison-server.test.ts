/**
 * Poison expressions against the real server process (`src/main.ts`, its in-process worker and
 * its HTTP port), on a database of its own: the process stays up, its health answers throughout,
 * and each poisoned instance ends with a failure that names the limit and the expression.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@flowcraft/db/testing";
import { Secrets } from "@flowcraft/runtime";
import { accessServices } from "./accounts/services.ts";

let db: TestDatabase;
let server: ChildProcess;
let url: string;
let auth: Record<string, string>;
const serverOutput: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  const key = randomBytes(32);
  const access = accessServices(db, new Secrets(db, key), 4);
  await access.accounts.setupOwner({ username: "owner", password: "owner password 123" });
  const { secret } = await access.tokens.create({ name: "poison test", roles: ["designer", "operator"] }, "owner");
  auth = { authorization: `Bearer ${secret}`, "content-type": "application/json" };

  server = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: new URL("..", import.meta.url).pathname,
    env: { ...process.env, DATABASE_URL: db.url, PORT: "0", FLOWCRAFT_SECRETS_KEY: key.toString("base64"), FLOWCRAFT_SEED_EXAMPLES: "false" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stderr!.on("data", (chunk: Buffer) => serverOutput.push(chunk.toString()));
  url = await new Promise<string>((resolve, reject) => {
    server.once("exit", (code) => reject(new Error(`the server exited (${code}) before it listened: ${serverOutput.join("")}`)));
    createInterface({ input: server.stdout! }).on("line", (line) => {
      serverOutput.push(line);
      // A JSON log line: the address ends where the message does.
      const running = /Flowcraft is running at ([^\s"]+)/.exec(line);
      if (running) resolve(running[1]!);
    });
  });
}, 60_000);

afterAll(async () => {
  if (server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
  await db.destroy();
});

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(url + path, { method, headers: auth, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: response.status, body: (await response.json()) as any };
}

async function startOne(name: string, input: string) {
  const published = await call("PUT", `/api/v1/workflows/${name}`, { version: 1, start: "a", nodes: { a: { type: "activity", activity: "transform", input } } });
  expect(published.status, JSON.stringify(published.body)).toBe(201);
  const started = await call("POST", `/api/v1/workflows/${name}/start`, null);
  expect(started.status).toBe(202);
  return started.body.instanceId as string;
}

async function ended(id: string) {
  for (;;) {
    const { body } = await call("GET", `/api/v1/instances/${id}`);
    if (["COMPLETED", "FAILED", "TERMINATED"].includes(body.runtimeStatus)) return body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Asks /api/health every 100 ms until `work` settles; returns the answers that were not a 200 within 1 s. */
async function healthWhile(work: Promise<unknown>): Promise<string[]> {
  const misses: string[] = [];
  let done = false;
  void work.finally(() => (done = true));
  while (!done) {
    const asked = Date.now();
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(1_000) });
      if (response.status !== 200) misses.push(`status ${response.status}`);
    } catch (error) {
      misses.push(`no answer within 1 s after ${Date.now() - asked} ms: ${(error as Error).message}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return misses;
}

describe("a server given poison expressions", () => {
  it("stays up and answers its health throughout, and fails each poisoned instance with the limit and the expression", async () => {
    const poisons = {
      pad: "$length($pad('x', 400000000))",
      redos: "$contains('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', /(a+)+$/)",
      doubling: "$reduce([1..27], function($a, $b){ $a & $a }, 'x')",
      sort: "$count($sort([1..1000000]))",
    };
    const ids = Object.fromEntries(await Promise.all(Object.entries(poisons).map(async ([name, input]) => [name, await startOne(name, input)] as const)));
    const steady = await startOne("steady", "{'sum': $sum([1, 2, 3])}");

    const outcomes = Promise.all([...Object.values(ids), steady].map(ended));
    const misses = await healthWhile(outcomes);
    const [pad, redos, doubling, sort, steadyOutcome] = await outcomes;

    expect(misses).toEqual([]);
    expect(server.exitCode, serverOutput.join("\n")).toBeNull();
    expect(pad).toMatchObject({ runtimeStatus: "FAILED", failure: { name: "ExpressionError", node: "a", message: `${poisons.pad}: exceeded the size budget of 5000000 characters in one string` } });
    expect(redos).toMatchObject({ runtimeStatus: "COMPLETED", output: false });
    expect(doubling).toMatchObject({ runtimeStatus: "FAILED", failure: { name: "ExpressionError", message: `${poisons.doubling}: exceeded the size budget of 5000000 characters in one string` } });
    expect(sort).toMatchObject({ runtimeStatus: "FAILED", failure: { name: "ExpressionError", node: "a" } });
    expect(sort.failure.message).toMatch(/^\$count\(\$sort\(\[1\.\.1000000\]\)\): exceeded the (time limit of \d+ ms|memory limit of \d+ MB), and its sandbox process was stopped; a limit of time or memory fails the instance/);
    expect(steadyOutcome).toMatchObject({ runtimeStatus: "COMPLETED", output: { sum: 6 } });
  });
});
