/**
 * The instances list, the approvals inbox and an approval link's check read one model of what an
 * instance waits on, which the turns keep: they agree with each other, and none reads history.
 */
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { Approvals } from "./approvals.ts";
import { createTestRuntime, steppedOrchestrator, type TestRuntime } from "./test-helpers.ts";

let rt: TestRuntime;
let approvals: Approvals;
let decisions: ReturnType<typeof steppedOrchestrator>;

beforeAll(async () => {
  rt = await createTestRuntime();
  approvals = new Approvals(rt.db);
  decisions = steppedOrchestrator(rt.db.pool);
  await rt.workflows.publish("given-up-approval", {
    version: 1,
    start: "both",
    nodes: {
      // The second branch fails a turn after the approval began waiting; the parallel's error path
      // goes on without the approval, whose wait nothing will ever take.
      both: {
        type: "parallel",
        branches: [
          { start: "approve", nodes: { approve: { type: "wait", event: "approval_received", approval: { summary: "'a chair'" } } } },
          { start: "pause", nodes: { pause: { type: "timer", duration: 0, next: "broken" }, broken: { type: "fail", error: "Broken" } } },
        ],
        onError: { next: "hold" },
      },
      hold: { type: "wait", event: "release" },
    },
  });
  await rt.workflows.publish("one-approval", {
    version: 1,
    start: "approve",
    nodes: { approve: { type: "wait", event: "approval_received", approval: { summary: "'a desk'" }, timeout: 3600 } },
  });
}, 60_000);

afterAll(() => rt.close());

async function settle() {
  while ((await decisions.orchestrator.runOnce()) > 0);
  expect(decisions.errors).toEqual([]);
}

const waitingOn = async (instanceId: string) =>
  (await rt.instances.list({ instanceId })).instances[0]!.waitingOn.map((wait) => `${wait.approval ? "approval" : wait.kind}:${wait.node}`);

it("an approval decided after its branch was given up is off the list as well as the inbox", async () => {
  const { instanceId } = await rt.instances.start("given-up-approval", null);
  await settle();
  expect(await waitingOn(instanceId)).toEqual(["approval:approve", "event:hold"]);
  expect((await approvals.pending({ instanceId })).approvals.map((a) => a.waitId)).toEqual(["approve"]);

  await approvals.decide(instanceId, "approve", { decision: "approved", decider: { name: "ann", groups: [] } });
  await settle();
  expect((await approvals.pending({ instanceId })).total).toBe(0);
  expect(await waitingOn(instanceId)).toEqual(["event:hold"]);
});

it("the list, the inbox and a link's check answer while no one may read history", async () => {
  const { instanceId } = await rt.instances.start("one-approval", null);
  await settle();
  const before = {
    list: await rt.instances.list({ instanceId }),
    inbox: await approvals.pending({ instanceId }),
    link: await approvals.waitingAt(instanceId, "approve"),
  };
  expect(before.inbox.total).toBe(1);

  const locker = new pg.Client({ connectionString: rt.db.url });
  await locker.connect();
  try {
    await locker.query("BEGIN");
    await locker.query("LOCK TABLE history_event IN ACCESS EXCLUSIVE MODE");
    const answers = Promise.all([rt.instances.list({ instanceId }), approvals.pending({ instanceId }), approvals.waitingAt(instanceId, "approve")]);
    const blocked = new Promise<"blocked">((resolve) => setTimeout(() => resolve("blocked"), 3_000));
    const answered = await Promise.race([answers, blocked]);
    await locker.query("ROLLBACK");
    expect(answered).toEqual([before.list, before.inbox, before.link]);
  } finally {
    await locker.end();
  }
});
