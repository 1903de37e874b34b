/**
 * Raising the event an approval waits for, through REST and tRPC: only someone who may decide the
 * approval may raise it, the payload is checked as a decision, and the caller is recorded as the
 * approver whatever the payload says.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./test-server.ts";

let server: TestServer;
/** Browser headers of people: reviewer1 is the one the review step names. */
let reviewer1: Record<string, string>;
let reviewer2: Record<string, string>;
/** Named by the step, but without the approver role. */
let rita: Record<string, string>;
let operatorToken: Record<string, string>;

const review = (extra: object = {}) => ({
  type: "wait",
  event: "review_done",
  approval: { summary: "input.item", approvers: ["reviewer1", "rita"], excludeStarter: true },
  next: "done",
  ...extra,
});
const done = { type: "end", output: "steps.review.decision & ' by ' & steps.review.approver" };

beforeAll(async () => {
  server = await startTestServer();
  reviewer1 = await server.signIn("reviewer1", ["operator", "approver"]);
  reviewer2 = await server.signIn("reviewer2", ["operator", "approver"]);
  rita = await server.signIn("rita", ["operator"]);
  operatorToken = await server.tokenWith(["operator"], "ops");
  expect((await server.call("PUT", "/api/v1/workflows/four-eyes-review", { version: 1, start: "review", nodes: { review: review(), done } })).status).toBe(201);
  // The review begins only once "go" arrives, so that its event can be raised before it waits.
  const later = await server.call("PUT", "/api/v1/workflows/review-after-go", {
    version: 1,
    start: "go",
    nodes: { go: { type: "wait", event: "go", next: "review" }, review: review(), done },
  });
  expect(later.status).toBe(201);
}, 60_000);
afterAll(() => server.close());

async function start(workflow: string, as: Record<string, string>): Promise<string> {
  const started = await server.call("POST", `/api/v1/workflows/${workflow}/start`, { item: "a new laptop" }, as);
  expect(started.status).toBe(202);
  return started.body.instanceId as string;
}

/** The instance's approvals waiting for a decision, once there are `count` of them. */
async function approvalsOf(id: string, count = 1): Promise<Array<{ waitId: string }>> {
  for (let i = 0; i < 400; i++) {
    const { approvals } = (await server.call("GET", `/api/v1/approvals?instanceId=${id}`)).body;
    if (approvals.length === count) return approvals;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${id} never had ${count} approvals waiting`);
}

const raise = (id: string, payload: unknown, as: Record<string, string>, event = "review_done") =>
  server.call("POST", `/api/v1/instances/${id}/events/${event}`, payload, as);

const raiseThroughTrpc = (id: string, payload: unknown, as: Record<string, string>, name = "review_done") =>
  server.call("POST", "/trpc/instances.raiseEvent", { id, name, payload }, as);

async function historyOf(id: string): Promise<Array<Record<string, any>>> {
  return (await server.call("GET", `/api/v1/instances/${id}/history`)).body.events;
}

describe("raising the event an approval waits for", () => {
  it("is refused with 403 to the operator who started the instance, whatever approver the payload names, and changes nothing", async () => {
    const id = await start("four-eyes-review", operatorToken);
    await approvalsOf(id);

    const forged = await raise(id, { decision: "approved", approver: "reviewer1" }, operatorToken);
    expect(forged.status).toBe(403);
    expect(forged.body.error.message).toMatch(/approver role/);
    const forgedWithRole = await raise(id, { decision: "approved", approver: "reviewer1" }, reviewer2);
    expect(forgedWithRole.status).toBe(403);
    expect(forgedWithRole.body.error.message).toBe("reviewer2 may not decide this approval: it is for reviewer1, rita");

    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await server.call("GET", `/api/v1/instances/${id}`)).body.runtimeStatus).toBe("RUNNING");
    expect((await historyOf(id)).filter((event) => event.type === "event_raised")).toEqual([]);
    expect(await approvalsOf(id)).toEqual([expect.objectContaining({ waitId: "review" })]);

    expect((await server.call("POST", `/api/v1/instances/${id}/approvals/review`, { decision: "approved" }, reviewer1)).status).toBe(202);
    expect((await server.waitFor(id)).output).toBe("approved by reviewer1");
  });

  it("is refused through tRPC, the web app's raise-event dialog, on the same rules", async () => {
    const id = await start("four-eyes-review", operatorToken);
    await approvalsOf(id);
    const outsider = await raiseThroughTrpc(id, { decision: "approved", approver: "reviewer1" }, reviewer2);
    expect(outsider.status).toBe(403);
    expect(outsider.body.error.message).toBe("reviewer2 may not decide this approval: it is for reviewer1, rita");
    const withoutRole = await raiseThroughTrpc(id, { decision: "approved" }, rita);
    expect(withoutRole.status).toBe(403);
    expect(withoutRole.body.error.message).toMatch(/approver role/);

    const ownStart = await start("four-eyes-review", reviewer1);
    await approvalsOf(ownStart);
    const fourEyes = await raiseThroughTrpc(ownStart, { decision: "approved" }, reviewer1);
    expect(fourEyes.status).toBe(403);
    expect(fourEyes.body.error.message).toMatch(/reviewer1 started this instance/);
    expect(await approvalsOf(id)).toHaveLength(1);
    expect(await approvalsOf(ownStart)).toHaveLength(1);
  });

  it("decides as the caller when the caller may decide, after checking the payload as a decision", async () => {
    const id = await start("four-eyes-review", operatorToken);
    await approvalsOf(id);

    const unclear = await raise(id, { decision: "maybe" }, reviewer1);
    expect(unclear.status).toBe(400);
    expect(unclear.body.error.message).toMatch(/decision/);
    expect(unclear.body.error.message).toMatch(/"approved" or "rejected"/);
    const someoneElse = await raise(id, { decision: "approved", approver: "the boss" }, reviewer1);
    expect(someoneElse.status).toBe(400);
    expect(someoneElse.body.error.message).toMatch(/approver/);
    expect(await approvalsOf(id)).toHaveLength(1);

    const decided = await raise(id, { decision: "rejected", comment: "too costly" }, reviewer1);
    expect(decided.status).toBe(202);
    expect((await server.waitFor(id)).output).toBe("rejected by reviewer1");
    const raised = (await historyOf(id)).filter((event) => event.type === "event_raised");
    expect(raised).toEqual([
      expect.objectContaining({
        name: "review_done",
        waitId: "review",
        raisedBy: "reviewer1",
        payload: { decision: "rejected", approver: "reviewer1", comment: "too costly", decidedAt: expect.any(String) },
      }),
    ]);
    const audit = await server.call("GET", `/trpc/admin.audit.recent?input=${encodeURIComponent(JSON.stringify({ limit: 5 }))}`);
    expect(audit.body.result.data).toContainEqual(expect.objectContaining({ actor: "reviewer1", action: "approval.decided", target: `${id} review` }));
  });

  it("before the approval waits is never taken as its decision", async () => {
    const id = await start("review-after-go", operatorToken);
    await server.waitFor(id, (view) => view.runtimeStatus === "RUNNING");
    // Nothing waits for review_done yet: an ordinary event, kept; but not a decision.
    expect((await raise(id, { decision: "approved", approver: "reviewer1" }, operatorToken)).status).toBe(202);
    expect((await raise(id, null, operatorToken, "go")).status).toBe(202);
    expect(await approvalsOf(id)).toEqual([expect.objectContaining({ waitId: "review" })]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await server.call("GET", `/api/v1/instances/${id}`)).body.runtimeStatus).toBe("RUNNING");
    expect((await historyOf(id)).filter((event) => event.type === "event_consumed").map((event) => event.waitId)).toEqual(["go"]);

    const decided = await raiseThroughTrpc(id, { decision: "approved" }, reviewer1);
    expect(decided.status).toBe(200);
    expect((await server.waitFor(id)).output).toBe("approved by reviewer1");
  });
});
