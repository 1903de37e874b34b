/**
 * Immutable updates of nested graphs: each rebuilds only the path from the changed graph up to
 * the definition, so untouched nodes and graphs stay the same objects.
 */
import type { Definition, Graph, Node } from "../schema.ts";
import { graphKeyOf, indexDefinition, nestedGraphsOf, parseGraphKey, TOP_LEVEL, type DefinitionIndex, type GraphKey } from "./graph-key.ts";

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
  const index = indexDefinition(definition);
  const graphs = graphsByKey(index);
  const graph = graphs.get(key);
  return graph ? replaceGraph(definition, index, graphs, key, change(graph)) : null;
}

/** The definition with one node replaced by `change(node)`, in place; null when there is no such node. */
export function updateNodeAt(definition: Definition, id: string, change: (node: Node) => Node): Definition | null {
  const index = indexDefinition(definition);
  const located = index.nodes.get(id);
  if (!located) return null;
  const node = change(located.node);
  if (node === located.node) return definition;
  const graphs = graphsByKey(index);
  const graph = graphs.get(located.graph)!;
  return replaceGraph(definition, index, graphs, located.graph, { ...graph, nodes: { ...graph.nodes, [id]: node } });
}

/**
 * Puts `replacement` where the graph at `key` was, rebuilding each node and graph that holds it
 * up to the top level, one level per turn of a loop (a draft may nest deeper than recursion could go).
 */
function replaceGraph(
  definition: Definition,
  index: DefinitionIndex,
  graphs: ReadonlyMap<GraphKey, Graph>,
  key: GraphKey,
  replacement: Graph,
): Definition | null {
  if (replacement === graphs.get(key)) return definition;
  let graph = replacement;
  for (let at = key; at !== TOP_LEVEL; ) {
    const parsed = parseGraphKey(at);
    const owner = parsed && index.nodes.get(parsed.owner);
    if (!parsed || !owner) return null;
    let found = false;
    const node = mapNestedGraphs(owner.node, (nested, branch) => {
      if (branch !== parsed.branch) return nested;
      found = true;
      return graph;
    });
    if (!found) return null;
    const holder = graphs.get(owner.graph)!;
    graph = { ...holder, nodes: { ...holder.nodes, [parsed.owner]: node } };
    at = owner.graph;
  }
  if (graph.start === definition.start && graph.nodes === definition.nodes) return definition;
  return { ...definition, start: graph.start, nodes: graph.nodes };
}

/** The index's graphs by key; where a malformed draft gives two graphs one key (an id with a "#"), the first met. */
function graphsByKey(index: DefinitionIndex): Map<GraphKey, Graph> {
  const graphs = new Map<GraphKey, Graph>();
  for (const { key, graph } of index.graphs) if (!graphs.has(key)) graphs.set(key, graph);
  return graphs;
}

/**
 * Every graph passed through `change`, the top level first, then the graphs nested in the nodes
 * `change` returned. Untouched graphs stay the same objects.
 */
export function mapGraphs(definition: Definition, change: (graph: Graph, key: GraphKey) => Graph): Definition {
  const top = mapGraphTree({ start: definition.start, nodes: definition.nodes }, change);
  if (top.start === definition.start && top.nodes === definition.nodes) return definition;
  return { ...definition, start: top.start, nodes: top.nodes };
}

/**
 * `root` (keyed as the top level) and every graph nested in it passed through `change`, parents
 * first: the graphs nested in a graph are those of the nodes `change` returned. Untouched graphs
 * stay the same objects. Keeps its own stack, since a draft may nest deeper than recursion could go.
 */
export function mapGraphTree(root: Graph, change: (graph: Graph, key: GraphKey) => Graph): Graph {
  /** A changed graph, the finished graphs nested in its nodes, and where it goes once finished itself. */
  interface Visit {
    key: GraphKey;
    changed: Graph;
    finished: Map<GraphKey, Graph>;
    into: Map<GraphKey, Graph> | null;
  }
  const visits: Visit[] = [];
  const pending: Array<{ key: GraphKey; graph: Graph; into: Visit["into"] }> = [{ key: TOP_LEVEL, graph: root, into: null }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const visit: Visit = { key: next.key, changed: change(next.graph, next.key), finished: new Map(), into: next.into };
    visits.push(visit);
    for (const [id, node] of Object.entries(visit.changed.nodes)) {
      for (const nested of nestedGraphsOf(id, node)) pending.push({ key: nested.key, graph: nested.graph, into: visit.finished });
    }
  }
  // Each graph was visited before those nested in it: backwards, everything nested is finished first.
  let result = root;
  for (let i = visits.length - 1; i >= 0; i--) {
    const { key, changed, finished, into } = visits[i]!;
    const rebuilt = withFinishedGraphs(changed, finished);
    if (into) into.set(key, rebuilt);
    else result = rebuilt;
  }
  return result;
}

/** The graph with the nested graphs of its nodes replaced by their finished versions; the same graph when none changed. */
function withFinishedGraphs(graph: Graph, finished: ReadonlyMap<GraphKey, Graph>): Graph {
  if (finished.size === 0) return graph;
  let touched = false;
  const entries = Object.entries(graph.nodes).map(([id, node]): [string, Node] => {
    const mapped = mapNestedGraphs(node, (nested, branch) => finished.get(graphKeyOf(id, branch)) ?? nested);
    if (mapped !== node) touched = true;
    return [id, mapped];
  });
  return touched ? { ...graph, nodes: Object.fromEntries(entries) } : graph;
}
