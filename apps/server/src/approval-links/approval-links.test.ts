/** Signed approval links end to end: made by an admin, opened, used once, and refused when used again, expired, altered, or for an earlier generation. */
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../test-server.ts";
import { ApprovalLinkSigner } from "./signed-links.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await server.signIn("mara", ["approver"], ["managers"]);
  await server.signIn("ivan", ["approver"], ["engineering"]);
}, 60_000);
afterAll(() => server.close());

async function waitingOrder(): Promise<string> {
  const { body } = await server.call("POST", "/api/v1/workflows/purchase-order-approval/start", { cost: 7000, product: "chairs", quantity: 6 });
  for (let i = 0; i < 400; i++) {
    if ((await server.call("GET", `/api/v1/approvals?instanceId=${body.instanceId}`)).body.approvals.length > 0) return body.instanceId;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("the order never waited for approval");
}

/** Waits until the instance's one open approval is the one titled so. */
async function pendingTitled(id: string, title: string) {
  for (let i = 0; i < 400; i++) {
    const { approvals } = (await server.call("GET", `/api/v1/approvals?instanceId=${id}`)).body as { approvals: Array<{ title: string }> };
    if (approvals.length === 1 && approvals[0]!.title === title) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${id} never waited for "${title}"`);
}

const page = async (method: "GET" | "POST", path: string) => {
  const response = await fetch(server.url + path, { method });
  return { status: response.status, text: await response.text(), type: response.headers.get("content-type") };
};

describe("approval links", () => {
  it("decide once as the person they name; a second use, the other decision and the page say it is decided", async () => {
    const id = await waitingOrder();
    const created = await server.call("POST", `/api/v1/instances/${id}/approvals/approval/links`, { approver: "mara" });
    expect(created.status).toBe(201);
    const { approve, reject, expiresAt } = created.body as { approve: string; reject: string; expiresAt: string };
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);

    const opened = await page("GET", approve);
    expect(opened.status).toBe(200);
    expect(opened.type).toContain("text/html");
    expect(opened.text).toContain("Approve: chairs × 6 for 7000");
    expect(opened.text).not.toContain("<script");
    expect((await server.call("GET", `/api/v1/instances/${id}`)).body.runtimeStatus).toBe("RUNNING");

    const used = await page("POST", approve);
    expect(used.status).toBe(200);
    expect(used.text).toContain("Recorded as decided by mara");
    expect((await server.waitFor(id)).output).toBe("Approved by 'mara'");

    const again = await page("POST", approve);
    expect(again.status).toBe(409);
    expect(again.text).toMatch(/already decided: approved by mara.*Nothing was changed/);
    expect((await page("POST", reject)).text).toMatch(/already decided: approved by mara/);
    expect((await page("GET", approve)).text).toContain("no longer waiting");
  });

  it("refuses an altered link, an expired one, one signed before links named a generation, and one for someone the step does not allow, changing nothing", async () => {
    const id = await waitingOrder();
    const { approve } = (await server.call("POST", `/api/v1/instances/${id}/approvals/approval/links`, { approver: "mara" })).body as { approve: string };
    const token = approve.split("/").at(-1)!;
    const altered = `/approval-links/${token.slice(0, 5)}${token[5] === "A" ? "B" : "A"}${token.slice(6)}`;
    const tampered = await page("POST", altered);
    expect(tampered.status).toBe(400);
    expect(tampered.text).toContain("altered or is not one of this server");

    const signer = new ApprovalLinkSigner(server.db);
    const stale = await signer.sign({ instanceId: id, generation: 1, waitId: "approval", decision: "approved", approver: "mara", expiresAt: new Date(Date.now() - 1_000).toISOString() });
    const expired = await page("POST", `/approval-links/${stale}`);
    expect(expired.status).toBe(410);
    expect(expired.text).toContain("This link expired");

    // Signed by this server before links named a generation: it could decide any run's wait.
    const { rows } = await server.db.pool.query<{ secret: string }>("SELECT secret FROM signing_key WHERE purpose = 'approval-links'");
    const unbound = Buffer.from(JSON.stringify([id, "approval", "approved", "mara", new Date(Date.now() + 3_600_000).toISOString()])).toString("base64url");
    const outdated = await page("POST", `/approval-links/${unbound}.${createHmac("sha256", rows[0]!.secret).update(unbound).digest("base64url")}`);
    expect(outdated.status).toBe(410);
    expect(outdated.text).toContain("made before links named the run of the instance");

    const { approve: outsider } = (await server.call("POST", `/api/v1/instances/${id}/approvals/approval/links`, { approver: "ivan" })).body as { approve: string };
    const refused = await page("POST", outsider);
    expect(refused.status).toBe(403);
    expect(refused.text).toContain("ivan may not decide this approval");
    expect((await server.call("GET", `/api/v1/approvals?instanceId=${id}`)).body.approvals).toHaveLength(1);
  });

  it("made in one generation of a monitor do not decide the next generation's approval of the same id", async () => {
    const rounds = {
      version: 1,
      start: "rounds",
      nodes: {
        rounds: {
          type: "monitor",
          body: { start: "approval", nodes: { approval: { type: "wait", event: "approval_received", approval: { groups: ["managers"], summary: "'round ' & $string(iteration)" } } } },
          interval: 0,
          maxIterations: 3,
        },
      },
    };
    expect((await server.call("PUT", "/api/v1/workflows/approval-rounds", rounds)).status).toBe(201);
    const id = (await server.call("POST", "/api/v1/workflows/approval-rounds/start")).body.instanceId as string;
    await pendingTitled(id, "round 1");
    const { approve } = (await server.call("POST", `/api/v1/instances/${id}/approvals/approval/links`, { approver: "mara" })).body as { approve: string };
    expect((await page("POST", approve)).status).toBe(200);
    await pendingTitled(id, "round 2");
    expect((await server.call("GET", `/api/v1/instances/${id}`)).body.generation).toBe(2);

    const opened = await page("GET", approve);
    expect(opened.status).toBe(409);
    expect(opened.text).toContain("was made for an earlier run");
    expect(opened.text).not.toContain("confirm-decision");
    const reused = await page("POST", approve);
    expect(reused.status).toBe(409);
    expect(reused.text).toMatch(/was made for an earlier run.*Nothing was changed/);
    await pendingTitled(id, "round 2");
    const history = (await server.call("GET", `/api/v1/instances/${id}/history`)).body.events as Array<{ type: string }>;
    expect(history.filter((event) => event.type === "event_raised")).toHaveLength(1);

    // A link made now, for this generation, decides it.
    const { approve: fresh } = (await server.call("POST", `/api/v1/instances/${id}/approvals/approval/links`, { approver: "mara" })).body as { approve: string };
    expect((await page("POST", fresh)).status).toBe(200);
    await pendingTitled(id, "round 3");
  });

  it("are made only by admins", async () => {
    const id = await waitingOrder();
    const operator = await server.tokenWith(["operator", "approver"]);
    expect((await server.call("POST", `/api/v1/instances/${id}/approvals/approval/links`, { approver: "mara" }, operator)).status).toBe(403);
  });
});
