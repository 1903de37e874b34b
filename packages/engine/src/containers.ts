/** Interpreting the nodes that hold graphs: parallel, map, group and monitor. */
import type { GroupNode, MapNode, MonitorNode, ParallelNode } from "@flowcraft/definition";
import { ExpressionError } from "./expression.ts";
import { PENDING, recordChoice, recordedChoice, rollback, runGraph, type Outcome, type Run } from "./interpreter.ts";
import type { Choice } from "./history.ts";
import { inJsonbKeyOrder, type Json } from "./json.ts";
import { childScope, contextOf, type Scope } from "./scope.ts";
import { noneSettled, settle, type SettledIterations } from "./settled-iterations.ts";
import { isTruthy, secondsOf } from "./steps.ts";

/**
 * Of the branches that failed, the one whose failure came first in history (the lowest branch on
 * a tie): the same branch on every replay, however late the others fail.
 */
function firstError(errors: Array<Extract<Outcome, { kind: "error" }>>): Outcome {
  return errors.reduce((first, error) => (error.at < first.at ? error : first));
}

export async function runParallel(run: Run, node: ParallelNode, scope: Scope, prefix: string, at: number): Promise<Outcome> {
  const mark = run.commands.length;
  const outputs: Json[] = [];
  const errors: Array<Extract<Outcome, { kind: "error" }>> = [];
  let pending = false;
  let doneAt = at;
  for (const branch of node.branches) {
    const outcome = await runGraph(run, branch, childScope(scope), prefix, branch.start, at);
    if (outcome.kind === "error") errors.push(outcome);
    else if (outcome.kind === "pending") pending = true;
    else {
      outputs.push(outcome.output);
      doneAt = Math.max(doneAt, outcome.at);
    }
  }
  if (errors.length > 0) {
    rollback(run, mark);
    return firstError(errors);
  }
  return pending ? PENDING : { kind: "done", output: outputs, at: doneAt };
}

export async function runMap(run: Run, id: string, node: MapNode, scope: Scope, prefix: string, at: number): Promise<Outcome> {
  const key = prefix + id;
  const { items } = recordedChoice(run, key, "items") ?? recordChoice(run, key, id, { of: "items", items: await listItems(node, scope, run) });
  const memo = settledIterationsOf(run, key, items.length);
  const limit = node.maxConcurrency ?? Number.POSITIVE_INFINITY;
  const mark = run.commands.length;
  /** Iterations done in this pass on the strength of its own commands: not settled by history yet. */
  const doneNow = new Map<number, Json>();
  const errors: Array<Extract<Outcome, { kind: "error" }>> = [];
  let active = 0;
  let pending = false;
  let doneAt = Math.max(at, memo.at);
  for (let index = 0; index < items.length; index++) {
    if (memo.settled[index]) continue;
    const iterationPrefix = `${key}[${index}].`;
    // Iterations start in index order, never more than maxConcurrency at once.
    if (!run.facts.touchedPrefixes.has(iterationPrefix) && active >= limit) {
      pending = true;
      continue;
    }
    const before = run.commands.length;
    const outcome = await runGraph(run, node.body, childScope(scope, { item: items[index]!, index }), iterationPrefix, node.body.start, at);
    if (outcome.kind === "error") {
      errors.push(outcome);
    } else if (outcome.kind === "pending") {
      active++;
      pending = true;
    } else {
      if (run.commands.length === before) settle(memo, index, outcome.output, outcome.at);
      else doneNow.set(index, outcome.output);
      doneAt = Math.max(doneAt, outcome.at);
    }
  }
  if (errors.length > 0) {
    rollback(run, mark);
    return firstError(errors);
  }
  if (pending) return PENDING;
  return { kind: "done", output: memo.outputs.map((output, index) => doneNow.get(index) ?? output), at: doneAt };
}

/** The map's iterations already known to be done: kept in the run, which keeps them between decisions if asked to. */
function settledIterationsOf(run: Run, key: string, length: number): SettledIterations {
  let memo = run.settled.get(key);
  if (!memo || memo.settled.length !== length) {
    memo = noneSettled(length);
    run.settled.set(key, memo);
  }
  return memo;
}

/** The items a map iterates over: listed once, when the map is first reached, then recorded. */
async function listItems(node: MapNode, scope: Scope, run: Run): Promise<Json[]> {
  const listed = await run.evaluate(node.items, contextOf(scope));
  if (listed !== null && !Array.isArray(listed)) {
    throw new ExpressionError(`items must yield a list, got ${JSON.stringify(listed).slice(0, 200)}`);
  }
  return listed ?? [];
}

export function runGroup(run: Run, node: GroupNode, scope: Scope, prefix: string, at: number): Promise<Outcome> {
  return runGraph(run, node.body, childScope(scope), prefix, node.body.start, at);
}

/**
 * A monitor runs its body once per generation. After the body it computes the next loop state and
 * the stop condition; unless it stops, it sleeps `interval` and continues as new, so each check
 * starts from a fresh, short history.
 */
export async function runMonitor(run: Run, id: string, node: MonitorNode, scope: Scope, prefix: string, at: number): Promise<Outcome> {
  const key = prefix + id;
  const resume = run.facts.resume?.node === id ? run.facts.resume : undefined;
  const state = resume ? resume.state : await initialState(run, key, id, node, scope);
  const iteration = resume?.iteration ?? 1;
  const bodyScope = childScope(scope, { state, iteration });
  const outcome = await runGraph(run, node.body, bodyScope, prefix, node.body.start, at);
  if (outcome.kind !== "done") return outcome;
  const { nextState, stop } = recordedChoice(run, key, "check") ?? recordChoice(run, key, id, await check(run, node, bodyScope, iteration));
  if (stop) return { kind: "done", output: nextState, at: outcome.at };
  const after = { ...bodyScope, state: nextState };
  const timerId = `${key}:interval`;
  const timer = run.facts.timers.get(timerId);
  if (!timer) {
    const delaySeconds = await secondsOf(run, node.interval, after, "interval");
    run.commands.push({ type: "start_timer", timerId, node: id, purpose: "monitor_interval", delaySeconds });
  } else if (timer.firedSeq !== undefined) {
    // The next generation reads the steps back from storage: give the map of them, made here,
    // storage's key order now. The state, like every value an expression yields, has it already.
    run.commands.push({
      type: "continue_as_new",
      input: run.facts.input,
      resume: {
        node: id,
        state: nextState,
        iteration: iteration + 1,
        steps: inJsonbKeyOrder(scope.steps) as Record<string, Json>,
      },
    });
  }
  run.trace.set(key, { node: id, status: "waiting" });
  return PENDING;
}

/** The loop state of the first check: evaluated once, then recorded. */
async function initialState(run: Run, key: string, id: string, node: MonitorNode, scope: Scope): Promise<Json> {
  if (!node.state) return null;
  const recorded = recordedChoice(run, key, "state");
  if (recorded) return recorded.state;
  return recordChoice(run, key, id, { of: "state", state: await run.evaluate(node.state, contextOf(scope)) }).state;
}

/** After a check's body: the next loop state, and whether the monitor stops there. */
async function check(run: Run, node: MonitorNode, bodyScope: Scope, iteration: number): Promise<Extract<Choice, { of: "check" }>> {
  const nextState = node.nextState ? await run.evaluate(node.nextState, contextOf(bodyScope)) : (bodyScope.state ?? null);
  const after = { ...bodyScope, state: nextState };
  const stop =
    (node.maxIterations !== undefined && iteration >= node.maxIterations) ||
    (node.until !== undefined && isTruthy(await run.evaluate(node.until, contextOf(after))));
  return { of: "check", iteration, nextState, stop };
}
