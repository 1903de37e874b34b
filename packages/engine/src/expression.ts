/** Evaluating JSONata expressions deterministically, within budgets, with compiled expressions cached. */
import { NON_DETERMINISTIC_FUNCTIONS } from "@flowcraft/definition";
import { boundedCache } from "./bounded-cache.ts";
import { budgetExceededIn, enforceBudget, EXPRESSION_SEQUENCE_BUDGET, isSequenceOverrun } from "./expression-budget.ts";
import { guardFunctions } from "./expression-functions.ts";
import { parseExpression } from "./expression-parse.ts";
import { lookupPath } from "./expression-path.ts";
import { inJsonbKeyOrder, MAX_STORED_VALUE_BYTES, unstorableIn, type Json } from "./json.ts";
import { jsonFitsIn, utf8Length } from "./json-size.ts";

/** Thrown when an expression cannot be evaluated; the interpreter turns it into a step failure. */
export class ExpressionError extends Error {
  override name = "ExpressionError";
}

/**
 * Thrown when an evaluation goes over a limit it may not reach on another run: its running time,
 * or the memory of the process evaluating it. Not an ExpressionError to the interpreter, which
 * fails the instance instead of the step (see interpret()); recorded under the same name.
 */
export class ExpressionLimitError extends Error {
  override name = "ExpressionError";
  /** The node whose expression it was, set by the first node that sees the error. */
  node?: string;
}

/** Evaluates an expression over a context document; the engine is given one (see interpret()). */
export type Evaluator = (expression: string, context: Record<string, unknown>) => Promise<Json>;

/** Expressions kept compiled: far more than a worker's definitions hold, and a few megabytes. */
const COMPILED_CACHE_LIMIT = 5_000;

const compile = boundedCache(COMPILED_CACHE_LIMIT, (expression) => {
  const compiled = parseExpression(expression);
  enforceBudget(compiled);
  guardFunctions(compiled);
  for (const name of NON_DETERMINISTIC_FUNCTIONS) {
    compiled.registerFunction(name.slice(1), () => {
      throw new ExpressionError(`${name}() is not allowed in workflow expressions`);
    });
  }
  return compiled;
});

/**
 * Evaluates an expression in this process, within the expression budget; `undefined` (no match)
 * becomes null. What the budget counts replays the same way; what it cannot bound (memory, a
 * slow built-in) is the runtime's sandbox's to bound, from outside (see the runtime's sandbox).
 */
export const evaluate: Evaluator = async (expression, context) => {
  const found = lookupPath(expression, context);
  if (found) return toJson(expression, found.value);
  let result: unknown;
  try {
    result = await compile(expression).evaluate(context);
  } catch (error) {
    const budget = budgetExceededIn(error);
    if (budget?.budget === "time") throw new ExpressionLimitError(`${expression}: ${budget.message}`);
    if (budget) throw new ExpressionError(`${expression}: ${budget.message}`);
    if (isSequenceOverrun(error)) throw new ExpressionError(`${expression}: exceeded the size budget of ${EXPRESSION_SEQUENCE_BUDGET} items in one array`);
    const e = error as { message?: string; code?: string };
    throw new ExpressionError(`${expression}: ${e.message ?? String(error)}${e.code ? ` (${e.code})` : ""}`);
  }
  return toJson(expression, result);
};

/**
 * JSONata results can carry sequences and functions; keep plain JSON only, of a size history can
 * store, in its canonical key order (see inJsonbKeyOrder).
 */
function toJson(expression: string, value: unknown): Json {
  if (value === undefined) return null;
  if (typeof value === "function") throw new ExpressionError(`${expression}: yields a function, not a value`);
  const tooLarge = () => new ExpressionError(`${expression}: yields a value over the ${MAX_STORED_VALUE_BYTES} bytes a value in history may take`);
  if (!jsonFitsIn(value, MAX_STORED_VALUE_BYTES)) throw tooLarge();
  const text = JSON.stringify(value);
  if (utf8Length(text) > MAX_STORED_VALUE_BYTES) throw tooLarge();
  const unstorable = unstorableIn(text);
  if (unstorable) throw new ExpressionError(`${expression}: yields ${unstorable}`);
  return inJsonbKeyOrder(JSON.parse(text) as Json);
}
