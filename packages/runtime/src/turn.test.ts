import { validateDefinition, type Definition } from "@flowcraft/definition";
import { MAX_CARRIED_EVENTS, type HistoryEvent } from "@flowcraft/engine";
import { describe, expect, it } from "vitest";
import { failedTurn, planTurn, type InboxMessage, type InstanceState } from "./turn.ts";

const now = new Date("2026-01-01T00:00:00.000Z");

function definition(raw: unknown): Definition {
  const result = validateDefinition(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.definition;
}

const oneStep = definition({ version: 1, start: "a", nodes: { a: { type: "activity", activity: "work", input: "input" } } });

const instance = (lastSeq: number, generation = 1): InstanceState => ({
  id: "i1",
  workflowName: "w",
  workflowVersion: 1,
  generation,
  lastSeq,
  summary: { runtimeStatus: "RUNNING", output: null, failure: null, customStatus: null },
});

const started: HistoryEvent = { type: "execution_started", workflowName: "w", workflowVersion: 1, input: 5, generation: 1, seq: 1, at: now.toISOString() };

const result = (id: number, attempt: number, output: number, generation = 1): InboxMessage => ({
  id,
  kind: "activity_result",
  data: { generation, activityId: "a", attempt, worker: "w1", startedAt: now.toISOString(), finishedAt: now.toISOString(), output },
});

/** Checks three times, continuing as new after each, then waits for "later". */
const monitorThenWait = () =>
  definition({
    version: 1,
    start: "m",
    nodes: {
      m: { type: "monitor", body: { start: "x", nodes: { x: { type: "end" } } }, interval: 1, maxIterations: 3, next: "after" },
      after: { type: "wait", event: "later" },
    },
  });

describe("planTurn", () => {
  it("schedules the first activity as a task on the first turn", async () => {
    const turn = await planTurn({ ...instance(1), summary: { ...instance(1).summary, runtimeStatus: "PENDING" } }, oneStep, [started], [{ id: 1, kind: "start", data: {} }], now);
    expect(turn.events.map((e) => [e.seq, e.type])).toEqual([[2, "activity_scheduled"]]);
    expect(turn.tasks).toEqual([expect.objectContaining({ activityId: "a", activity: "work", input: 5, attempt: 1, visibleAt: now.toISOString() })]);
    expect(turn.summary.runtimeStatus).toBe("RUNNING");
  });

  it("records a result once, however often it is delivered, and completes", async () => {
    const turn1 = await planTurn(instance(1), oneStep, [started], [], now);
    const history = [started, ...turn1.events];
    const turn = await planTurn(instance(turn1.lastSeq), oneStep, history, [result(1, 1, 10), result(2, 1, 99)], now);
    expect(turn.events.map((e) => e.type)).toEqual(["activity_completed", "execution_completed"]);
    // One event per result: when the attempt started and who ran it travel with it.
    expect(turn.events[0]).toMatchObject({ activityId: "a", attempt: 1, output: 10, worker: "w1", startedAt: now.toISOString() });
    expect(turn.summary).toMatchObject({ runtimeStatus: "COMPLETED", output: 10 });
    expect(turn.ended).toBe(true);
  });

  it("gives the retry of a failed attempt its heartbeat timeout and the details the attempt last gave heartbeat()", async () => {
    const retried = definition({
      version: 1,
      start: "a",
      nodes: { a: { type: "activity", activity: "work", retry: { maxAttempts: 2, firstInterval: 0 }, heartbeatTimeout: 30 } },
    });
    const turn1 = await planTurn(instance(1), retried, [started], [], now);
    expect(turn1.tasks).toEqual([expect.objectContaining({ attempt: 1, heartbeatTimeoutSeconds: 30 })]);
    expect(turn1.tasks[0]).not.toHaveProperty("heartbeatDetails");
    const failed: InboxMessage = {
      id: 1,
      kind: "activity_result",
      data: { generation: 1, activityId: "a", attempt: 1, worker: "w1", startedAt: now.toISOString(), finishedAt: now.toISOString(), error: { name: "ActivityFailed", message: "x" }, heartbeatDetails: { page: 7 } },
    };
    const turn2 = await planTurn(instance(turn1.lastSeq), retried, [started, ...turn1.events], [failed], now);
    expect(turn2.events.map((e) => e.type)).toEqual(["activity_failed", "activity_retrying"]);
    expect(turn2.events[0]).toMatchObject({ attempt: 1, worker: "w1", startedAt: now.toISOString() });
    expect(turn2.tasks).toEqual([expect.objectContaining({ attempt: 2, heartbeatTimeoutSeconds: 30, heartbeatDetails: { page: 7 } })]);
  });

  it("ignores results of another generation or attempt", async () => {
    const turn1 = await planTurn(instance(1), oneStep, [started], [], now);
    const history = [started, ...turn1.events];
    const turn = await planTurn(instance(turn1.lastSeq), oneStep, history, [result(1, 1, 10, 0), result(2, 2, 10)], now);
    expect(turn.events).toEqual([]);
  });

  it("a terminate message ends the instance and later messages change nothing", async () => {
    const turn = await planTurn(instance(1), oneStep, [started], [{ id: 1, kind: "terminate", data: { by: "ops" } }, result(2, 1, 1)], now);
    expect(turn.events.map((e) => e.type)).toEqual(["terminated"]);
    expect(turn.summary.runtimeStatus).toBe("TERMINATED");
    expect(turn.tasks).toEqual([]);
  });

  it("a suspended instance records messages but decides nothing until resumed", async () => {
    const suspended = await planTurn(instance(1), oneStep, [started], [{ id: 1, kind: "suspend", data: {} }], now);
    expect(suspended.events.map((e) => e.type)).toEqual(["suspended"]);
    expect(suspended.tasks).toEqual([]);
    const resumed = await planTurn(instance(2), oneStep, [started, ...suspended.events], [{ id: 2, kind: "resume", data: {} }], now);
    expect(resumed.events.map((e) => e.type)).toEqual(["resumed", "activity_scheduled"]);
  });

  it("continues as new with the next generation and carries unconsumed events over", async () => {
    const monitor = monitorThenWait();
    const first = await planTurn(instance(1), monitor, [started], [], now);
    expect(first.timers).toEqual([expect.objectContaining({ timerId: "m:interval", generation: 1 })]);
    const history = [started, ...first.events];
    const messages: InboxMessage[] = [
      { id: 1, kind: "event", data: { eventId: "e1", name: "later", payload: 1 } },
      { id: 2, kind: "timer", data: { generation: 1, timerId: "m:interval" } },
    ];
    const turn = await planTurn(instance(first.lastSeq), monitor, history, messages, now);
    expect(turn.generation).toBe(2);
    const second = turn.events.filter((e) => e.generation === 2);
    expect(second.map((e) => e.type)).toEqual(["execution_started", "event_raised", "choice_recorded", "timer_created"]);
    expect(second[0]).toMatchObject({ resume: { node: "m", iteration: 2 } });
    expect(second[0]).not.toHaveProperty("uncarriedEvents");
    expect(turn.timers).toEqual([expect.objectContaining({ timerId: "m:interval", generation: 2 })]);
    expect(turn.endedGenerations).toEqual([{ instanceId: "i1", generation: 1, firstSeq: 1, lastSeq: second[0]!.seq - 1, endedAt: now.toISOString() }]);
  });

  it("leaves behind, and counts, the events no wait could take and those over the bound", async () => {
    const monitor = monitorThenWait();
    const first = await planTurn(instance(1), monitor, [started], [], now);
    const raised = (name: string, i: number): InboxMessage => ({ id: i, kind: "event", data: { eventId: `${name}${i}`, name, payload: i } });
    const messages: InboxMessage[] = [
      ...Array.from({ length: MAX_CARRIED_EVENTS + 20 }, (_, i) => raised("later", i + 1)),
      ...Array.from({ length: 30 }, (_, i) => raised("nobody-waits-for-this", i + 500)),
      { id: 1000, kind: "timer", data: { generation: 1, timerId: "m:interval" } },
    ];
    const turn = await planTurn(instance(first.lastSeq), monitor, [started, ...first.events], messages, now);
    const second = turn.events.filter((e) => e.generation === 2);
    expect(second[0]).toMatchObject({ type: "execution_started", uncarriedEvents: 20 + 30 });
    const carried = second.filter((e) => e.type === "event_raised");
    // The oldest, which a wait would take first.
    expect(carried.map((e) => (e.type === "event_raised" ? e.eventId : ""))).toEqual(Array.from({ length: MAX_CARRIED_EVENTS }, (_, i) => `later${i + 1}`));
  });

  it("drops a decision made for an approval of an earlier generation, which a wait of the same id in this one must not take", async () => {
    const rounds = definition({
      version: 1,
      start: "m",
      nodes: { m: { type: "monitor", body: { start: "approve", nodes: { approve: { type: "wait", event: "decided", approval: {} } } }, interval: 0, maxIterations: 3 } },
    });
    const secondStart: HistoryEvent = { ...started, generation: 2, resume: { node: "m", state: null, iteration: 2, steps: {} } };
    const first = await planTurn(instance(1, 2), rounds, [secondStart], [], now);
    expect(first.events.map((e) => e.type)).toEqual(["event_wait_started"]);
    const decision = (generation: number): InboxMessage => ({
      id: generation,
      kind: "event",
      data: { eventId: `d${generation}`, name: "decided", payload: { decision: "approved" }, waitId: "approve", generation },
    });
    const stale = await planTurn(instance(first.lastSeq, 2), rounds, [secondStart, ...first.events], [decision(1)], now);
    expect(stale.events).toEqual([]);
    const current = await planTurn(instance(first.lastSeq, 2), rounds, [secondStart, ...first.events], [decision(2)], now);
    expect(current.events.map((e) => e.type)).toEqual(["event_raised", "event_consumed", "choice_recorded", "timer_created"]);
  });

  it("ignores an event raised again with the same eventId, even after the first was consumed", async () => {
    const waits = definition({
      version: 1,
      start: "w1",
      nodes: { w1: { type: "wait", event: "x", next: "w2" }, w2: { type: "wait", event: "x" } },
    });
    const first = await planTurn(instance(1), waits, [started], [], now);
    const raised: InboxMessage = { id: 1, kind: "event", data: { eventId: "E1", name: "x", payload: 1 } };
    const second = await planTurn(instance(first.lastSeq), waits, [started, ...first.events], [raised], now);
    expect(second.events.map((e) => e.type)).toEqual(["event_raised", "event_consumed", "event_wait_started"]);
    const history = [started, ...first.events, ...second.events];
    const again = await planTurn(instance(second.lastSeq), waits, history, [{ ...raised, id: 2 }], now);
    expect(again.events).toEqual([]);
  });

  it("a wait answered in the turn takes its timeout timer with it, unless the timer's own message does", async () => {
    const timed = definition({
      version: 1,
      start: "w1",
      nodes: { w1: { type: "wait", event: "x", timeout: 60, next: "w2" }, w2: { type: "wait", event: "y" } },
    });
    const first = await planTurn(instance(1), timed, [started], [], now);
    expect(first.timers).toEqual([expect.objectContaining({ timerId: "w1:timeout", generation: 1 })]);
    const history = [started, ...first.events];
    const raised: InboxMessage = { id: 1, kind: "event", data: { eventId: "E1", name: "x", payload: 1 } };
    const answered = await planTurn(instance(first.lastSeq), timed, history, [raised], now);
    expect(answered.cancelledTimers).toEqual([{ instanceId: "i1", generation: 1, timerId: "w1:timeout" }]);
    const due: InboxMessage = { id: 2, kind: "timer", data: { generation: 1, timerId: "w1:timeout" } };
    const both = await planTurn(instance(first.lastSeq), timed, history, [raised, due], now);
    expect(both.events.map((e) => e.type)).toEqual(expect.arrayContaining(["timer_fired", "event_consumed"]));
    expect(both.cancelledTimers).toEqual([]);
    // Raised before the wait began: the wait is answered in the turn that sets its timeout.
    const early = await planTurn(instance(1), timed, [started], [raised], now);
    expect(early.events.map((e) => e.type)).toEqual(expect.arrayContaining(["timer_created", "event_consumed"]));
    expect(early.timers).toEqual([]);
    expect(early.cancelledTimers).toEqual([]);
  });

  it("failedTurn fails the instance with the reason", () => {
    const turn = failedTurn(instance(4), new Error("boom"), now);
    expect(turn.events).toEqual([expect.objectContaining({ type: "execution_failed", seq: 5 })]);
    expect(turn.summary).toMatchObject({ runtimeStatus: "FAILED", failure: { name: "InternalError", message: expect.stringContaining("boom") } });
  });
});

describe("planTurn with a sub-workflow step", () => {
  const calling = definition({
    version: 1,
    start: "call",
    nodes: { call: { type: "subworkflow", workflow: "child", input: "input", retry: { maxAttempts: 2, firstInterval: 0 } } },
  });
  const report = (id: number, data: Extract<InboxMessage, { kind: "child" }>["data"]): InboxMessage => ({ id, kind: "child", data });

  it("asks for the same child whenever the same turn is planned again, and for another one per attempt", async () => {
    const first = await planTurn(instance(1), calling, [started], [{ id: 1, kind: "start", data: {} }], now);
    const again = await planTurn(instance(1), calling, [started], [{ id: 1, kind: "start", data: {} }], now);
    expect(first.children).toEqual([expect.objectContaining({ parentInstanceId: "i1", parentGeneration: 1, stepId: "call", attempt: 1, workflow: "child", version: null, input: 5 })]);
    expect(again.children[0]!.childId).toBe(first.children[0]!.childId);
    expect(first.children[0]!.childId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

    const history = [started, ...first.events];
    const childId = first.children[0]!.childId;
    const failed = await planTurn(
      instance(first.lastSeq),
      calling,
      history,
      [
        report(2, { generation: 1, stepId: "call", attempt: 1, outcome: "started", childId, workflowVersion: 3 }),
        report(3, { generation: 1, stepId: "call", attempt: 1, outcome: "failed", childId, error: { name: "Boom", message: "boom" } }),
      ],
      now,
    );
    expect(failed.events.map((e) => e.type)).toEqual(["child_started", "child_failed", "timer_created"]);
    const fired = await planTurn(instance(failed.lastSeq), calling, [...history, ...failed.events], [{ id: 4, kind: "timer", data: { generation: 1, timerId: failed.timers[0]!.timerId } }], now);
    expect(fired.children).toEqual([expect.objectContaining({ stepId: "call", attempt: 2 })]);
    expect(fired.children[0]!.childId).not.toBe(childId);
  });

  it("ignores a report about an attempt the step left behind or an earlier generation", async () => {
    const first = await planTurn(instance(1), calling, [started], [{ id: 1, kind: "start", data: {} }], now);
    const childId = first.children[0]!.childId;
    const late = await planTurn(
      instance(first.lastSeq),
      calling,
      [started, ...first.events],
      [
        report(2, { generation: 1, stepId: "call", attempt: 2, outcome: "completed", childId, output: "stale" }),
        report(3, { generation: 0, stepId: "call", attempt: 1, outcome: "completed", childId, output: "stale" }),
        report(4, { generation: 1, stepId: "elsewhere", attempt: 1, outcome: "completed", childId, output: "stale" }),
      ],
      now,
    );
    expect(late.events).toEqual([]);
  });
});
