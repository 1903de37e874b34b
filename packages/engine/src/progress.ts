/**
 * Progress of an instance for people watching it: from the definition and a prefix of one
 * generation's history, the state of every step in every place it runs (each map iteration has
 * its own), with its attempts, times, and why it waits or retries. Pure, like the interpreter it
 * replays: the instance view runs it over any prefix to show the instance as it was then.
 */
import type { Definition, Graph, Node, NodeKind } from "@flowcraft/definition";
import { indexHistory, type Facts } from "./facts.ts";
import type { ApprovalRequest, HistoryEvent, TimerPurpose, WorkflowError } from "./history.ts";
import type { Evaluator } from "./expression.ts";
import { interpret, type NodeStatus } from "./interpreter.ts";
import type { Json } from "./json.ts";
import { recordHistory, type AttemptRecord, type Ending, type HistoryRecords, type RecordedChoice, type TimerRecord, type WaitRecord } from "./progress-events.ts";
import { timeoutTimerOf } from "./open-waits.ts";
import { maxAttemptsOf } from "./retry.ts";

export type { AttemptRecord, Ending, RecordedChoice, TimerRecord, WaitRecord } from "./progress-events.ts";

/**
 * `pending`: not reached yet; `skipped`: never reached, and the instance has ended; `cancelled`:
 * still under way when the instance ended (terminated, or failed elsewhere).
 */
export type StepState = "pending" | "running" | "waiting" | "retrying" | "completed" | "failed" | "skipped" | "cancelled";

/** What a waiting step waits for. */
export interface WaitingInfo {
  /** The external event a wait node expects. */
  event?: string;
  /** The timer a timer node or a monitor's interval sleeps on. */
  timer?: TimerPurpose;
  since: string;
  /** When the wait times out, or the timer fires. */
  until?: string;
  approval?: ApprovalRequest;
}

export interface RetryInfo {
  /** The attempt under way or queued. */
  attempt: number;
  /** When a queued retry may start, until a worker starts it. */
  nextRetryAt?: string;
  lastError?: WorkflowError;
}

/** Iterations of a map, or branches of a parallel node, by state. */
export interface FanOutCounts {
  total: number;
  byState: Partial<Record<StepState, number>>;
}

/** One step in one place of the execution: keyed as history keys it ("each[3].work"). */
export interface PlaceProgress {
  key: string;
  node: string;
  kind: NodeKind;
  /** Key of the enclosing container's place; null at the top level. */
  parent: string | null;
  state: StepState;
  /** Completed in an earlier generation (before a monitor continued as new). */
  earlierGeneration?: boolean;
  scheduledAt?: string;
  startedAt?: string;
  endedAt?: string;
  attempts: AttemptRecord[];
  timers: Array<TimerRecord & { id: string }>;
  wait?: WaitRecord;
  waiting?: WaitingInfo;
  retry?: RetryInfo;
  /** Attempts an activity's or a sub-workflow step's retry policy allows in all. */
  maxAttempts?: number;
  fanOut?: FanOutCounts;
  /** What was chosen here (a decision's branch, a map's items, a monitor's checks), oldest first. */
  choices?: PlaceChoice[];
  input?: Json;
  output?: Json;
  error?: WorkflowError;
}

/** A recorded choice with the expression that made it, so that a person can see why the run went its way. */
export type PlaceChoice = RecordedChoice & { expression?: string };

/** One node of the definition, over all the places it runs in. */
export interface NodeProgress {
  node: string;
  kind: NodeKind;
  state: StepState;
  /** Its places by state: a node inside a map has one per iteration. */
  counts: Partial<Record<StepState, number>>;
  places: string[];
  /** Summed over its places: the iterations or branches of a fan-out node. */
  fanOut?: FanOutCounts;
  scheduledAt?: string;
  startedAt?: string;
  endedAt?: string;
  /** Highest attempt made in any place. */
  attempts: number;
  /** Of the first place that waits or retries. */
  waiting?: WaitingInfo;
  retry?: RetryInfo;
  /** Of its only place; the error of the first failed place. */
  input?: Json;
  output?: Json;
  error?: WorkflowError;
}

export interface InstanceProgress {
  generation: number;
  ending: Ending | null;
  suspended: boolean;
  failure?: WorkflowError;
  startedAt?: string;
  endedAt?: string;
  /** Time of the last event of the prefix. */
  lastAt?: string;
  /** Every place, in definition order, containers before their contents. */
  places: PlaceProgress[];
  nodes: Map<string, NodeProgress>;
}

const ACTIVE: ReadonlySet<StepState> = new Set(["pending", "running", "waiting", "retrying"]);
/** Containers whose state is only that of their contents. */
const CONTAINER_KINDS: ReadonlySet<NodeKind> = new Set(["map", "parallel", "group"]);

interface Context {
  facts: Facts;
  records: HistoryRecords;
  trace: Map<string, { status: NodeStatus }>;
  /** Iteration indices of each map place that the interpreter went into. */
  iterations: Map<string, number[]>;
  places: PlaceProgress[];
  /** Places the interpreter reached (or history mentions), as opposed to not yet reached. */
  reached: Set<string>;
}

/** `evaluate` evaluates the definition's expressions: in this process unless given. */
export async function progressOf(definition: Definition, history: readonly HistoryEvent[], evaluate?: Evaluator): Promise<InstanceProgress> {
  const facts = indexHistory(history);
  const records = recordHistory(history);
  // Interpreting an ended history stops at once; what it would have traced is what is wanted.
  // Without concurrency limits every map iteration is traced, so their number is known; those
  // not started yet in history are shown as pending.
  const { trace } = await interpret(withoutConcurrencyLimits(definition), { ...facts, ended: false }, evaluate);
  const context: Context = { facts, records, trace, iterations: iterationsOf(trace.keys()), places: [], reached: new Set() };
  walkGraph(context, definition, "", null, true);
  markEarlierGenerations(context);
  return {
    generation: facts.started?.generation ?? 1,
    ending: records.ending,
    suspended: records.suspended,
    ...(records.failure ? { failure: records.failure } : {}),
    ...(records.firstAt ? { startedAt: records.firstAt } : {}),
    ...(records.endedAt ? { endedAt: records.endedAt } : {}),
    ...(records.lastAt ? { lastAt: records.lastAt } : {}),
    places: context.places,
    nodes: nodesOf(context.places, definition),
  };
}

interface GraphOutcome {
  /** Every place of the graph, nested ones included. */
  all: PlaceProgress[];
  state: StepState;
}

/** Walks one graph in one place; its state: how far it got, as a whole. */
function walkGraph(context: Context, graph: Pick<Graph, "nodes">, prefix: string, parent: string | null, started: boolean): GraphOutcome {
  const direct: PlaceProgress[] = [];
  const all: PlaceProgress[] = [];
  for (const [id, node] of Object.entries(graph.nodes)) {
    const start = context.places.length;
    direct.push(walkNode(context, id, node, prefix, parent, started));
    all.push(...context.places.slice(start));
  }
  return { all, state: graphState(context, graph, prefix, all, direct) };
}

function graphState(context: Context, graph: Pick<Graph, "nodes">, prefix: string, all: PlaceProgress[], direct: PlaceProgress[]): StepState {
  const unhandled = direct.some((place) => place.state === "failed" && !handled(context, graph.nodes[place.node]!, prefix));
  if (unhandled) return "failed";
  if (all.some((place) => place.state === "cancelled")) return "cancelled";
  const active = all.filter((place) => ACTIVE.has(place.state) && context.reached.has(place.key));
  if (active.length > 0) return heldUpBy(active);
  if (direct.some((place) => context.reached.has(place.key))) return "completed";
  return context.records.ending ? "skipped" : "pending";
}

/**
 * What an unfinished branch is held up by, so that a fan-out says how many of its branches wait
 * or retry: work that runs first, then a retry's backoff, then a wait. A container only passes on
 * what the steps inside it do.
 */
function heldUpBy(active: PlaceProgress[]): StepState {
  const steps = active.filter((place) => !CONTAINER_KINDS.has(place.kind));
  if (steps.length === 0 || steps.some((place) => place.state === "running" || place.state === "pending")) return "running";
  return steps.some((place) => place.state === "retrying") ? "retrying" : "waiting";
}

/** A failure is handled when the node's error path was taken. */
function handled(context: Context, node: Node, prefix: string): boolean {
  const handler = "onError" in node ? node.onError : undefined;
  return handler !== undefined && context.reached.has(prefix + handler.next);
}

function walkNode(context: Context, id: string, node: Node, prefix: string, parent: string | null, started: boolean): PlaceProgress {
  const key = prefix + id;
  const place: PlaceProgress = { key, node: id, kind: node.type, parent, state: "pending", attempts: [], timers: [] };
  context.places.push(place);
  const traced = started ? context.trace.get(key)?.status : undefined;
  switch (node.type) {
    case "activity":
    case "subworkflow":
      describeActivity(context, place, traced, maxAttemptsOf(node.retry));
      break;
    case "timer":
      describeTimer(context, place, traced, key, "delay");
      break;
    case "wait":
      describeWait(context, place, traced);
      break;
    case "map": {
      const indices = context.iterations.get(key) ?? [];
      const outcomes = indices.map((index) => {
        const iteration = `${key}[${index}].`;
        return walkGraph(context, node.body, iteration, key, started && context.facts.touchedPrefixes.has(iteration));
      });
      describeContainer(context, place, traced, outcomes, true);
      break;
    }
    case "parallel":
      describeContainer(context, place, traced, node.branches.map((branch) => walkGraph(context, branch, prefix, key, started)), true);
      break;
    case "group":
      describeContainer(context, place, traced, [walkGraph(context, node.body, prefix, key, started)], false);
      break;
    case "monitor":
      describeContainer(context, place, traced, [walkGraph(context, node.body, prefix, key, started)], false);
      describeTimer(context, place, traced === "waiting" ? traced : undefined, `${key}:interval`, "monitor_interval", false);
      break;
    default:
      if (traced) settle(context, place, traced);
  }
  const choices = context.records.choices.get(key);
  if (choices) place.choices = choices.map((choice) => withExpression(choice, node));
  finish(context, place);
  return place;
}

function describeActivity(context: Context, place: PlaceProgress, traced: NodeStatus | undefined, maxAttempts: number) {
  const record = context.records.activities.get(place.key);
  if (!record || !traced) return;
  context.reached.add(place.key);
  place.attempts = record.attempts;
  place.maxAttempts = maxAttempts;
  place.input = record.input;
  if (record.output !== undefined) place.output = record.output;
  const first = record.attempts[0]!;
  const last = record.attempts.at(-1)!;
  place.scheduledAt = first.queuedAt;
  const startedAt = record.attempts.find((attempt) => attempt.startedAt)?.startedAt;
  if (startedAt) place.startedAt = startedAt;
  const lastError = record.attempts.findLast((attempt) => attempt.error)?.error;
  if (lastError || last.attempt > 1) {
    place.retry = {
      attempt: last.attempt,
      ...(last.dueAt && !last.startedAt ? { nextRetryAt: last.dueAt } : {}),
      ...(lastError ? { lastError } : {}),
    };
  }
  place.state = traced;
  if (traced === "completed" || traced === "failed") {
    if (last.endedAt) place.endedAt = last.endedAt;
    if (traced === "failed" && lastError) place.error = { ...lastError, node: place.node, attempts: last.attempt };
  }
}

function describeTimer(context: Context, place: PlaceProgress, traced: NodeStatus | undefined, timerId: string, purpose: TimerPurpose, ownsTimes = true) {
  const timer = context.records.timers.get(timerId);
  if (timer) place.timers.push({ id: timerId, ...timer });
  if (!traced || !timer) return;
  context.reached.add(place.key);
  if (ownsTimes) {
    place.scheduledAt = timer.createdAt;
    place.startedAt = timer.createdAt;
    if (timer.firedAt && traced === "completed") place.endedAt = timer.firedAt;
  }
  place.state = traced;
  if (traced === "waiting") place.waiting = { timer: purpose, since: timer.createdAt, until: timer.fireAt };
}

function describeWait(context: Context, place: PlaceProgress, traced: NodeStatus | undefined) {
  const wait = context.records.waits.get(place.key);
  const timeoutId = timeoutTimerOf(place.key);
  const timeout = context.records.timers.get(timeoutId);
  if (timeout) place.timers.push({ id: timeoutId, ...timeout });
  if (!traced) return;
  // A wait that takes an event raised before it began completes without a wait_started of its own.
  if (!wait) {
    if (traced === "completed" || traced === "failed") settle(context, place, traced);
    return;
  }
  context.reached.add(place.key);
  place.wait = wait;
  place.scheduledAt = wait.startedAt;
  place.startedAt = wait.startedAt;
  place.input = { event: wait.event, ...(wait.approval ? { approval: wait.approval as unknown as Json } : {}) };
  if (wait.payload !== undefined) place.output = wait.payload;
  const ended = wait.consumedAt ?? timeout?.firedAt;
  if (ended && (traced === "completed" || traced === "failed")) place.endedAt = ended;
  place.state = traced;
  if (traced === "waiting") {
    place.waiting = { event: wait.event, since: wait.startedAt, ...(wait.timeoutAt ? { until: wait.timeoutAt } : {}), ...(wait.approval ? { approval: wait.approval } : {}) };
  }
}

/** A container's state and times come from its contents, until the interpreter settles it. */
function describeContainer(context: Context, place: PlaceProgress, traced: NodeStatus | undefined, outcomes: GraphOutcome[], fanOut: boolean) {
  const inside = outcomes.flatMap((outcome) => outcome.all);
  if (fanOut) {
    const byState: Partial<Record<StepState, number>> = {};
    for (const outcome of outcomes) byState[outcome.state] = (byState[outcome.state] ?? 0) + 1;
    place.fanOut = { total: outcomes.length, byState };
  }
  const reached = inside.some((other) => context.reached.has(other.key));
  if (reached || traced) context.reached.add(place.key);
  const scheduled = earliest(inside.map((other) => other.scheduledAt));
  const started = earliest(inside.map((other) => other.startedAt));
  if (scheduled) place.scheduledAt = scheduled;
  if (started) place.startedAt = started;
  if (traced === "completed" || traced === "failed") {
    place.state = traced;
    const ended = latest(inside.map((other) => other.endedAt));
    if (ended) place.endedAt = ended;
    if (traced === "failed") {
      const error = inside.find((other) => other.state === "failed" && other.error)?.error;
      if (error) place.error = error;
    }
  } else if (reached) {
    place.state = "running";
  }
}

function withExpression(choice: RecordedChoice, node: Node): PlaceChoice {
  const expression = expressionOf(choice, node);
  return expression === undefined ? choice : { ...choice, expression };
}

/** The expression that made a choice: a decision's chosen `when`, a map's `items`, a monitor's `until`. */
function expressionOf(choice: RecordedChoice, node: Node): string | undefined {
  switch (choice.of) {
    case "branch":
      return node.type === "decision" && choice.choice !== null ? node.choices[choice.choice]?.when : undefined;
    case "items":
      return node.type === "map" ? node.items : undefined;
    case "output":
      return node.type === "end" ? node.output : undefined;
    case "state":
      return node.type === "monitor" ? node.state : undefined;
    case "check":
      return node.type === "monitor" ? (node.until ?? node.nextState) : undefined;
  }
}

/** Decisions, ends and fails record nothing of their own: the interpreter's word is all there is. */
function settle(context: Context, place: PlaceProgress, traced: NodeStatus) {
  context.reached.add(place.key);
  place.state = traced;
  if (traced === "failed" && context.records.failure?.node === place.node) place.error = context.records.failure;
}

/** Once the generation has ended, nothing is pending or under way any more. */
function finish(context: Context, place: PlaceProgress) {
  const ending = context.records.ending;
  if (!context.reached.has(place.key)) {
    place.state = ending ? "skipped" : "pending";
    return;
  }
  if (!ending || !ACTIVE.has(place.state)) return;
  // A monitor whose interval fired continued as new: its check is done, the next generation goes on.
  if (ending === "continued_as_new" && place.kind === "monitor") place.state = "completed";
  else place.state = place.state === "pending" ? "skipped" : "cancelled";
}

/** Top-level steps that ran in an earlier generation: the resume point carries their outputs. */
function markEarlierGenerations(context: Context) {
  const steps = context.facts.resume?.steps ?? {};
  for (const place of context.places) {
    if (place.parent !== null || !Object.hasOwn(steps, place.key) || context.reached.has(place.key)) continue;
    place.state = "completed";
    place.earlierGeneration = true;
    place.output = steps[place.key]!;
  }
}

function nodesOf(places: PlaceProgress[], definition: Definition): Map<string, NodeProgress> {
  const byNode = new Map<string, PlaceProgress[]>();
  for (const place of places) {
    if (!byNode.has(place.node)) byNode.set(place.node, []);
    byNode.get(place.node)!.push(place);
  }
  const nodes = new Map<string, NodeProgress>();
  for (const [id, group] of byNode) nodes.set(id, aggregate(id, group));
  // Nodes in a map never entered have no place; they are as far as their map.
  for (const { id, kind, within } of nodeKindsOf(definition)) {
    if (nodes.has(id)) continue;
    const state = within ? nodes.get(within)?.state : undefined;
    nodes.set(id, { node: id, kind, state: state === "skipped" || state === "cancelled" || state === "failed" ? "skipped" : "pending", counts: {}, places: [], attempts: 0 });
  }
  return nodes;
}

function aggregate(id: string, places: PlaceProgress[]): NodeProgress {
  const counts: Partial<Record<StepState, number>> = {};
  for (const place of places) counts[place.state] = (counts[place.state] ?? 0) + 1;
  const only = places.length === 1 ? places[0] : undefined;
  const waiting = places.find((place) => place.waiting)?.waiting;
  const retry = places.find((place) => place.state === "retrying" && place.retry)?.retry ?? only?.retry;
  const error = places.find((place) => place.error)?.error;
  const fanOuts = places.flatMap((place) => (place.fanOut ? [place.fanOut] : []));
  const scheduledAt = earliest(places.map((place) => place.scheduledAt));
  const startedAt = earliest(places.map((place) => place.startedAt));
  const endedAt = places.every((place) => place.endedAt) ? latest(places.map((place) => place.endedAt)) : undefined;
  return {
    node: id,
    kind: places[0]!.kind,
    state: stateOf(counts),
    counts,
    places: places.map((place) => place.key),
    ...(fanOuts.length > 0 ? { fanOut: sumFanOuts(fanOuts) } : {}),
    ...(scheduledAt ? { scheduledAt } : {}),
    ...(startedAt ? { startedAt } : {}),
    ...(endedAt ? { endedAt } : {}),
    attempts: Math.max(0, ...places.map((place) => place.attempts.at(-1)?.attempt ?? 0)),
    ...(waiting ? { waiting } : {}),
    ...(retry ? { retry } : {}),
    ...(only?.input !== undefined ? { input: only.input } : {}),
    ...(only?.output !== undefined ? { output: only.output } : {}),
    ...(error ? { error } : {}),
  };
}

/** One state for many places: trouble first, then work under way, then how far it got. */
function stateOf(counts: Partial<Record<StepState, number>>): StepState {
  for (const state of ["failed", "cancelled", "retrying", "running", "waiting"] as const) if (counts[state]) return state;
  if (counts.completed && counts.pending) return "running";
  if (counts.completed) return "completed";
  if (counts.pending) return "pending";
  return "skipped";
}

function sumFanOuts(fanOuts: FanOutCounts[]): FanOutCounts {
  const byState: Partial<Record<StepState, number>> = {};
  for (const fanOut of fanOuts) for (const [state, n] of Object.entries(fanOut.byState)) byState[state as StepState] = (byState[state as StepState] ?? 0) + n;
  return { total: fanOuts.reduce((sum, fanOut) => sum + fanOut.total, 0), byState };
}

/** Every node id with its kind and, for nodes in a map body, the map's id. */
function nodeKindsOf(definition: Definition): Array<{ id: string; kind: NodeKind; within: string | null }> {
  const found: Array<{ id: string; kind: NodeKind; within: string | null }> = [];
  const visit = (graph: Pick<Graph, "nodes">, within: string | null) => {
    for (const [id, node] of Object.entries(graph.nodes)) {
      found.push({ id, kind: node.type, within });
      if (node.type === "map") visit(node.body, id);
      if (node.type === "group" || node.type === "monitor") visit(node.body, within);
      if (node.type === "parallel") for (const branch of node.branches) visit(branch, within);
    }
  };
  visit(definition, null);
  return found;
}

/** The map iterations the interpreter entered: "a[1].b[2].c" shows iteration 1 of "a" and 2 of "a[1].b". */
function iterationsOf(keys: Iterable<string>): Map<string, number[]> {
  const found = new Map<string, Set<number>>();
  for (const key of keys) {
    for (const match of key.matchAll(/\[(\d+)\]\./g)) {
      const map = key.slice(0, match.index);
      if (!found.has(map)) found.set(map, new Set());
      found.get(map)!.add(Number(match[1]));
    }
  }
  return new Map([...found].map(([map, indices]) => [map, [...indices].sort((a, b) => a - b)]));
}

function withoutConcurrencyLimits(definition: Definition): Definition {
  return { ...definition, nodes: unlimitedNodes(definition.nodes) };
}

function unlimitedNodes(nodes: Graph["nodes"]): Graph["nodes"] {
  const copy: Graph["nodes"] = {};
  for (const [id, node] of Object.entries(nodes)) {
    if (node.type === "map") {
      const { maxConcurrency: _limit, ...rest } = node;
      copy[id] = { ...rest, body: { ...node.body, nodes: unlimitedNodes(node.body.nodes) } };
    } else if (node.type === "group" || node.type === "monitor") {
      copy[id] = { ...node, body: { ...node.body, nodes: unlimitedNodes(node.body.nodes) } };
    } else if (node.type === "parallel") {
      copy[id] = { ...node, branches: node.branches.map((branch) => ({ ...branch, nodes: unlimitedNodes(branch.nodes) })) };
    } else {
      copy[id] = node;
    }
  }
  return copy;
}

function earliest(times: Array<string | undefined>): string | undefined {
  return times.reduce<string | undefined>((min, time) => (time && (!min || time < min) ? time : min), undefined);
}

function latest(times: Array<string | undefined>): string | undefined {
  return times.reduce<string | undefined>((max, time) => (time && (!max || time > max) ? time : max), undefined);
}
