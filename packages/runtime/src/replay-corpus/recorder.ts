/**
 * What a replay-corpus scenario drives an instance with: the runtime's own operations (start,
 * raise, decide an approval, suspend, resume), and reading its history back as stored, so that
 * the corpus holds exactly what production writes.
 */
import { TERMINAL_STATUSES, type HistoryEvent, type Json } from "@flowcraft/engine";
import { Approvals, type ApprovalDecision } from "../approvals.ts";
import { waitForInstance, type TestRuntime } from "../test-helpers.ts";

export type StoredEvent = HistoryEvent & { generation: number };

/** One behaviour to record: a workflow, and a script that runs one instance of it to its end. */
export interface Scenario {
  /** The case's file name, and the name its workflow is published under. */
  name: string;
  description: string;
  definition: unknown;
  /** Workflows the definition runs as sub-workflows, by name: published before it. */
  subworkflows?: Record<string, unknown>;
  /** Starts an instance and drives it until it has ended; returns its id. */
  run(recorder: Recorder): Promise<string>;
}

/** Longest a scenario waits for one thing to happen: retries and timeouts take seconds. */
const PATIENCE_MS = 30_000;

export class Recorder {
  private readonly approvals: Approvals;

  constructor(readonly runtime: TestRuntime) {
    this.approvals = new Approvals(runtime.db);
  }

  async start(workflow: string, input: Json, by?: string): Promise<string> {
    return (await this.runtime.instances.start(workflow, input, by ? { by } : {})).instanceId;
  }

  /** Every event of the instance, all generations, in order. */
  async history(instanceId: string): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    for (;;) {
      const page = await this.runtime.instances.history(instanceId, { afterSeq: events.at(-1)?.seq ?? 0 });
      if (page.length === 0) return events;
      events.push(...page);
    }
  }

  /** Waits until the history holds an event that passes `test`, described as `what` should it never come. */
  async until(instanceId: string, what: string, test: (event: StoredEvent) => boolean): Promise<StoredEvent> {
    const deadline = Date.now() + PATIENCE_MS;
    for (;;) {
      const found = (await this.history(instanceId)).find(test);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`instance ${instanceId} never recorded ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Waits until the instance waits at `waitId` in `generation`. */
  untilWaiting(instanceId: string, waitId: string, generation = 1): Promise<StoredEvent> {
    return this.until(instanceId, `a wait at ${waitId} in generation ${generation}`, (e) => e.type === "event_wait_started" && e.waitId === waitId && e.generation === generation);
  }

  async raise(instanceId: string, name: string, payload: Json) {
    await this.runtime.instances.raiseEvent(instanceId, name, payload, { raisedBy: "recorder" });
  }

  /** Decides the approval at `waitId` as a member of the group "managers". */
  async decide(instanceId: string, waitId: string, decision: ApprovalDecision, approver: string, comment?: string) {
    await this.approvals.decide(instanceId, waitId, { decision, decider: { name: approver, groups: ["managers"] }, ...(comment ? { comment } : {}) });
  }

  async suspend(instanceId: string) {
    await this.runtime.instances.suspend(instanceId, { by: "recorder", reason: "maintenance" });
  }

  async resume(instanceId: string) {
    await this.runtime.instances.resume(instanceId, { by: "recorder" });
  }

  async ended(instanceId: string) {
    return waitForInstance(this.runtime.instances, instanceId, (view) => TERMINAL_STATUSES.has(view.runtimeStatus), PATIENCE_MS);
  }
}
