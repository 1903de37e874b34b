/** Signed approval links end to end: made by an admin, opened, used once, and refused when used again, expired or altered. */
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

  it("refuses an altered link, an expired one, and one for someone the step does not allow, changing nothing", async () => {
    const id = await waitingOrder();
    const { approve } = (await server.call("POST", `/api/v1/instances/${id}/approvals/approval/links`, { approver: "mara" })).body as { approve: string };
    const token = approve.split("/").at(-1)!;
    const altered = `/approval-links/${token.slice(0, 5)}${token[5] === "A" ? "B" : "A"}${token.slice(6)}`;
    const tampered = await page("POST", altered);
    expect(tampered.status).toBe(400);
    expect(tampered.text).toContain("altered or is not one of this server");

    const signer = new ApprovalLinkSigner(server.db);
    const stale = await signer.sign({ instanceId: id, waitId: "approval", decision: "approved", approver: "mara", expiresAt: new Date(Date.now() - 1_000).toISOString() });
    const expired = await page("POST", `/approval-links/${stale}`);
    expect(expired.status).toBe(410);
    expect(expired.text).toContain("This link expired");

    const { approve: outsider } = (await server.call("POST", `/api/v1/instances/${id}/approvals/approval/links`, { approver: "ivan" })).body as { approve: string };
    const refused = await page("POST", outsider);
    expect(refused.status).toBe(403);
    expect(refused.text).toContain("ivan may not decide this approval");
    expect((await server.call("GET", `/api/v1/approvals?instanceId=${id}`)).body.approvals).toHaveLength(1);
  });

  it("are made only by admins", async () => {
    const id = await waitingOrder();
    const operator = await server.tokenWith(["operator", "approver"]);
    expect((await server.call("POST", `/api/v1/instances/${id}/approvals/approval/links`, { approver: "mara" }, operator)).status).toBe(403);
  });
});
