import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Approvals } from "./approvals.ts";
import { createTestRuntime, waitForInstance, type TestRuntime } from "./test-helpers.ts";

let rt: TestRuntime;
let approvals: Approvals;

const approvalWait = (next: string, timeout?: number) => ({
  type: "wait",
  event: "approval_received",
  approval: { groups: ["managers"], summary: "input.item" },
  ...(timeout !== undefined ? { timeout, onTimeout: "timedOut" } : {}),
  next,
});

/** The test's approval steps are for the group "managers". */
const manager = (name: string) => ({ name, groups: ["managers"] });

beforeAll(async () => {
  rt = await createTestRuntime();
  approvals = new Approvals(rt.db);
  await rt.startWorker();
  await rt.workflows.publish("two-approvals", {
    version: 1,
    start: "both",
    nodes: {
      both: {
        type: "parallel",
        branches: [
          { start: "legal", nodes: { legal: approvalWait("legalDone"), legalDone: { type: "end", output: "steps.legal.decision & ' by ' & steps.legal.approver" } } },
          { start: "finance", nodes: { finance: approvalWait("financeDone"), financeDone: { type: "end", output: "steps.finance.decision & ' by ' & steps.finance.approver" } } },
        ],
      },
    },
  });
  await rt.workflows.publish("timed-approval", {
    version: 1,
    start: "approve",
    nodes: { approve: approvalWait("done", 1), done: { type: "end", output: "steps.approve.decision" }, timedOut: { type: "end", output: "'timed out'" } },
  });
}, 60_000);

afterAll(() => rt.close());

async function pendingOf(instanceId: string, count: number) {
  for (let i = 0; i < 400; i++) {
    const pending = (await approvals.pending({ instanceId })).approvals;
    if (pending.length === count) return pending;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${instanceId} never had ${count} pending approvals`);
}

describe("approvals", () => {
  it("lists each waiting approval with its summary, and binds each decision to its own wait", async () => {
    const { instanceId } = await rt.instances.start("two-approvals", { item: "a new laptop" });
    const pending = await pendingOf(instanceId, 2);
    expect(pending.map((p) => p.waitId).sort()).toEqual(["finance", "legal"]);
    expect(pending[0]).toMatchObject({ workflowName: "two-approvals", summary: "a new laptop", title: "a new laptop", groups: ["managers"], timeoutAt: null, since: expect.any(String) });

    await approvals.decide(instanceId, "finance", { decision: "approved", decider: manager("fay") });
    expect((await approvals.pending({ instanceId })).approvals.map((p) => p.waitId)).toEqual(["legal"]);
    await approvals.decide(instanceId, "legal", { decision: "rejected", decider: manager("lou"), comment: "no budget" });
    const done = await waitForInstance(rt.instances, instanceId);
    expect(done.output).toEqual(["rejected by lou", "approved by fay"]);

    const history = await rt.instances.history(instanceId);
    const raised = history.filter((e) => e.type === "event_raised");
    expect(raised).toEqual([
      expect.objectContaining({ waitId: "finance", raisedBy: "fay", payload: expect.objectContaining({ decision: "approved", approver: "fay", comment: null }) }),
      expect.objectContaining({ waitId: "legal", raisedBy: "lou", payload: expect.objectContaining({ decision: "rejected", comment: "no budget" }) }),
    ]);
  });

  it("pages through a fan-out of approvals oldest first, each once, counting them all", async () => {
    await rt.workflows.publish("many-approvals", {
      version: 1,
      start: "each",
      nodes: { each: { type: "map", items: "input", body: { start: "approve", nodes: { approve: { ...approvalWait("done"), approval: { groups: ["managers"], summary: "item" } }, done: { type: "end" } } } } },
    });
    const { instanceId } = await rt.instances.start("many-approvals", ["a", "b", "c", "d", "e", "f", "g"]);
    await pendingOf(instanceId, 7);
    const walk = async () => {
      const seen: string[] = [];
      const totals = new Set<number>();
      let cursor: string | undefined;
      do {
        const page = await approvals.pending({ instanceId, limit: 3, ...(cursor ? { cursor } : {}) });
        expect(page.approvals.length).toBeLessThanOrEqual(3);
        seen.push(...page.approvals.map((p) => p.waitId));
        totals.add(page.total);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return { seen, totals: [...totals] };
    };
    const before = await walk();
    expect(new Set(before.seen).size).toBe(7);
    expect(before.seen).toHaveLength(7);
    expect(before.totals).toEqual([7]);

    await approvals.decide(instanceId, before.seen[4]!, { decision: "approved", decider: manager("fay") });
    const after = await walk();
    expect(after.seen).toEqual(before.seen.filter((waitId) => waitId !== before.seen[4]));
    expect(after.totals).toEqual([6]);
    expect(await approvals.waitingAt(instanceId, before.seen[4]!)).toBeNull();
    expect(await approvals.waitingAt(instanceId, before.seen[0]!)).toMatchObject({ waitId: before.seen[0], instanceId });

    await expect(approvals.pending({ cursor: "not-a-cursor" })).rejects.toThrow(/not one this server returned/);
    await rt.instances.terminate(instanceId);
  });

  it("counts exactly one of two decisions made at the same moment, and tells the other who decided", async () => {
    const { instanceId } = await rt.instances.start("two-approvals", { item: "chairs" });
    await pendingOf(instanceId, 2);
    const results = await Promise.allSettled([
      approvals.decide(instanceId, "legal", { decision: "approved", decider: manager("ann") }),
      approvals.decide(instanceId, "legal", { decision: "rejected", decider: manager("bob") }),
    ]);
    const accepted = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(accepted).toHaveLength(1);
    const winner = (accepted[0] as PromiseFulfilledResult<{ approver: string }>).value.approver;
    expect(refused[0]?.reason.message).toMatch(new RegExp(`already decided: \\w+ by ${winner}`));

    await approvals.decide(instanceId, "finance", { decision: "approved", decider: manager("fay") });
    const done = await waitForInstance(rt.instances, instanceId);
    expect((done.output as string[])[0]).toContain(`by ${winner}`);
    await expect(approvals.decide(instanceId, "finance", { decision: "rejected", decider: manager("late") })).rejects.toThrow(/already decided: approved by fay/);
  });

  it("refuses a decision after the timeout and says so", async () => {
    const { instanceId } = await rt.instances.start("timed-approval", { item: "pens" });
    const [pending] = await pendingOf(instanceId, 1);
    expect(pending?.timeoutAt).toEqual(expect.any(String));
    const done = await waitForInstance(rt.instances, instanceId);
    expect(done.output).toBe("timed out");
    await expect(approvals.decide(instanceId, "approve", { decision: "approved", decider: manager("slow") })).rejects.toThrow(/timed out at .*timeout path/);
  });

  it("refuses unknown waits, waits that are not approvals, and empty approvers", async () => {
    const { instanceId } = await rt.instances.start("two-approvals", { item: "x" });
    await pendingOf(instanceId, 2);
    await expect(approvals.decide(instanceId, "nowhere", { decision: "approved", decider: manager("a") })).rejects.toThrow(/not waiting at "nowhere"/);
    await expect(approvals.decide(instanceId, "legal", { decision: "approved", decider: manager("  ") })).rejects.toThrow(/needs the name of who decides/);
    await expect(approvals.decide(instanceId, "legal", { decision: "approved", decider: { name: "intern", groups: ["staff"] } })).rejects.toThrow(
      /intern may not decide this approval: it is for group managers/,
    );
    await expect(approvals.decide("no-such-instance", "legal", { decision: "approved", decider: manager("a") })).rejects.toThrow(/no instance/);
  });

  it("keeps the person who started an instance from approving it when the step asks for four eyes", async () => {
    await rt.workflows.publish("four-eyes", {
      version: 1,
      start: "approve",
      nodes: { approve: { ...approvalWait("done"), approval: { groups: ["managers"], excludeStarter: true } }, done: { type: "end", output: "steps.approve.approver" } },
    });
    const { instanceId } = await rt.instances.start("four-eyes", null, { by: "sam" });
    expect((await rt.instances.get(instanceId)).startedBy).toBe("sam");
    const [pending] = await pendingOf(instanceId, 1);
    expect(pending).toMatchObject({ excludeStarter: true, startedBy: "sam" });
    await expect(approvals.decide(instanceId, "approve", { decision: "approved", decider: manager("sam") })).rejects.toThrow(/sam started this instance/);
    await approvals.decide(instanceId, "approve", { decision: "approved", decider: manager("tess") });
    expect((await waitForInstance(rt.instances, instanceId)).output).toBe("tess");
    const [started] = await rt.instances.history(instanceId);
    expect(started).toMatchObject({ type: "execution_started", startedBy: "sam" });
  });
});
