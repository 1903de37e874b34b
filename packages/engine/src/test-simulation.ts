/** An in-memory runtime for engine tests: runs activities as plain functions and fires timers on demand. */
import { validateDefinition, type Definition } from "@flowcraft/definition";
import type { Command } from "./commands.ts";
import { decide } from "./decide.ts";
import { evaluate, type Evaluator } from "./expression.ts";
import type { HistoryEvent, HistoryEventBody } from "./history.ts";
import type { Json } from "./json.ts";

/** The definition, which a test means to be valid: its problems, if any, fail the test. */
export function definition(raw: unknown): Definition {
  const result = validateDefinition(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.definition;
}

export type TestActivity = (input: Json, attempt: number) => Json | Promise<Json>;

export class Simulation {
  readonly history: HistoryEvent[] = [];
  readonly decisions: Command[][] = [];
  private queue: Extract<Command, { type: "schedule_activity" | "retry_activity" }>[] = [];
  now = new Date("2026-01-01T00:00:00.000Z");
  /** How expressions are evaluated; a test may swap it between decisions. */
  evaluate: Evaluator = evaluate;

  constructor(
    readonly definition: Definition,
    readonly activities: Record<string, TestActivity>,
  ) {}

  append(body: HistoryEventBody) {
    this.history.push({ ...body, seq: this.history.length + 1, at: this.now.toISOString() } as HistoryEvent);
  }

  start(input: Json) {
    this.append({ type: "execution_started", workflowName: "test", workflowVersion: 1, input, generation: 1 });
  }

  async decide(): Promise<Command[]> {
    const decision = await decide(this.definition, this.history, this.now, this.evaluate);
    this.history.push(...decision.events);
    this.decisions.push(decision.commands);
    for (const command of decision.commands) {
      if (command.type === "schedule_activity" || command.type === "retry_activity") this.queue.push(command);
    }
    return decision.commands;
  }

  /** Activities queued but not yet run. */
  get pending() {
    return this.queue.map((task) => task.activityId);
  }

  /** Runs queued activities (all, or the first `limit`) and records their results. */
  async runActivities(limit = Number.POSITIVE_INFINITY) {
    const batch = this.queue.splice(0, limit);
    for (const task of batch) {
      const fn = this.activities[task.activity];
      const run = { startedAt: this.now.toISOString(), worker: "test" };
      try {
        if (!fn) throw new Error(`no activity ${task.activity}`);
        const output = await fn(task.input, task.attempt);
        this.append({ type: "activity_completed", activityId: task.activityId, attempt: task.attempt, output, ...run });
      } catch (error) {
        this.append({
          type: "activity_failed",
          activityId: task.activityId,
          attempt: task.attempt,
          error: { name: "ActivityFailed", message: (error as Error).message },
          ...run,
        });
      }
    }
  }

  fireTimer(timerId: string) {
    this.append({ type: "timer_fired", timerId });
  }

  /** Timers created and not fired yet. */
  get openTimers(): string[] {
    const fired = new Set(this.history.flatMap((e) => (e.type === "timer_fired" ? [e.timerId] : [])));
    return this.history.flatMap((e) => (e.type === "timer_created" && !fired.has(e.timerId) ? [e.timerId] : []));
  }

  /** Raises an event for any wait of that name, or for the one wait `waitId` names. */
  raise(name: string, payload: Json, waitId?: string) {
    this.append({ type: "event_raised", eventId: `e${this.history.length + 1}`, name, payload, ...(waitId ? { waitId } : {}) });
  }

  /** Decides and runs activities until nothing moves without a timer or an event. */
  async settle() {
    for (let i = 0; i < 10_000; i++) {
      await this.decide();
      if (this.queue.length === 0) return;
      await this.runActivities();
    }
    throw new Error("did not settle");
  }

  last() {
    return this.history.at(-1)!;
  }

  ofType<T extends HistoryEvent["type"]>(type: T) {
    return this.history.filter((e): e is Extract<HistoryEvent, { type: T }> => e.type === type);
  }
}
