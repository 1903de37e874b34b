/**
 * What of its context an expression can reach, found in its syntax tree, so that an evaluation
 * elsewhere (a sandbox process, a web worker) is sent only that: `$string(item.id)` inside a
 * fan-out needs `item`, not the megabytes of every earlier step's output, which would otherwise
 * be copied for every evaluation. An over-approximation: any name the expression mentions anywhere
 * keeps the context's entry of that name, and whatever cannot be told (the context item `$` or
 * `$$`, `$eval`, a wildcard or descendant step, the parent operator) keeps everything.
 */
import { syntaxTreeNodes } from "@flowcraft/definition";
import { boundedCache } from "./bounded-cache.ts";
import { parseExpression } from "./expression-parse.ts";

interface Reach {
  everything: boolean;
  /** Every name the expression mentions, in any position. */
  names: Set<string>;
  /** Whether `steps` is read as a whole (`$keys(steps)`, `steps.*`, `steps[0]`), not only `steps.<id>`. */
  allSteps: boolean;
}

const EVERYTHING: Reach = { everything: true, names: new Set(), allSteps: true };

interface AstNode {
  type?: string;
  value?: unknown;
  steps?: AstNode[];
  procedure?: AstNode;
}

const reachOf = boundedCache(5_000, (expression): Reach => {
  try {
    return walk(parseExpression(expression).ast() as AstNode);
  } catch {
    return EVERYTHING;
  }
});

function walk(ast: AstNode): Reach {
  const names = new Set<string>();
  let allSteps = false;
  for (const next of syntaxTreeNodes(ast)) {
    const node = next as AstNode;
    switch (node.type) {
      case "variable":
        if (node.value === "" || node.value === "$") return EVERYTHING;
        break;
      case "descendant":
      case "parent":
        return EVERYTHING;
      case "function":
      case "partial":
        if (node.procedure?.type === "variable" && node.procedure.value === "eval") return EVERYTHING;
        break;
      case "name":
        names.add(node.value as string);
        break;
      case "path": {
        const steps = node.steps ?? [];
        if (steps[0]?.type === "wildcard") return EVERYTHING;
        steps.forEach((step, i) => {
          const following = steps[i + 1];
          const wholeSteps = step.type === "name" && step.value === "steps" && (!following || following.type !== "name" || "stages" in step || "predicate" in step);
          if (wholeSteps) allSteps = true;
        });
        break;
      }
    }
  }
  return { everything: false, names, allSteps };
}

/**
 * The part of `context` the expression can reach, with the same values; entries whose value is
 * undefined are left out, as a copy through JSON would, so that every evaluator sees the same.
 */
export function contextFor(expression: string, context: Record<string, unknown>): Record<string, unknown> {
  const reach = reachOf(expression);
  const reached: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(context)) {
    if (value === undefined || (!reach.everything && !reach.names.has(key))) continue;
    reached[key] = key === "steps" && !reach.allSteps && value !== null && typeof value === "object" ? pick(value as Record<string, unknown>, reach.names) : value;
  }
  return reached;
}

function pick(steps: Record<string, unknown>, names: Set<string>): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const [id, output] of Object.entries(steps)) if (names.has(id) && output !== undefined) picked[id] = output;
  return picked;
}
