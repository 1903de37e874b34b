/**
 * The flowcraft command, run as a process against a real server on real Postgres: a fresh
 * installation bootstrapped, a folder deployed, instances started, waited on, approved and
 * followed; and bad input refused with a clear message, a non-zero exit and nothing changed.
 */
import { execFile, spawn } from "node:child_process";
import { mkdtemp, readFile, rm, stat, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFlowcraftClient, type FlowcraftClient } from "@flowcraft/client";
import { startTestServer, type TestServer } from "@flowcraft/server/test-server";

const BIN = fileURLToPath(new URL("./bin.ts", import.meta.url));
const TSX = import.meta.resolve("tsx");
const PASSWORD = "a long owner password";

let server: TestServer;
let home: string;
let token: string;
let flowcraft: FlowcraftClient;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the command with only the environment given (and its own config directory). */
function run(args: string[], env: Record<string, string> = {}, stdin?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ["--import", TSX, BIN, ...args],
      { env: { PATH: process.env.PATH!, XDG_CONFIG_HOME: join(home, "config"), ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr }),
    );
    child.stdin!.end(stdin ?? "");
  });
}

/** The command as a user who has logged in: server and token from the environment. */
const cli = (args: string[], env: Record<string, string> = {}) => run(args, { FLOWCRAFT_URL: server.url, FLOWCRAFT_TOKEN: token, ...env });

async function countRows(table: string): Promise<number> {
  return Number((await server.db.pool.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
}

const greet = { version: 1, name: "greet", start: "done", nodes: { done: { type: "end", output: "'Hello, ' & input.name" } } };
const review = {
  version: 1,
  start: "review",
  nodes: {
    review: { type: "wait", event: "review_done", approval: { summary: "input.item" }, next: "done" },
    done: { type: "end", output: "steps.review.decision & ' by ' & steps.review.approver & ': ' & steps.review.comment" },
  },
};

async function folder(name: string, files: Record<string, unknown>): Promise<string> {
  const dir = join(home, name);
  await mkdir(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) await writeFile(join(dir, file), typeof content === "string" ? content : JSON.stringify(content, null, 2));
  return dir;
}

/** The tokens there are, but the one the test server makes for its own calls. */
const tokensMade = async () => (await server.access.tokens.list()).filter((t) => t.name !== "test");

/** The approvals waiting on an instance, once there is one. */
async function pendingApproval(id: string) {
  for (let i = 0; i < 400; i++) {
    const { approvals = [] } = await flowcraft.approvals({ instanceId: id });
    if (approvals.length > 0) return approvals[0]!;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no approval waits on ${id}`);
}

beforeAll(async () => {
  server = await startTestServer({ owner: false });
  home = await mkdtemp(join(tmpdir(), "flowcraft-cli-"));
});
afterAll(async () => {
  await server.close();
  await rm(home, { recursive: true, force: true });
});

describe("bootstrap", () => {
  it("refuses without a password it can use, creating nothing", async () => {
    const result = await run(["bootstrap", "--url", server.url]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("no password for the owner");
    const short = await run(["bootstrap", "--url", server.url], { FLOWCRAFT_OWNER_PASSWORD: "short" });
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/^flowcraft: .*password.*\n$/);
    expect(await countRows("account")).toBe(0);
  });

  it("creates the owner and a first token with every role on a fresh installation, printing the token once", async () => {
    const config = join(home, "bootstrap-config");
    const result = await run(["bootstrap", "--url", server.url, "--username", "root", "--password-stdin", "--save"], { XDG_CONFIG_HOME: config }, `${PASSWORD}\n`);
    expect(result.stderr).toContain('Created the owner "root"');
    expect(result.code).toBe(0);
    token = result.stdout.trim();
    expect(token).toMatch(/^fc_\S+$/);
    expect(JSON.parse(await readFile(join(config, "flowcraft", "config.json"), "utf8"))).toEqual({ url: server.url, token });
    flowcraft = createFlowcraftClient({ url: server.url, token });
    expect(await flowcraft.workflows()).toEqual(expect.any(Array));
    // The token may do what an admin may: it carries every role.
    expect((await tokensMade()).map((t) => ({ name: t.name, roles: [...t.roles].sort() }))).toEqual([{ name: "bootstrap", roles: ["admin", "approver", "designer", "operator"] }]);
    // The owner signs in with the password given.
    expect(await server.access.accounts.verify("root", PASSWORD)).toMatchObject({ username: "root" });
  });

  it("refuses a second time, and leaves the owner and tokens alone", async () => {
    const result = await run(["bootstrap", "--url", server.url, "--username", "intruder"], { FLOWCRAFT_OWNER_PASSWORD: "another long password" });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/already has its owner, and bootstrap never replaces one/);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stdout).toBe("");
    expect(await countRows("account")).toBe(1);
    expect(await server.access.accounts.verify("root", PASSWORD)).toMatchObject({ username: "root" });
    expect(await tokensMade()).toHaveLength(1);
  });
});

describe("login", () => {
  const configFile = () => join(home, "config", "flowcraft", "config.json");

  it("says when the server cannot be reached, and saves nothing", async () => {
    const result = await run(["login", "--url", "http://127.0.0.1:59999", "--token", token]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^flowcraft: cannot reach http:\/\/127\.0\.0\.1:59999 \(ECONNREFUSED\)\n$/);
    await expect(stat(configFile())).rejects.toThrow();
  });

  it("says when the token is refused, and saves nothing", async () => {
    const result = await run(["login", "--url", server.url, "--token", "fc_wrong"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`the token was refused by ${server.url}`);
    await expect(stat(configFile())).rejects.toThrow();
  });

  it("saves a token the server accepts, for the user alone, and later commands use it", async () => {
    const result = await run(["login", "--url", server.url, "--token", token]);
    expect(result.code).toBe(0);
    expect(JSON.parse(await readFile(configFile(), "utf8"))).toEqual({ url: server.url, token });
    expect((await stat(configFile())).mode & 0o777).toBe(0o600);
    const listed = await run(["export", "no-such-workflow"]);
    expect(listed.stderr).toMatch(/^flowcraft: .*no-such-workflow/);
    expect(listed.stderr).not.toContain("refused");
    // The environment overrides what is saved.
    const overridden = await run(["status", "x"], { FLOWCRAFT_TOKEN: "fc_wrong" });
    expect(overridden.stderr).toContain("the token was refused");
  });
});

describe("deploy", () => {
  it("publishes every file of a folder, and nothing the second time", async () => {
    const dir = await folder("workflows", { "greet.json": greet, "review.json": review });
    const first = await cli(["deploy", dir]);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("greet (");
    expect(first.stdout).toMatch(/greet \(.*greet\.json\): new workflow, published version 1/);
    expect(first.stdout).toMatch(/review \(.*review\.json\): new workflow, published version 1/);
    const versions = await countRows("workflow_version");

    const second = await cli(["deploy", dir, "--json"]);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout).workflows.map((w: { name: string; published: boolean }) => [w.name, w.published])).toEqual([["greet", false], ["review", false]]);
    expect(await countRows("workflow_version")).toBe(versions);
  });

  it("shows what changes in each changed workflow", async () => {
    const dir = await folder("workflows", { "greet.json": { ...greet, nodes: { done: { type: "end", output: "'Hi, ' & input.name" } } } });
    const result = await cli(["deploy", dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/greet \(.*\): published version 2 \(was 1\)/);
    expect(result.stdout).toContain(`-      "output": "'Hello, ' & input.name",`);
    expect(result.stdout).toContain(`+      "output": "'Hi, ' & input.name",`);
    expect(result.stdout).toContain("review (");
    expect((await flowcraft.workflow("greet")).version).toBe(2);
  });

  it("publishes nothing when any file is malformed or invalid, naming file, node and field", async () => {
    const dir = await folder("broken", {
      "fine.json": { ...greet, name: "fine" },
      "malformed.json": '{"version": 1, "start": ',
      "invalid.json": { version: 1, start: "a", nodes: { a: { type: "end", next: "nowhere" } } },
    });
    const versions = await countRows("workflow_version");
    const result = await cli(["deploy", dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("nothing was published");
    expect(result.stderr).toMatch(/malformed\.json: not valid JSON/);
    expect(await countRows("workflow_version")).toBe(versions);

    await rm(join(dir, "malformed.json"));
    const invalid = await cli(["deploy", dir]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/1 of 2 definition file\(s\) .* are not valid; nothing was published/);
    expect(invalid.stderr).toMatch(/invalid\.json: node "a", field "next": /);
    expect(await countRows("workflow_version")).toBe(versions);
    expect((await flowcraft.workflows()).map((w) => w.name)).not.toContain("fine");
  });
});

describe("instances", () => {
  it("starts an instance and waits for its outcome", async () => {
    const started = await cli(["start", "greet", "--input", '{"name": "Ada"}', "--id", "greet-ada", "--json"]);
    expect(started.code).toBe(0);
    expect(JSON.parse(started.stdout)).toEqual({ instanceId: "greet-ada" });
    const status = await cli(["status", "greet-ada", "--wait", "--timeout", "30"]);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/^greet-ada {2}greet version 2 {2}COMPLETED$/m);
    expect(status.stdout).toContain('output: "Hi, Ada"');
    const json = await cli(["status", "greet-ada", "--json"]);
    expect(JSON.parse(json.stdout)).toMatchObject({ instanceId: "greet-ada", runtimeStatus: "COMPLETED", output: "Hi, Ada" });
  });

  it("exits 1 when the instance it waits for fails, saying why", async () => {
    await flowcraft.publish("out-of-stock", { version: 1, start: "boom", nodes: { boom: { type: "fail", error: "OutOfStock", message: "'out of stock'" } } });
    const result = await cli(["start", "out-of-stock", "--wait", "--timeout", "30"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/out-of-stock version 1 {2}FAILED/);
    expect(result.stderr).toMatch(/flowcraft: instance \S+ ended FAILED: .*out of stock/);
  });

  it("approves the approval an instance waits on, and follows its history to the end", async () => {
    const input = join(home, "order.json");
    await writeFile(input, JSON.stringify({ item: "a new laptop" }));
    const started = await cli(["start", "review", "--input", `@${input}`, "--json"]);
    const { instanceId } = JSON.parse(started.stdout);
    await pendingApproval(instanceId);

    const following = new Promise<Run>((resolve) => {
      const child = spawn(process.execPath, ["--import", TSX, BIN, "history", instanceId, "--follow"], {
        env: { PATH: process.env.PATH!, FLOWCRAFT_URL: server.url, FLOWCRAFT_TOKEN: token },
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk) => (stdout += chunk));
      child.stderr.on("data", (chunk) => (stderr += chunk));
      child.on("close", (code) => resolve({ code, stdout, stderr }));
    });

    const approved = await cli(["approve", instanceId, "--comment", "fine by me"]);
    expect(approved.stderr).toBe("");
    expect(approved.code).toBe(0);
    expect(approved.stdout).toContain(`Approved a new laptop on ${instanceId}`);
    const status = await cli(["status", instanceId, "--wait", "--json"]);
    expect(JSON.parse(status.stdout).output).toBe("approved by token:bootstrap: fine by me");

    const followed = await following;
    expect(followed.code).toBe(0);
    expect(followed.stdout).toMatch(/^#1 {2}\S+ {2}execution_started/);
    expect(followed.stdout).toContain("event_raised");
    expect(followed.stdout).toMatch(/execution_completed/);
    expect(followed.stderr).toContain(`${instanceId} COMPLETED`);

    const history = await cli(["logs", instanceId, "--json"]);
    const events = history.stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(events.map((event) => event.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.at(-1).type).toBe("execution_completed");
  });

  it("says when there is no approval to decide", async () => {
    const result = await cli(["reject", "greet-ada"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("flowcraft: no approval waits on instance greet-ada\n");
  });

  it("raises an event once for a repeated event id", async () => {
    await flowcraft.publish("two-payments", {
      version: 1,
      start: "first",
      nodes: { first: { type: "wait", event: "paid", next: "second" }, second: { type: "wait", event: "paid", next: "done" }, done: { type: "end", output: "[steps.first, steps.second]" } },
    });
    const { instanceId } = await flowcraft.start("two-payments");
    const first = await cli(["raise", instanceId, "paid", "--payload", '{"amount": 1}', "--event-id", "payment-1", "--json"]);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ eventId: "payment-1" });
    const again = await cli(["raise", instanceId, "paid", "--payload", '{"amount": 1}', "--event-id", "payment-1"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(`Raised paid on ${instanceId} (event id payment-1)\n`);
    const next = await cli(["raise", instanceId, "paid", "--payload", '{"amount": 2}']);
    expect(next.code).toBe(0);
    // Had the repeated raise counted, the second wait would have taken it instead of amount 2.
    expect((await flowcraft.waitFor(instanceId)).output).toEqual([{ amount: 1 }, { amount: 2 }]);
  });

  it("exports a definition to stdout or a file", async () => {
    const printed = await cli(["export", "review"]);
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.stdout)).toEqual(review);
    const file = join(home, "exported.json");
    const written = await cli(["export", "greet", "--version", "1", "--output", file]);
    expect(written.stdout).toContain("Wrote greet version 1");
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual(greet);
  });
});

describe("bad input", () => {
  it.each([
    ["a wrong URL", { FLOWCRAFT_URL: "http://127.0.0.1:59999" }, /^flowcraft: cannot reach http:\/\/127\.0\.0\.1:59999/],
    ["a wrong token", { FLOWCRAFT_TOKEN: "fc_wrong" }, /^flowcraft: the token was refused by http:\/\/127\.0\.0\.1:\d+ \(/],
  ])("%s gets one clear line, a non-zero exit, and starts nothing", async (_name, env, message) => {
    const instances = await countRows("instance");
    const result = await cli(["start", "greet", "--input", "{}"], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(await countRows("instance")).toBe(instances);
  });

  it("refuses input that is not JSON before asking the server", async () => {
    const instances = await countRows("instance");
    const result = await cli(["start", "greet", "--input", "{name: Ada}"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^flowcraft: --input is not valid JSON: /);
    expect(await countRows("instance")).toBe(instances);
  });

  it("answers --json failures as JSON", async () => {
    const result = await cli(["status", "no-such-instance", "--json"]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stderr)).toMatchObject({ error: { code: "not_found", message: expect.stringContaining("no-such-instance") } });
  });
});
