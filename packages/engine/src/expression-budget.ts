/**
 * The budget every expression evaluation runs within, enforced through JSONata's own evaluation
 * hooks (`__evaluate_entry` before each step of the evaluation, `__evaluate_exit` after it).
 *
 * Depth, steps and sizes are counted, so whether an expression stays within them depends only on
 * the expression and its data: a replay of the history gets the same answer, and an overrun is an
 * ordinary step failure. Time is a backstop for what the counts do not see (a built-in function
 * working on a lot of data between two steps, a machine under load); since elapsed time differs
 * from one run to the next, the interpreter treats a time overrun differently (see interpret()).
 * None of this is what keeps a worker safe from an expression: the runtime evaluates expressions
 * in sandbox processes with a memory limit and a deadline enforced from outside. The counts make
 * the common runaways fail the same way on every replay, and cheaply.
 */
import type jsonata from "jsonata";

/** Nested evaluations (about three per level of a recursive function): deep enough for real data, far from the JS stack limit. */
export const EXPRESSION_DEPTH_BUDGET = 500;
/**
 * Evaluation steps: a loop over about 25,000 items, and about 0.1 s of work, so that a runaway
 * meets this budget, which replays, long before the time budget, which does not, even on a busy
 * machine (a quarter of a million steps already took over a second on two loaded cores).
 */
export const EXPRESSION_STEP_BUDGET = 100_000;
/** Running time of one evaluation, not counting the pauses below. */
export const EXPRESSION_TIME_BUDGET_MS = 1_000;
/**
 * Steps between pauses that let the worker's other work (other instances, activities, requests)
 * run. Counted rather than timed, so that the interleaving inside one evaluation (JSONata
 * evaluates array and object constructors concurrently) is the same on every replay.
 */
const PAUSE_EVERY_STEPS = 10_000;

/**
 * Longest string an evaluation may build, in UTF-16 code units: far above any value history
 * stores (those are capped at 1 MiB), far below what strains the evaluating process's memory.
 */
export const EXPRESSION_STRING_BUDGET = 5_000_000;
/** Most items of an array or sequence an evaluation may build: a range, a map, an append. */
export const EXPRESSION_SEQUENCE_BUDGET = 1_000_000;

export type Budget = "depth" | "steps" | "time" | "string" | "sequence";

/** Thrown from the hook when an evaluation goes over one of its budgets. */
export class BudgetExceeded extends Error {
  override name = "BudgetExceeded";
  constructor(readonly budget: Budget) {
    super(describeBudget(budget));
  }
}

function describeBudget(budget: Budget): string {
  switch (budget) {
    case "depth":
      return `exceeded the depth budget of ${EXPRESSION_DEPTH_BUDGET} nested evaluations (a recursion that never ends?)`;
    case "steps":
      return `exceeded the step budget of ${EXPRESSION_STEP_BUDGET} evaluation steps (a loop that never ends, or over too much data?)`;
    case "time":
      return `exceeded the time budget of ${EXPRESSION_TIME_BUDGET_MS} ms`;
    case "string":
      return `exceeded the size budget of ${EXPRESSION_STRING_BUDGET} characters in one string`;
    case "sequence":
      return `exceeded the size budget of ${EXPRESSION_SEQUENCE_BUDGET} items in one array`;
  }
}

/** What one evaluation has spent so far. */
interface Spent {
  steps: number;
  /** Running time before the current slice (between two pauses). */
  ranMs: number;
  sliceStartedAt: number;
  exceeded?: BudgetExceeded;
}

/** The parts of JSONata's evaluation frame the hook reads: `base` is the frame of one `evaluate` call. */
interface Frame {
  base: { depth: number };
}

/**
 * Keyed by the frame of each `evaluate` call, so that concurrent evaluations of one compiled
 * expression (two instances deciding at once) keep separate accounts.
 */
const spending = new WeakMap<object, Spent>();

const EVALUATE_ENTRY = Symbol.for("jsonata.__evaluate_entry");
const EVALUATE_EXIT = Symbol.for("jsonata.__evaluate_exit");

/** Makes every evaluation of this compiled expression run within the budget. */
export function enforceBudget(expression: jsonata.Expression) {
  // JSONata looks its hooks up by symbol; its typings only know string names.
  expression.assign(EVALUATE_ENTRY as unknown as string, onEntry);
  expression.assign(EVALUATE_EXIT as unknown as string, onExit);
}

function onEntry(_node: unknown, _input: unknown, frame: Frame): Promise<void> | undefined {
  const now = performance.now();
  let spent = spending.get(frame.base);
  if (!spent) {
    spent = { steps: 0, ranMs: 0, sliceStartedAt: now };
    spending.set(frame.base, spent);
  }
  // Once over, every later step fails too, even where JSONata wraps the first error ($eval).
  if (spent.exceeded) throw spent.exceeded;
  spent.steps++;
  if (frame.base.depth > EXPRESSION_DEPTH_BUDGET) throw exceed(spent, "depth");
  if (spent.steps > EXPRESSION_STEP_BUDGET) throw exceed(spent, "steps");
  if (spent.ranMs + (now - spent.sliceStartedAt) > EXPRESSION_TIME_BUDGET_MS) throw exceed(spent, "time");
  if (spent.steps % PAUSE_EVERY_STEPS !== 0) return undefined;
  spent.ranMs += now - spent.sliceStartedAt;
  const resumed = spent;
  return new Promise<void>((resolve) =>
    setTimeout(() => {
      resumed.sliceStartedAt = performance.now();
      resolve();
    }, 0),
  );
}

/**
 * Checks each step's result: a string or array over its budget fails the evaluation at the step
 * that built it, before a loop doubles it again. Built-ins that could build a huge value in one
 * call check their arguments first (see expression-functions.ts).
 */
function onExit(_node: unknown, _input: unknown, frame: Frame, result: unknown): undefined {
  if (typeof result === "string" ? result.length <= EXPRESSION_STRING_BUDGET : !Array.isArray(result) || result.length <= EXPRESSION_SEQUENCE_BUDGET) return undefined;
  const spent = spending.get(frame.base) ?? { steps: 0, ranMs: 0, sliceStartedAt: 0 };
  throw exceed(spent, typeof result === "string" ? "string" : "sequence");
}

function exceed(spent: Spent, budget: Budget): BudgetExceeded {
  spent.exceeded = new BudgetExceeded(budget);
  return spent.exceeded;
}

/**
 * JSONata's own errors for a sequence over the length its options allow (D2015, the sequence
 * budget given to it) or over its own cap (D2014).
 */
export function isSequenceOverrun(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "D2014" || code === "D2015";
}

/** The budget error behind a JSONata error, which may wrap it (`$eval` does). */
export function budgetExceededIn(error: unknown): BudgetExceeded | undefined {
  for (let cause = error; cause && typeof cause === "object"; cause = (cause as { error?: unknown }).error) {
    if (cause instanceof BudgetExceeded) return cause;
  }
  return undefined;
}
