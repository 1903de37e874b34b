/**
 * Counts what stored turns recorded, once their statement committed: each history event is stored
 * exactly once, so the counters agree with the histories (attempts per activity = its
 * activity_completed and activity_failed events).
 */
import { TERMINAL_STATUSES, type HistoryIndex } from "@flowcraft/engine";
import type { ClaimedTask } from "../activity-sql.ts";
import type { InstanceState, Turn } from "../turn.ts";
import type { RuntimeMetrics } from "./runtime-metrics.ts";

export interface StoredTurn {
  turn: Turn;
  /** The instance as the turn found it. */
  instance: InstanceState;
  /**
   * The history of the generation the turn began in, extended by the turn's events: where the
   * activities and timers its events name were scheduled. Absent for a turn that failed the
   * instance without reading its history (quarantine), which records no activity or timer.
   */
  history?: HistoryIndex;
}

const UNKNOWN = "unknown";

export function countStoredTurns(metrics: RuntimeMetrics, stored: StoredTurn[]) {
  for (const { turn, instance, history } of stored) {
    const workflow = instance.workflowName;
    if (instance.summary.runtimeStatus === "PENDING") metrics.started.get(workflow).inc();
    if (turn.ended && !TERMINAL_STATUSES.has(instance.summary.runtimeStatus)) {
      const status = turn.summary.runtimeStatus;
      if (status === "COMPLETED") metrics.completed.get(workflow).inc();
      else if (status === "FAILED") metrics.failed.get(workflow).inc();
      else if (status === "TERMINATED") metrics.terminated.get(workflow).inc();
    }
    const facts = history?.facts;
    for (const event of turn.events) {
      switch (event.type) {
        case "activity_completed":
        case "activity_failed": {
          const activity = facts?.activities.get(event.activityId)?.scheduled.activity ?? UNKNOWN;
          metrics.attempts.get(activity).inc();
          if (event.type === "activity_failed") metrics.attemptFailures.get(activity).inc();
          if (!event.startedAt) break;
          const seconds = Math.max(0, (Date.parse(event.at) - Date.parse(event.startedAt)) / 1000);
          (event.type === "activity_failed" ? metrics.failedDuration : metrics.completedDuration).get(activity).observe(seconds);
          break;
        }
        case "timer_fired": {
          const created = facts?.timers.get(event.timerId)?.created;
          if (created) metrics.timerLateness.get(created.purpose).observe(Math.max(0, (Date.parse(event.at) - Date.parse(created.fireAt)) / 1000));
          break;
        }
      }
    }
  }
}

/** What one store of a decision group settled, as the orchestrator knows it. */
export interface StoreOutcome {
  turns: Turn[];
  stored: Set<string>;
  /** The instance and history a turn was planned from. */
  originOf: (instanceId: string) => { instance: InstanceState; history?: HistoryIndex } | undefined;
  /** Tasks stored leased to the deciding worker: taken at the store, visible since the turns were planned. */
  leased: ClaimedTask[];
  plannedAt: Date;
}

export function countStore(metrics: RuntimeMetrics, { turns, stored, originOf, leased, plannedAt }: StoreOutcome) {
  const storedTurns: StoredTurn[] = [];
  for (const turn of turns) {
    const origin = stored.has(turn.instanceId) ? originOf(turn.instanceId) : undefined;
    if (origin) storedTurns.push({ turn, ...origin });
  }
  countStoredTurns(metrics, storedTurns);
  const waited = (Date.now() - plannedAt.getTime()) / 1000;
  for (const task of leased) metrics.taskWait.get(task.activity).observe(waited);
}
