/**
 * The timeline's lanes and bars, from the engine's progress: one lane per step in each place it
 * ran (every map iteration has its own), a bar per attempt, backoff, timer and wait, and a span
 * over each container's contents. Open bars run to `endMs` (now, or the end of the generation).
 */
import type { InstanceProgress, PlaceProgress, StepState } from "@flowcraft/engine";
import { choiceWords } from "./choice-words.ts";
import { preciseTime } from "./time-words.ts";

export type BarKind = "queued" | "attempt" | "backoff" | "timer" | "wait" | "span" | "choice";

export interface Bar {
  id: string;
  kind: BarKind;
  start: number;
  end: number;
  /** Still going at `endMs`. */
  open: boolean;
  state: StepState | "open";
  attempt?: number;
  /**
   * Times, attempt and outcome, for the tooltip and the accessible name. Formatted only for the
   * bars drawn: formatting the times of every bar of a long instance took longer than the lanes.
   */
  title(): string;
}

export interface Lane {
  key: string;
  node: string;
  /** The key of the container place it runs in, or null at the top level. */
  parent: string | null;
  /** Nesting depth: 0 at the top level. */
  depth: number;
  state: StepState;
  /** The lane's bars, worked out when it is first drawn: of a map's thousands of lanes only those in view are. */
  bars(): Bar[];
}

const DRAWN_KINDS = new Set(["activity", "subworkflow", "timer", "wait", "map", "parallel", "group", "monitor"]);

/** Lanes in the order steps began, each container's contents right below it. */
export function lanesOf(progress: InstanceProgress, endMs: number): Lane[] {
  const children = new Map<string | null, PlaceProgress[]>();
  for (const place of progress.places) {
    if (!children.has(place.parent)) children.set(place.parent, []);
    children.get(place.parent)!.push(place);
  }
  const lanes: Lane[] = [];
  const visit = (parent: string | null, depth: number) => {
    // Map iterations in index order, each iteration's steps together; otherwise in the order they
    // began, those not begun last. Keys are worked out once: a map's thousands of iterations
    // would otherwise parse them again in every comparison.
    const keyed = (children.get(parent) ?? []).map((place) => ({ place, iteration: iterationOf(place, parent), began: beganAt(place) }));
    keyed.sort((a, b) => a.iteration - b.iteration || a.began - b.began);
    for (const { place } of keyed) {
      // A decision has a lane once it has chosen: the mark of its choice.
      if (DRAWN_KINDS.has(place.kind) || (place.kind === "decision" && place.choices)) lanes.push(laneOf(place, parent, depth, endMs));
      visit(place.key, depth + 1);
    }
  };
  visit(null, 0);
  return lanes;
}

function laneOf(place: PlaceProgress, parent: string | null, depth: number, endMs: number): Lane {
  let bars: Bar[] | undefined;
  return { key: place.key, node: place.node, parent, depth, state: place.state, bars: () => (bars ??= barsOf(place, endMs)) };
}

/** The map iteration a place belongs to, when its parent is the map; else 0. */
function iterationOf(place: PlaceProgress, parent: string | null): number {
  if (parent === null || place.key[parent.length] !== "[") return 0;
  return Number.parseInt(place.key.slice(parent.length + 1), 10);
}

function beganAt(place: PlaceProgress): number {
  const at = place.scheduledAt ?? place.startedAt;
  return at ? Date.parse(at) : Number.POSITIVE_INFINITY;
}

function barsOf(place: PlaceProgress, endMs: number): Bar[] {
  return [...ownBarsOf(place, endMs), ...choiceMarks(place, endMs)];
}

function ownBarsOf(place: PlaceProgress, endMs: number): Bar[] {
  switch (place.kind) {
    case "activity":
    case "subworkflow":
      return attemptBars(place, endMs);
    case "timer":
      return place.timers.map((timer) => timerBar(place, timer, endMs));
    case "wait":
      return waitBars(place, endMs);
    case "decision":
      return [];
    default:
      return [...spanBars(place, endMs), ...place.timers.map((timer) => timerBar(place, timer, endMs))];
  }
}

/** A mark at each moment a choice was made here, titled with the way it went and why. */
function choiceMarks(place: PlaceProgress, endMs: number): Bar[] {
  return (place.choices ?? []).map((choice, index) =>
    bar(`${place.key}#choice${index}`, "choice", choice.at, choice.at, endMs, "completed", () => `${place.key} ${choiceWords(choice)} at ${preciseTime(choice.at)}`, undefined, true),
  );
}

function attemptBars(place: PlaceProgress, endMs: number): Bar[] {
  const bars: Bar[] = [];
  const of = place.maxAttempts ? ` of ${place.maxAttempts}` : "";
  for (const attempt of place.attempts) {
    const name = `${place.key} attempt ${attempt.attempt}${of}`;
    const { queuedAt, dueAt } = attempt;
    if (dueAt) {
      bars.push(bar(`${place.key}#${attempt.attempt}:backoff`, "backoff", queuedAt, dueAt, endMs, "open", () => `${name}: backoff from ${preciseTime(queuedAt)} until ${preciseTime(dueAt)}`, attempt.attempt, true));
    }
    const queuedFrom = attempt.dueAt ?? attempt.queuedAt;
    const queuedTo = attempt.startedAt ?? attempt.endedAt;
    bars.push(bar(`${place.key}#${attempt.attempt}:queued`, "queued", queuedFrom, queuedTo, endMs, "open", () => `${name}: queued at ${preciseTime(queuedFrom)}${queuedTo ? `, picked up at ${preciseTime(queuedTo)}` : ", not picked up yet"}`, attempt.attempt));
    if (!attempt.startedAt) continue;
    const outcome = attempt.outcome === "open" ? (place.state === "cancelled" ? "cancelled" : "running") : attempt.outcome;
    const { startedAt, endedAt } = attempt;
    const error = attempt.error ? `: ${attempt.error.message}` : "";
    const state: StepState = attempt.outcome === "open" ? (place.state === "cancelled" ? "cancelled" : "running") : attempt.outcome;
    const title = () => `${name}: started at ${preciseTime(startedAt)}${endedAt ? `, ${outcome} at ${preciseTime(endedAt)}` : `, ${outcome}`}${error}`;
    bars.push(bar(`${place.key}#${attempt.attempt}`, "attempt", startedAt, endedAt, endMs, state, title, attempt.attempt));
  }
  return bars;
}

function timerBar(place: PlaceProgress, timer: PlaceProgress["timers"][number], endMs: number): Bar {
  const purpose = timer.purpose === "monitor_interval" ? "interval" : timer.purpose === "wait_timeout" ? "timeout" : "timer";
  const title = () => `${place.key} ${purpose}: set at ${preciseTime(timer.createdAt)}, due at ${preciseTime(timer.fireAt)}${timer.firedAt ? `, fired at ${preciseTime(timer.firedAt)}` : ""}`;
  return bar(`${timer.id}:timer`, "timer", timer.createdAt, timer.firedAt, endMs, timer.firedAt ? "completed" : "waiting", title);
}

function waitBars(place: PlaceProgress, endMs: number): Bar[] {
  const wait = place.wait;
  if (!wait) return [];
  const until = wait.consumedAt ?? place.endedAt;
  const title = () =>
    `${place.key} waits for ${wait.event} from ${preciseTime(wait.startedAt)}${wait.timeoutAt ? `, times out at ${preciseTime(wait.timeoutAt)}` : ""}${until ? `, ended at ${preciseTime(until)}` : ""}`;
  return [bar(`${place.key}:wait`, "wait", wait.startedAt, until, endMs, place.state, title)];
}

function spanBars(place: PlaceProgress, endMs: number): Bar[] {
  const from = place.startedAt ?? place.scheduledAt;
  if (!from) return [];
  const { endedAt, state } = place;
  const title = () => `${place.key}: ${state} from ${preciseTime(from)}${endedAt ? ` until ${preciseTime(endedAt)}` : ""}`;
  return [bar(`${place.key}:span`, "span", from, endedAt, endMs, state, title)];
}

function bar(id: string, kind: BarKind, from: string, to: string | undefined, endMs: number, state: Bar["state"], title: () => string, attempt?: number, closed = false): Bar {
  const start = Date.parse(from);
  const end = to ? Date.parse(to) : Math.max(start, endMs);
  return { id, kind, start, end, open: !to && !closed, state, title, ...(attempt !== undefined ? { attempt } : {}) };
}
