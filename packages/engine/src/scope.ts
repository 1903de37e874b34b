/** What expressions see: the workflow input, earlier step outputs, and loop or error variables. */
import type { WorkflowError } from "./history.ts";
import type { Json } from "./json.ts";

export interface Scope {
  input: Json;
  /** Outputs of the steps that completed in this graph and the graphs around it, by node id. */
  steps: Record<string, Json>;
  /** The current entry and its position, inside a map body. */
  item?: Json;
  index?: number;
  /** Loop state and 1-based check number, inside a monitor body. */
  state?: Json;
  iteration?: number;
  /** The error being handled, on an error path. */
  error?: WorkflowError;
}

/**
 * A scope for a nested graph: it sees the outer steps, and its own steps stay inside it. Its
 * keys come in the order `{ ...scope, ...extra }` gives them, but it starts as a literal: Node
 * 20's V8 gives a spread copy that gains a key a hidden class of its own, some 1.5 µs each time,
 * and a map makes a scope per item on every decision.
 */
export function childScope(scope: Scope, extra?: Partial<Omit<Scope, "steps" | "input">>): Scope {
  const child: Scope = { input: scope.input, steps: scope.steps };
  Object.assign(child, scope, extra);
  child.steps = { ...scope.steps };
  return child;
}

/** The document an expression is evaluated over. */
export function contextOf(scope: Scope): Record<string, unknown> {
  return scope as unknown as Record<string, unknown>;
}
