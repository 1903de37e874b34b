/**
 * The interpreter: walks the definition against what history says has happened, and finds the
 * commands that history does not record yet. It is re-run from the start on every decision, so
 * everything it reads must come from the definition and the history alone.
 */
import type { Definition, Graph, Node } from "@flowcraft/definition";
import type { Command } from "./commands.ts";
import { evaluate as evaluateHere, ExpressionError, ExpressionLimitError, type Evaluator } from "./expression.ts";
import { choiceKey, type Facts } from "./facts.ts";
import type { Choice, ChoiceKind, WorkflowError } from "./history.ts";
import type { Json } from "./json.ts";
import { runActivity, runDecision, runEnd, runFail, runTimer, runWait } from "./steps.ts";
import { runGroup, runMap, runMonitor, runParallel } from "./containers.ts";
import { runSubworkflow } from "./subworkflow-step.ts";
import { contextOf, type Scope } from "./scope.ts";
import type { SettledIterations } from "./settled-iterations.ts";

/** State of one node in one place of the execution (a map iteration has its own). */
export type NodeStatus = "running" | "waiting" | "retrying" | "completed" | "failed";

export interface NodeTrace {
  node: string;
  status: NodeStatus;
}

/**
 * The result of running a node or graph as far as history allows. `at` is the sequence number of
 * the history event that settled it: when several branches fail, the one that failed first in
 * history wins, on every replay.
 */
export type Outcome =
  | { kind: "done"; output: Json; at: number; /** Overrides the node's own `next`; null ends the graph. */ next?: string | null }
  | { kind: "pending" }
  | { kind: "error"; error: WorkflowError; at: number };

export const PENDING: Outcome = { kind: "pending" };

/** One interpretation pass. */
export interface Run {
  definition: Definition;
  facts: Facts;
  commands: Command[];
  /** Raised events claimed by a wait during this pass (by sequence number). */
  claimed: Set<number>;
  trace: Map<string, NodeTrace>;
  evaluate: Evaluator;
  /** Map iterations settled by history, kept between decisions when the caller keeps them. */
  settled: Map<string, SettledIterations>;
}

export interface Interpretation {
  commands: Command[];
  trace: Map<string, NodeTrace>;
}

/**
 * Runs the definition as far as the facts allow and returns the commands not yet recorded.
 * Expressions go to `evaluate`: in this process by default; the runtime passes its sandbox.
 * `settled` carries map iterations that earlier interpretations of the same history found done:
 * they are not walked again (and so leave nothing in the trace).
 */
export async function interpret(
  definition: Definition,
  facts: Facts,
  evaluate: Evaluator = evaluateHere,
  settled = new Map<string, SettledIterations>(),
): Promise<Interpretation> {
  const run: Run = { definition, facts, commands: [], claimed: new Set(), trace: new Map(), evaluate, settled };
  if (!facts.started || facts.ended) return run;
  const resume = facts.resume;
  const scope: Scope = { input: facts.input, steps: { ...resume?.steps } };
  let outcome: Outcome;
  try {
    outcome = await runGraph(run, definition, scope, "", resume?.node ?? definition.start, facts.started.seq);
  } catch (error) {
    if (!(error instanceof ExpressionLimitError)) throw error;
    // The interpreter re-evaluates expressions on every decision, and an evaluation that ran out
    // of time or memory once may finish within them on the next (or the other way round). Taking
    // the node's error path would record commands that a later replay might not reproduce, so the
    // instance fails here instead: execution_failed is recorded once, and an ended instance is
    // never interpreted again. Depth, step and size overruns are counted, replay the same way,
    // and stay ordinary step failures.
    run.commands.length = 0;
    const message = `${error.message}; a limit of time or memory fails the instance, not only the step, since a replay might not reach it`;
    outcome = { kind: "error", error: { name: error.name, message, ...(error.node ? { node: error.node } : {}) }, at: facts.started.seq };
  }
  if (outcome.kind === "done") run.commands.push({ type: "complete", output: outcome.output });
  if (outcome.kind === "error") run.commands.push({ type: "fail", error: outcome.error });
  return run;
}

/** Runs a graph from `from`, entered at history position `at`; done gives its last node's output. */
export async function runGraph(run: Run, graph: Graph, scope: Scope, prefix: string, from: string, at: number): Promise<Outcome> {
  let id = from;
  let previous: Json = null;
  let previousAt = at;
  const limit = Object.keys(graph.nodes).length;
  for (let visited = 0; visited <= limit; visited++) {
    const node = Object.hasOwn(graph.nodes, id) ? graph.nodes[id] : undefined;
    if (!node) return fail("DefinitionError", `there is no node "${id}"`, id, previousAt);
    const key = prefix + id;
    let outcome = await runNodeSafely(run, id, node, scope, prefix, previous, previousAt);
    if (outcome.kind === "pending") return outcome;
    if (outcome.kind === "done" && node.customStatus && !run.facts.customStatusKeys.has(key)) {
      // A custom status that cannot be computed fails the node, so its error path applies.
      const value = await evaluateOrError(run, node.customStatus, { ...scope, steps: { ...scope.steps, [id]: outcome.output } }, id, outcome.at);
      if (value.kind === "error") outcome = value;
      else run.commands.push({ type: "set_custom_status", key, node: id, value: value.output });
    }
    if (outcome.kind === "error") {
      run.trace.set(key, { node: id, status: "failed" });
      const handler = "onError" in node ? node.onError : undefined;
      if (!handler || (handler.errors && !handler.errors.includes(outcome.error.name))) return outcome;
      scope = { ...scope, error: outcome.error };
      previous = null;
      previousAt = outcome.at;
      id = handler.next;
      continue;
    }
    scope.steps[id] = outcome.output;
    run.trace.set(key, { node: id, status: "completed" });
    const next = outcome.next === undefined ? ("next" in node ? node.next : undefined) : outcome.next;
    if (!next) return { kind: "done", output: outcome.output, at: outcome.at };
    previous = outcome.output;
    previousAt = outcome.at;
    id = next;
  }
  return fail("DefinitionError", "the graph loops", id, previousAt);
}

async function runNodeSafely(run: Run, id: string, node: Node, scope: Scope, prefix: string, previous: Json, at: number): Promise<Outcome> {
  try {
    return await runNode(run, id, node, scope, prefix, previous, at);
  } catch (error) {
    if (error instanceof ExpressionError) return fail("ExpressionError", error.message, id, at);
    if (error instanceof ExpressionLimitError) error.node ??= id;
    throw error;
  }
}

function runNode(run: Run, id: string, node: Node, scope: Scope, prefix: string, previous: Json, at: number): Promise<Outcome> {
  switch (node.type) {
    case "activity":
      return runActivity(run, id, node, scope, prefix);
    case "subworkflow":
      return runSubworkflow(run, id, node, scope, prefix);
    case "timer":
      return runTimer(run, id, node, scope, prefix, previous);
    case "wait":
      return runWait(run, id, node, scope, prefix, at);
    case "decision":
      return runDecision(run, id, node, scope, prefix, previous, at);
    case "end":
      return runEnd(run, id, node, scope, prefix, previous, at);
    case "fail":
      return runFail(run, id, node, scope, at);
    case "parallel":
      return runParallel(run, node, scope, prefix, at);
    case "map":
      return runMap(run, id, node, scope, prefix, at);
    case "group":
      return runGroup(run, node, scope, prefix, at);
    case "monitor":
      return runMonitor(run, id, node, scope, prefix, at);
  }
}

export function fail(name: string, message: string, node: string, at: number): Extract<Outcome, { kind: "error" }> {
  return { kind: "error", error: { name, message, node }, at };
}

async function evaluateOrError(run: Run, expression: string, scope: Scope, node: string, at: number): Promise<Exclude<Outcome, { kind: "pending" }>> {
  try {
    return { kind: "done", output: await run.evaluate(expression, contextOf(scope)), at };
  } catch (error) {
    if (error instanceof ExpressionLimitError) error.node ??= node;
    // Only the expression's own failure is the step's; the evaluator's (a sandbox that would not
    // start) must fail the decision, or history would record a failure no replay would repeat.
    if (!(error instanceof ExpressionError)) throw error;
    return fail("ExpressionError", error.message, node, at);
  }
}

/** The choice of this kind made at `key` in an earlier turn or pass, if any. */
export function recordedChoice<K extends ChoiceKind>(run: Run, key: string, of: K): Extract<Choice, { of: K }> | undefined {
  return run.facts.choices.get(choiceKey(key, of)) as Extract<Choice, { of: K }> | undefined;
}

/** Records a choice just made, so that no later turn evaluates it again; returns it. */
export function recordChoice<C extends Choice>(run: Run, key: string, node: string, choice: C): C {
  run.commands.push({ type: "record_choice", key, node, ...choice });
  return choice;
}

/** Drops the commands a failed container's branches emitted in this pass: they will never be needed. */
export function rollback(run: Run, mark: number) {
  run.commands.length = mark;
  run.claimed = new Set(run.commands.flatMap((c) => (c.type === "consume_event" ? [c.raisedSeq] : [])));
}
