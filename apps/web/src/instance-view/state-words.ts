/**
 * Why a step is where it is, in words: nothing on the instance view may look stuck without
 * saying what it waits for.
 */
import type { FanOutCounts, NodeProgress, PlaceProgress, StepState } from "@flowcraft/engine";
import { clockTime, durationWords, relativeTime } from "./time-words.ts";

export const STATE_LABELS: Record<StepState, string> = {
  pending: "pending",
  running: "running",
  waiting: "waiting",
  retrying: "retrying",
  completed: "completed",
  failed: "failed",
  skipped: "skipped",
  cancelled: "cancelled",
};

/** "37/100 done", with what else is going on. */
export function fanOutWords(fanOut: FanOutCounts): string {
  const { byState, total } = fanOut;
  const extra = (["running", "retrying", "waiting", "failed", "cancelled"] as const).flatMap((state) => (byState[state] ? [`${byState[state]} ${state}`] : []));
  return [`${byState.completed ?? 0}/${total} done`, ...extra].join(", ");
}

/** Words for one place of a step at time `now`; `suspended` when the instance is paused. */
export function placeWords(place: PlaceProgress, now: Date, suspended: boolean): string {
  const words = ownWords(place, now);
  return suspended && ["running", "waiting", "retrying", "pending"].includes(place.state) ? `instance suspended; ${words}` : words;
}

function ownWords(place: PlaceProgress, now: Date): string {
  if (place.fanOut && place.state !== "pending" && place.state !== "skipped") return fanOutWords(place.fanOut);
  switch (place.state) {
    case "pending":
      return "not reached yet";
    case "skipped":
      return "never reached";
    case "cancelled":
      return "stopped when the instance ended";
    case "completed":
      if (place.earlierGeneration) return "completed in an earlier generation";
      return place.endedAt ? `completed ${clockTime(place.endedAt, now)}${tookWords(place)}` : "completed";
    case "failed":
      return `failed${place.error?.attempts && place.error.attempts > 1 ? ` after ${place.error.attempts} attempts` : ""}${place.error ? `: ${place.error.message}` : ""}`;
    case "waiting":
      return waitingWords(place, now);
    case "retrying":
      return retryWords(place, now);
    case "running":
      return runningWords(place, now);
  }
}

function tookWords(place: PlaceProgress): string {
  return place.startedAt && place.endedAt ? ` (took ${durationWords(Date.parse(place.endedAt) - Date.parse(place.startedAt))})` : "";
}

function waitingWords(place: PlaceProgress, now: Date): string {
  const waiting = place.waiting;
  if (!waiting) return "waiting";
  if (waiting.event) {
    const who = waiting.approval?.approvers?.length ? ` from ${waiting.approval.approvers.join(", ")}` : "";
    const timeout = waiting.until ? `, times out ${clockTime(waiting.until, now)}` : ", no timeout";
    return `waiting for ${waiting.event}${who} since ${clockTime(waiting.since, now)}${timeout}`;
  }
  const what = waiting.timer === "monitor_interval" ? "next check" : "timer fires";
  return waiting.until ? `${what} ${clockTime(waiting.until, now)} (${relativeTime(waiting.until, now)})` : what;
}

function retryWords(place: PlaceProgress, now: Date): string {
  const retry = place.retry;
  if (!retry) return "retrying";
  const parts = [`attempt ${retry.attempt} of ${place.maxAttempts}`];
  const last = place.attempts.at(-1);
  if (retry.nextRetryAt) {
    const due = Date.parse(retry.nextRetryAt) > now.getTime();
    parts.push(due ? `next try ${relativeTime(retry.nextRetryAt, now)}` : `due since ${clockTime(retry.nextRetryAt, now)}, waiting for a worker`);
  } else if (last?.startedAt && last.outcome === "open") {
    parts.push(`running since ${clockTime(last.startedAt, now)}`);
  } else if (last?.outcome === "failed") {
    parts.push("about to be retried");
  }
  if (retry.lastError) parts.push(`last error: ${retry.lastError.message}`);
  return parts.join(", ");
}

function runningWords(place: PlaceProgress, now: Date): string {
  if (place.kind === "subworkflow") return childWords(place, now);
  if (place.kind !== "activity") return "running";
  const last = place.attempts.at(-1);
  if (!last) return "being scheduled";
  if (!last.startedAt) return `queued since ${clockTime(last.queuedAt, now)}, waiting for a worker`;
  return `running since ${clockTime(last.startedAt, now)} (${durationWords(now.getTime() - Date.parse(last.startedAt))})`;
}

/** A sub-workflow step runs while its child does: the time since the child started. */
function childWords(place: PlaceProgress, now: Date): string {
  const last = place.attempts.at(-1);
  if (!last?.startedAt) return "starting its child instance";
  return `child instance running since ${clockTime(last.startedAt, now)} (${durationWords(now.getTime() - Date.parse(last.startedAt))})`;
}

/** Words for a node on the canvas: its only place, or counts over its places. */
export function nodeWords(node: NodeProgress, places: ReadonlyMap<string, PlaceProgress>, now: Date, suspended: boolean): string {
  if (node.places.length === 1) return placeWords(places.get(node.places[0]!)!, now, suspended);
  if (node.fanOut) return fanOutWords(node.fanOut);
  if (node.places.length === 0) return node.state === "skipped" ? "never reached" : "not reached yet";
  const detail = node.waiting || node.retry ? placeWords(places.get(node.places.find((key) => ["waiting", "retrying"].includes(places.get(key)!.state)) ?? node.places[0]!)!, now, suspended) : "";
  const done = `${node.counts.completed ?? 0}/${node.places.length} done`;
  const extra = (["running", "waiting", "retrying", "failed", "cancelled"] as const).flatMap((state) => (node.counts[state] ? [`${node.counts[state]} ${state}`] : []));
  return [done, ...extra, ...(detail ? [detail] : [])].join(", ");
}
