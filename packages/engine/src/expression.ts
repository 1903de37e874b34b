/** Evaluating JSONata expressions deterministically, with compiled expressions cached. */
import jsonata from "jsonata";
import { NON_DETERMINISTIC_FUNCTIONS } from "@flowcraft/definition";
import { budgetExceededIn, enforceBudget } from "./expression-budget.ts";
import type { Json } from "./json.ts";

/** Thrown when an expression cannot be evaluated; the interpreter turns it into a step failure. */
export class ExpressionError extends Error {
  override name = "ExpressionError";
}

/**
 * Thrown when an evaluation runs out of time. Not an ExpressionError: how long an evaluation
 * takes differs between runs, so the interpreter fails the instance instead of the step.
 */
export class ExpressionTimeoutError extends Error {
  override name = "ExpressionTimeout";
  /** The node whose expression it was, set by the first node that sees the error. */
  node?: string;
}

const compiled = new Map<string, jsonata.Expression>();
const COMPILED_CACHE_LIMIT = 5_000;

function compile(expression: string): jsonata.Expression {
  let found = compiled.get(expression);
  if (!found) {
    found = jsonata(expression);
    enforceBudget(found);
    for (const name of NON_DETERMINISTIC_FUNCTIONS) {
      found.registerFunction(name.slice(1), () => {
        throw new ExpressionError(`${name}() is not allowed in workflow expressions`);
      });
    }
    if (compiled.size >= COMPILED_CACHE_LIMIT) compiled.clear();
    compiled.set(expression, found);
  }
  return found;
}

/**
 * Evaluates an expression over a context document, within the expression budget; `undefined` (no
 * match) becomes null.
 */
export async function evaluate(expression: string, context: Record<string, unknown>): Promise<Json> {
  let result: unknown;
  try {
    result = await compile(expression).evaluate(context);
  } catch (error) {
    const budget = budgetExceededIn(error);
    if (budget?.budget === "time") throw new ExpressionTimeoutError(`${expression}: ${budget.message}`);
    if (budget) throw new ExpressionError(`${expression}: ${budget.message}`);
    const e = error as { message?: string; code?: string };
    throw new ExpressionError(`${expression}: ${e.message ?? String(error)}${e.code ? ` (${e.code})` : ""}`);
  }
  return toJson(result);
}

/** JSONata results can carry sequences and functions; keep plain JSON only. */
function toJson(value: unknown): Json {
  if (value === undefined) return null;
  if (typeof value === "function") throw new ExpressionError("expression yields a function, not a value");
  const text = JSON.stringify(value);
  if (text.includes("\\u0000")) throw new ExpressionError("expression yields a string with a NUL character (\\u0000), which cannot be stored");
  return JSON.parse(text) as Json;
}
