/**
 * Which expressions are plain lookups: paths into the data, literals, array and object
 * constructors, arithmetic, comparison, logic, string joining with `&` and conditions, with no
 * function call, lambda, regex, filter, sort, grouping, binding or transform. Such an expression
 * visits its data once per place it names it: its running time and what it builds are bounded by
 * its own length times the size of its data, which history already caps. It can neither loop nor
 * allocate without bound, so the runtime evaluates it in the deciding process; every other
 * expression goes to the sandbox. Most expressions of real workflows are of this kind
 * (`input.orderId`, `steps.fetch.body.items`, `item`).
 */
import { boundedCache } from "./bounded-cache.ts";
import { parseExpression } from "./expression-parse.ts";

const PLAIN_OPERATORS = new Set(["+", "-", "*", "/", "%", "=", "!=", "<", "<=", ">", ">=", "and", "or", "&", "in"]);
/** A range between two number literals this close is small by construction: `[1..20]`. */
const PLAIN_RANGE_ITEMS = 10_000;
/** Path-step options that run more than a lookup (filters, sorting, grouping, positional and parent variables). */
const HEAVY_STEP_KEYS = ["predicate", "group", "focus", "index", "tuple", "ancestor", "seekingParent"];

interface AstNode {
  type: string;
  value?: unknown;
  steps?: AstNode[];
  stages?: Array<{ type: string; expr: AstNode }>;
  lhs?: AstNode | Array<[AstNode, AstNode]>;
  rhs?: AstNode;
  expression?: AstNode;
  expressions?: AstNode[];
  condition?: AstNode;
  then?: AstNode;
  else?: AstNode;
}

/** Whether the expression is a plain lookup (see above); an expression that does not parse is not. */
export const isPlainLookup = boundedCache(5_000, (expression) => {
  try {
    return isPlain(parseExpression(expression).ast() as AstNode, 0);
  } catch {
    return false;
  }
});

/** Deeper than this, an expression is sent to the sandbox rather than walked further. */
const MAX_WALK_DEPTH = 100;

function isPlain(node: AstNode | undefined, depth: number): boolean {
  if (!node || depth > MAX_WALK_DEPTH) return false;
  if (HEAVY_STEP_KEYS.some((key) => key in node)) return false;
  if (node.stages && !node.stages.every((stage) => stage.type === "filter" && stage.expr.type === "number")) return false;
  const plain = (child: AstNode | undefined) => isPlain(child, depth + 1);
  switch (node.type) {
    case "string":
    case "number":
    case "value":
    case "name":
    case "variable":
    case "wildcard":
      return true;
    case "path": {
      // Each later step runs once per item of the step before: only a name or a wildcard keeps
      // that a lookup. A constructor or a range there multiplies (`[0..9999].[0..9999]`).
      const [first, ...rest] = node.steps!;
      return plain(first) && rest.every((step) => (step.type === "name" || step.type === "wildcard") && plain(step));
    }
    case "binary": {
      const lhs = node.lhs as AstNode;
      if (node.value === "..") return isSmallRange(lhs, node.rhs!);
      return PLAIN_OPERATORS.has(node.value as string) && plain(lhs) && plain(node.rhs);
    }
    case "unary":
      if (node.value === "-") return plain(node.expression);
      if (node.value === "[") return node.expressions!.every(plain);
      if (node.value === "{") return (node.lhs as Array<[AstNode, AstNode]>).every(([key, value]) => plain(key) && plain(value));
      return false;
    case "block":
      return node.expressions!.every(plain);
    case "condition":
      return plain(node.condition) && plain(node.then) && (node.else === undefined || plain(node.else));
    default:
      return false;
  }
}

function isSmallRange(from: AstNode, to: AstNode): boolean {
  return from.type === "number" && to.type === "number" && (to.value as number) - (from.value as number) < PLAIN_RANGE_ITEMS;
}
