/** JSONata expressions inside a definition: where they are, and whether they parse. */
import jsonata from "jsonata";
import { linearRegexProblem } from "./linear-regex.ts";
import type { Node } from "./schema.ts";

/**
 * JSONata's built-ins that give another answer on every call. The engine re-evaluates expressions
 * when it replays history, so they would make a replay take another path than the original run;
 * the engine also makes them fail, for calls validation cannot see (inside `$eval`).
 */
export const NON_DETERMINISTIC_FUNCTIONS = ["$now", "$millis", "$random", "$shuffle"] as const;

/**
 * JSONata's built-ins that answer the same for the same arguments on every run: the only ones a
 * workflow expression may use, besides the functions it defines itself. An allow-list, so that a
 * built-in a later JSONata adds stays refused until someone has checked it.
 */
const DETERMINISTIC_FUNCTIONS: ReadonlySet<string> = new Set(
  [
    ...["sum", "count", "max", "min", "average", "number", "floor", "ceil", "round", "abs", "sqrt", "power", "formatNumber", "formatBase", "formatInteger", "parseInteger"],
    ...["string", "substring", "substringBefore", "substringAfter", "lowercase", "uppercase", "length", "trim", "pad", "match", "contains", "replace", "split", "join"],
    ...["base64encode", "base64decode", "encodeUrlComponent", "encodeUrl", "decodeUrlComponent", "decodeUrl"],
    ...["boolean", "not", "exists", "type", "error", "assert", "eval"],
    ...["map", "zip", "filter", "single", "reduce", "sift", "keys", "lookup", "append", "spread", "merge", "reverse", "each", "sort", "distinct", "clone"],
    ...["toMillis", "fromMillis"],
  ].map((name) => `$${name}`),
);

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
    case "subworkflow":
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
  const nodes = [...syntaxTreeNodes(parsed.ast())];
  const own = namesBoundIn(nodes);
  for (const node of nodes) {
    const problem = node instanceof RegExp ? linearRegexProblem(node) : functionProblem(node as SyntaxNode, own);
    if (problem) return problem;
  }
  return null;
}

interface SyntaxNode {
  type?: string;
  value?: unknown;
  lhs?: SyntaxNode;
  arguments?: SyntaxNode[];
  index?: string;
  focus?: string;
}

/** Names the expression binds itself: `$x := …`, lambda parameters, `#$i` and `@$v` path variables. */
function namesBoundIn(nodes: object[]): Set<string> {
  const bound = new Set<string>();
  for (const node of nodes as SyntaxNode[]) {
    if (node.type === "bind" && node.lhs?.type === "variable") bound.add(`$${node.lhs.value as string}`);
    if (node.type === "lambda") for (const argument of node.arguments ?? []) bound.add(`$${argument.value as string}`);
    if (typeof node.index === "string") bound.add(`$${node.index}`);
    if (typeof node.focus === "string") bound.add(`$${node.focus}`);
  }
  return bound;
}

/** Why a variable the expression reads (a function called or passed on) may not be used, or null. */
function functionProblem(node: SyntaxNode, own: Set<string>): string | null {
  // `$` and `$$` are the context, not functions.
  if (node.type !== "variable" || node.value === "" || node.value === "$") return null;
  const name = `$${node.value as string}`;
  if (own.has(name) || DETERMINISTIC_FUNCTIONS.has(name)) return null;
  if ((NON_DETERMINISTIC_FUNCTIONS as readonly string[]).includes(name)) {
    return `${name}() is not allowed here: a workflow expression must give the same result every time history is replayed; capture the value with an activity (e.g. transform) instead`;
  }
  return `${name} is not a function a workflow expression may use: only JSONata's deterministic built-ins and functions the expression defines itself are`;
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
