/**
 * A definition that failed its schema, coerced into the shape the graph checks walk. A missing
 * activity name must not hide that the node after it is unreachable: the checks run on this
 * view, and their findings at places the schema already rejected are dropped. It recurses once
 * per nested graph: validation refuses input nested deeper than MAX_NESTING_DEPTH before this.
 */
import type { Graph, Node } from "./schema.ts";
import type { Problem } from "./problems.ts";

type Raw = Record<string, unknown>;

const isObject = (value: unknown): value is Raw => typeof value === "object" && value !== null && !Array.isArray(value);

/** The graph at the root of the input, with every node the walkers can read; null when there is none. */
export function salvageDefinition(input: unknown): Graph | null {
  return isObject(input) ? salvageGraph(input) : null;
}

function salvageGraph(raw: unknown): Graph {
  const graph = isObject(raw) ? raw : {};
  // Built from entries, so that every id stays a key of its own (assigning "__proto__" would not).
  const entries = isObject(graph.nodes) ? Object.entries(graph.nodes).map(([id, node]): [string, Node] => [id, salvageNode(node)]) : [];
  return { start: typeof graph.start === "string" ? graph.start : "", nodes: Object.fromEntries(entries) };
}

/** Keeps what the walkers read only where it has the right shape; the rest is the schema's to report. */
function salvageNode(raw: unknown): Node {
  const node: Raw = isObject(raw) ? { ...raw } : {};
  for (const field of ["next", "onTimeout", "default"]) {
    if (typeof node[field] !== "string") delete node[field];
  }
  if (!isObject(node.onError) || typeof node.onError.next !== "string") delete node.onError;
  switch (node.type) {
    case "decision":
      node.choices = (Array.isArray(node.choices) ? node.choices : []).map((choice) => {
        const { when, next } = isObject(choice) ? choice : {};
        return { when: typeof when === "string" ? when : undefined, next: typeof next === "string" ? next : "" };
      });
      break;
    case "parallel":
      node.branches = (Array.isArray(node.branches) ? node.branches : []).map(salvageGraph);
      break;
    case "map":
    case "group":
    case "monitor":
      node.body = salvageGraph(node.body);
      break;
  }
  return node as unknown as Node;
}

/** Drops problems at or under a place the schema already reported: one message per place. */
export function withoutReported(problems: Problem[], reportedPaths: string[]): Problem[] {
  const reported = new Set(reportedPaths);
  // Looks up the problem's place and each place above it: linear in the problems, however many were reported.
  const covered = (path: string) => {
    for (let place = path; ; place = place.slice(0, place.lastIndexOf("."))) {
      if (reported.has(place)) return true;
      if (!place.includes(".")) return false;
    }
  };
  return problems.filter((problem) => !covered(problem.path));
}
