/**
 * Paths of plain names (`item`, `input.orderId`, `steps.fetch.body`), looked up without JSONata.
 * They are most expressions of real workflows, and a fan-out evaluates one per step it schedules,
 * where a JSONata evaluation allocates a thousand times what the lookup does. Only where JSONata
 * plainly yields the same value: each step an own property of a plain object, and an end value
 * that is not an array (JSONata's sequences may flatten or unwrap those). Anything else (a
 * missing name, an array on the way, filters, `[]`) is left to JSONata.
 */
import { boundedCache } from "./bounded-cache.ts";
import { parseExpression } from "./expression-parse.ts";

interface AstStep {
  type?: string;
  value?: unknown;
}

/** The names of a path of plain name steps, or null for any other expression. */
const namesOf = boundedCache(5_000, (expression): string[] | null => {
  let ast: { type?: string; steps?: AstStep[] } & Record<string, unknown>;
  try {
    ast = parseExpression(expression).ast() as typeof ast;
  } catch {
    return null;
  }
  if (ast.type !== "path" || Object.keys(ast).some((key) => !["type", "steps", "position"].includes(key))) return null;
  const steps = ast.steps ?? [];
  const plain = steps.every((step) => step.type === "name" && typeof step.value === "string" && Object.keys(step).every((key) => ["type", "value", "position"].includes(key)));
  return plain && steps.length > 0 ? steps.map((step) => step.value as string) : null;
});

/** The value a plain name path finds in `context`, or undefined when JSONata is to answer. */
export function lookupPath(expression: string, context: Record<string, unknown>): { value: unknown } | undefined {
  const names = namesOf(expression);
  if (!names) return undefined;
  let value: unknown = context;
  for (const name of names) {
    if (value === null || typeof value !== "object" || Array.isArray(value) || !Object.hasOwn(value, name)) return undefined;
    value = (value as Record<string, unknown>)[name];
  }
  return value === undefined || Array.isArray(value) ? undefined : { value };
}
