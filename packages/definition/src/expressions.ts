/** JSONata expressions inside a definition: where they are, and whether they parse. */
import jsonata from "jsonata";
import { linearRegexProblem } from "./linear-regex.ts";
import type { Node } from "./schema.ts";

/**
 * Functions that give another answer on every call. The engine re-evaluates expressions when it
 * replays history, so they would make a replay take another path than the original run.
 */
export const NON_DETERMINISTIC_FUNCTIONS = ["$now", "$millis", "$random"] as const;

/** One expression of a node, with the field that holds it. */
export interface NodeExpression {
  field: string;
  expression: string;
}

/** The JSONata expressions a node holds (duration fields only when they are not plain numbers). */
export function expressionsOf(node: Node): NodeExpression[] {
  const found: NodeExpression[] = [];
  const add = (field: string, value: unknown) => {
    if (typeof value === "string") found.push({ field, expression: value });
  };
  add("customStatus", node.customStatus);
  switch (node.type) {
    case "activity":
      add("input", node.input);
      break;
    case "map":
      add("items", node.items);
      break;
    case "wait":
      add("timeout", node.timeout);
      add("approval.summary", node.approval?.summary);
      break;
    case "timer":
      add("duration", node.duration);
      break;
    case "decision":
      node.choices.forEach((choice, i) => add(`choices.${i}.when`, choice.when));
      break;
    case "monitor":
      add("state", node.state);
      add("nextState", node.nextState);
      add("until", node.until);
      add("interval", node.interval);
      break;
    case "end":
      add("output", node.output);
      break;
    case "fail":
      add("message", node.message);
      break;
  }
  return found;
}

/** Why an expression cannot be used, or null when it can. */
export function checkExpression(expression: string): string | null {
  let parsed: jsonata.Expression;
  try {
    parsed = jsonata(expression);
  } catch (error) {
    const e = error as { message?: string; position?: number };
    const where = typeof e.position === "number" ? ` at character ${e.position}` : "";
    return `invalid JSONata${where}: ${e.message ?? String(error)}`;
  }
  for (const name of NON_DETERMINISTIC_FUNCTIONS) {
    if (new RegExp(`\\${name}\\s*\\(`).test(expression)) {
      return `${name}() is not allowed here: a workflow expression must give the same result every time history is replayed; capture the value with an activity (e.g. transform) instead`;
    }
  }
  for (const node of syntaxTreeNodes(parsed.ast())) {
    const problem = node instanceof RegExp ? linearRegexProblem(node) : null;
    if (problem) return problem;
  }
  return null;
}

/**
 * Every object of a parsed expression's syntax tree (nodes, their lists, regex literals), each
 * once, however deeply nested: walked without recursion, and the parser links some nodes to
 * others (a parent step's slot), so a node could otherwise be met twice.
 */
export function* syntaxTreeNodes(ast: unknown): Generator<object> {
  const seen = new Set<unknown>();
  const pending: unknown[] = [ast];
  while (pending.length > 0) {
    const next = pending.pop();
    if (next === null || typeof next !== "object" || seen.has(next)) continue;
    seen.add(next);
    yield next;
    if (!(next instanceof RegExp)) for (const value of Object.values(next)) pending.push(value);
  }
}
