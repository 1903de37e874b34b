/** Walking a definition: nested graphs, a node's outgoing edges, and its child graphs. */
import type { Definition, Graph, Node } from "./schema.ts";

/** One outgoing edge of a node: the field that holds it and the node it points at. */
export interface Edge {
  field: string;
  target: string;
}

/** The edges that leave a node inside its own graph. */
export function edgesOf(node: Node): Edge[] {
  const edges: Edge[] = [];
  if ("next" in node && node.next) edges.push({ field: "next", target: node.next });
  if ("onError" in node && node.onError) edges.push({ field: "onError.next", target: node.onError.next });
  if (node.type === "wait" && node.onTimeout) edges.push({ field: "onTimeout", target: node.onTimeout });
  if (node.type === "decision") {
    node.choices.forEach((choice, i) => edges.push({ field: `choices.${i}.next`, target: choice.next }));
    if (node.default) edges.push({ field: "default", target: node.default });
  }
  return edges;
}

/** A graph nested in a node, with the field path that holds it. */
export interface ChildGraph {
  field: string;
  graph: Graph;
}

export function childGraphsOf(node: Node): ChildGraph[] {
  switch (node.type) {
    case "parallel":
      return node.branches.map((graph, i) => ({ field: `branches.${i}`, graph }));
    case "map":
    case "group":
    case "monitor":
      return [{ field: "body", graph: node.body }];
    default:
      return [];
  }
}

/** A graph found in a definition, with the id of the node that holds it (null at top level). */
export interface LocatedGraph {
  graph: Graph;
  /** JSON path of the graph, e.g. "" or "nodes.fanout.body". */
  path: string;
  parentNodeId: string | null;
}

/**
 * Every graph of the definition, the top level first, parents before children (depth first, in
 * node order). Iterative: a draft may nest far deeper than the stack would allow one frame per level.
 */
export function allGraphs(definition: Pick<Definition, "start" | "nodes">): LocatedGraph[] {
  const found: LocatedGraph[] = [];
  const pending: LocatedGraph[] = [{ graph: definition, path: "", parentNodeId: null }];
  for (let located = pending.pop(); located; located = pending.pop()) {
    found.push(located);
    const children: LocatedGraph[] = [];
    for (const [id, node] of Object.entries(located.graph.nodes)) {
      for (const child of childGraphsOf(node)) {
        children.push({ graph: child.graph, path: `${located.path ? `${located.path}.` : ""}nodes.${id}.${child.field}`, parentNodeId: id });
      }
    }
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]!);
  }
  return found;
}
