/**
 * Immutable updates of nested graphs: each rebuilds only the path from the changed graph up to
 * the definition, so untouched nodes and graphs stay the same objects.
 */
import type { Definition, Graph, Node } from "../schema.ts";
import { graphKeyOf, locateNode, parseGraphKey, TOP_LEVEL, type GraphKey } from "./graph-key.ts";

/** The node with each nested graph passed through `change` (branch index, or null for a body); the same node when none changes. */
export function mapNestedGraphs(node: Node, change: (graph: Graph, branch: number | null) => Graph): Node {
  switch (node.type) {
    case "parallel": {
      const branches = node.branches.map((graph, i) => change(graph, i));
      return branches.every((graph, i) => graph === node.branches[i]) ? node : { ...node, branches };
    }
    case "map":
    case "group":
    case "monitor": {
      const body = change(node.body, null);
      return body === node.body ? node : { ...node, body };
    }
    default:
      return node;
  }
}

/** The definition with the graph at `key` replaced by `change(graph)`; null when there is no such graph. */
export function updateGraph(definition: Definition, key: GraphKey, change: (graph: Graph) => Graph): Definition | null {
  if (key === TOP_LEVEL) {
    const graph = change({ start: definition.start, nodes: definition.nodes });
    if (graph.start === definition.start && graph.nodes === definition.nodes) return definition;
    return { ...definition, start: graph.start, nodes: graph.nodes };
  }
  const parsed = parseGraphKey(key);
  if (!parsed) return null;
  const owner = locateNode(definition, parsed.owner);
  if (!owner) return null;
  let found = false;
  const updated = mapNestedGraphs(owner.node, (graph, branch) => {
    if (branch !== parsed.branch) return graph;
    found = true;
    return change(graph);
  });
  if (!found) return null;
  return updateNodeAt(definition, parsed.owner, () => updated);
}

/** The definition with one node replaced by `change(node)`, in place; null when there is no such node. */
export function updateNodeAt(definition: Definition, id: string, change: (node: Node) => Node): Definition | null {
  const located = locateNode(definition, id);
  if (!located) return null;
  const node = change(located.node);
  if (node === located.node) return definition;
  return updateGraph(definition, located.graph, (graph) => ({ ...graph, nodes: { ...graph.nodes, [id]: node } }));
}

/**
 * Every graph passed through `change`, the top level first, then the graphs nested in the nodes
 * `change` returned. Untouched graphs stay the same objects.
 */
export function mapGraphs(definition: Definition, change: (graph: Graph, key: GraphKey) => Graph): Definition {
  const visit = (graph: Graph, key: GraphKey): Graph => {
    const changed = change(graph, key);
    let touched = false;
    const entries = Object.entries(changed.nodes).map(([id, node]): [string, Node] => {
      const mapped = mapNestedGraphs(node, (nested, branch) => visit(nested, graphKeyOf(id, branch)));
      if (mapped !== node) touched = true;
      return [id, mapped];
    });
    return touched ? { ...changed, nodes: Object.fromEntries(entries) } : changed;
  };
  const top = visit({ start: definition.start, nodes: definition.nodes }, TOP_LEVEL);
  if (top.start === definition.start && top.nodes === definition.nodes) return definition;
  return { ...definition, start: top.start, nodes: top.nodes };
}
