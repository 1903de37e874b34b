/** The benchmarked workflows: each is all orchestration, since its only activity does nothing. */

/** The activity every step runs. */
export const NOOP = "noop";

export interface Scenario {
  /** Published under this workflow name too. */
  name: string;
  definition: object;
  /** Activity steps one instance completes. */
  stepsPerInstance: number;
  /** Instances in flight at once; null: all of them, started together. */
  window: number | null;
  /** Runs exactly this many instances, whatever N says, and no warm-up: one instance that is the whole load. */
  instances?: number;
  /** Also report how long its generations take, early and late (a monitor that continues as new). */
  generations?: boolean;
  /** Workflows it runs as sub-workflows, by name: published before it. */
  subworkflows?: Record<string, object>;
}

const CHAIN_LENGTH = 10;
const FAN_OUT = 20;

/**
 * Chains run 50 at a time, as a sliding window: a new instance starts whenever one completes, so
 * the load stays even to the end instead of draining and refilling as waves would. A chain is
 * latency-bound (each step waits for the one before it), so this measures the round trip of a
 * step through the whole pipeline: decide, queue the task, run it, report, decide again.
 */
const CHAIN_WINDOW = 50;

/** activity a1 -> a2 -> ... -> a10, each with `input` if given; the last output is the instance's output. */
function chain(length: number, input?: string): object {
  const nodes: Record<string, object> = {};
  for (let i = 1; i <= length; i++) {
    nodes[`a${i}`] = { type: "activity", activity: NOOP, ...(input ? { input } : {}), ...(i < length ? { next: `a${i + 1}` } : {}) };
  }
  return { version: 1, start: "a1", nodes };
}

/**
 * An input with a function call: the runtime evaluates it in a sandbox process, where plain
 * lookups (`input.x`) run in the deciding process. chain10expr against chain10 is what that
 * isolation costs a step.
 */
const SANDBOXED_INPUT = "$count($keys(steps))";

/**
 * A map over [1..n] whose body is one activity: the whole fan-out is decided in one turn, and the
 * results come back in batches, so this measures throughput rather than latency.
 */
function fanOut(width: number, activity = NOOP, maxConcurrency?: number): object {
  return {
    version: 1,
    start: "fan",
    nodes: {
      fan: {
        type: "map",
        items: `[1..${width}]`,
        ...(maxConcurrency ? { maxConcurrency } : {}),
        body: { start: "work", nodes: { work: { type: "activity", activity, input: "item" } } },
      },
    },
  };
}

/** How many iterations of a big map run at once, as Step Functions' inline map would cap them. */
const BIG_MAP_CONCURRENCY = 500;

/**
 * One instance mapping over [1..items] with the built-in transform as its body: how the cost of
 * a step grows with the size of the instance it belongs to. A map of 100,000 must run at the
 * steps/s of one of 10,000.
 */
const bigMap = (items: number) => fanOut(items, "transform", BIG_MAP_CONCURRENCY);

/** Checks of the long-lived monitor: each one a generation of its own. */
const MONITOR_CHECKS = 10_000;

/**
 * A monitor that checks with one activity and continues as new, with no pause between checks:
 * a generation late in its life must take as long as one early on, however many came before.
 */
function longMonitor(checks: number): object {
  return {
    version: 1,
    start: "watch",
    nodes: {
      watch: {
        type: "monitor",
        state: "0",
        body: { start: "check", nodes: { check: { type: "activity", activity: NOOP, input: "state" } } },
        nextState: "state + 1",
        maxIterations: checks,
        interval: 0,
      },
    },
  };
}

const SUBFLOW_CHILDREN = 100;
const SUBFLOW_CHILD_STEPS = 5;

/**
 * One parent mapping over [1..100], each iteration a child instance running a chain of 5: what
 * a sub-workflow costs next to the steps it runs (starting the child, its own turns, and
 * reporting its end to the parent).
 */
function subflows(children: number, child: string): object {
  return {
    version: 1,
    start: "fan",
    nodes: {
      fan: {
        type: "map",
        items: `[1..${children}]`,
        body: { start: "call", nodes: { call: { type: "subworkflow", workflow: child, input: "item" } } },
      },
    },
  };
}

export const SCENARIOS = {
  chain10: { name: "chain10", definition: chain(CHAIN_LENGTH), stepsPerInstance: CHAIN_LENGTH, window: CHAIN_WINDOW },
  fanout20: { name: "fanout20", definition: fanOut(FAN_OUT), stepsPerInstance: FAN_OUT, window: null },
  chain10expr: { name: "chain10expr", definition: chain(CHAIN_LENGTH, SANDBOXED_INPUT), stepsPerInstance: CHAIN_LENGTH, window: CHAIN_WINDOW },
  map10000: { name: "map10000", definition: bigMap(10_000), stepsPerInstance: 10_000, window: null, instances: 1 },
  map100000: { name: "map100000", definition: bigMap(100_000), stepsPerInstance: 100_000, window: null, instances: 1 },
  "monitor-long": { name: "monitor-long", definition: longMonitor(MONITOR_CHECKS), stepsPerInstance: MONITOR_CHECKS, window: null, instances: 1, generations: true },
  subflow100: {
    name: "subflow100",
    definition: subflows(SUBFLOW_CHILDREN, "subflow100-child"),
    subworkflows: { "subflow100-child": chain(SUBFLOW_CHILD_STEPS) },
    stepsPerInstance: SUBFLOW_CHILDREN * SUBFLOW_CHILD_STEPS,
    window: null,
    instances: 1,
  },
} satisfies Record<string, Scenario>;

export type ScenarioName = keyof typeof SCENARIOS;
