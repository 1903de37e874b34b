/**
 * Evaluating expressions away from the caller (the runtime's sandbox processes, the browser's web
 * worker): the one rule of what runs where, and the messages both sides exchange, so that an
 * expression yields the same, and fails the same way, wherever it runs.
 */
import { contextFor } from "./expression-reach.ts";
import { isPlainLookup } from "./expression-shape.ts";
import { evaluate, ExpressionError, ExpressionLimitError, type Evaluator } from "./expression.ts";
import type { Json } from "./json.ts";

export interface EvaluationRequest {
  id: number;
  expression: string;
  context: Record<string, unknown>;
}

export type EvaluationReply =
  | { id: number; value: Json }
  /** `limit`: the engine's own time budget, which fails the instance rather than the step. */
  | { id: number; error: { message: string; limit: boolean } };

/**
 * An evaluator that runs plain lookups here, since they can neither loop nor build more than
 * their data, and hands every other expression to `elsewhere`. Both ways see only the context the
 * expression can reach, with undefined entries dropped, so where it runs never changes what it yields.
 */
export function evaluatorWith(elsewhere: Evaluator): Evaluator {
  return (expression, context) => {
    const reached = contextFor(expression, context);
    return isPlainLookup(expression) ? evaluate(expression, reached) : elsewhere(expression, reached);
  };
}

/** Evaluates a request where it arrived, and answers it. */
export async function answer({ id, expression, context }: EvaluationRequest): Promise<EvaluationReply> {
  try {
    return { id, value: await evaluate(expression, context) };
  } catch (error) {
    return { id, error: { message: error instanceof Error ? error.message : String(error), limit: error instanceof ExpressionLimitError } };
  }
}

/** The value an answer carries, or the error its evaluation threw, as the engine knows it. */
export function valueOf(reply: EvaluationReply): Json {
  if ("value" in reply) return reply.value;
  throw reply.error.limit ? new ExpressionLimitError(reply.error.message) : new ExpressionError(reply.error.message);
}
