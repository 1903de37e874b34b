/**
 * The history a retry of a failed instance starts from: everything that finished stays, so the
 * steps before the failure keep their recorded outputs and are not run again; what failed or
 * never finished (activities, children, timers, open waits) is left out, so the engine schedules
 * it afresh. A child without a recorded completion counts as unfinished, even one a step that
 * does not wait was done with: the step cannot tell a child it left running from one whose end
 * never reached the ended instance, and waiting for the latter would hold the retry forever.
 */
import { indexHistory } from "./facts.ts";
import type { HistoryEvent } from "./history.ts";

/** Events that end or steer the old instance; the retry starts running and unsuspended. */
const DROPPED_TYPES = new Set<HistoryEvent["type"]>(["execution_failed", "execution_completed", "terminated", "suspended", "resumed", "continued_as_new", "rerun_requested"]);

/** One generation's history, cut back to what finished and numbered again from 1. */
export function historyForRetry(history: readonly HistoryEvent[]): HistoryEvent[] {
  const facts = indexHistory(history);
  const unfinishedActivities = new Set([...facts.activities].filter(([, activity]) => !activity.completed).map(([id]) => id));
  const unfinishedChildren = new Set([...facts.children].filter(([, child]) => !child.completed).map(([id]) => id));
  // A retried step's backoff timers are named after its place (childRetryTimerOf): they go with its children.
  const childRetryTimers = new Set(
    [...facts.timers]
      .filter(([id, timer]) => timer.created.purpose === "child_retry" && unfinishedChildren.has(id.slice(0, id.lastIndexOf(":retry"))))
      .map(([id]) => id),
  );
  const { openWaits } = facts;
  const unfiredTimers = new Set([...facts.timers].filter(([, timer]) => timer.firedSeq === undefined).map(([id]) => id));

  const kept = history.filter((event) => {
    if (DROPPED_TYPES.has(event.type)) return false;
    if ("activityId" in event && unfinishedActivities.has(event.activityId)) return false;
    if ("stepId" in event && unfinishedChildren.has(event.stepId)) return false;
    if (event.type === "event_wait_started" && openWaits.has(event.waitId)) return false;
    if ((event.type === "timer_created" || event.type === "timer_fired") && (unfiredTimers.has(event.timerId) || childRetryTimers.has(event.timerId))) return false;
    return true;
  });
  const seqOf = new Map(kept.map((event, i) => [event.seq, i + 1]));
  return kept.map((event, i) => {
    const renumbered = { ...event, seq: i + 1 };
    if (renumbered.type === "event_consumed") renumbered.raisedSeq = seqOf.get(renumbered.raisedSeq) ?? renumbered.raisedSeq;
    if (renumbered.type === "execution_started") renumbered.generation = 1;
    return renumbered;
  });
}
