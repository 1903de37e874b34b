/**
 * Naming the graphs of a definition. The designer addresses a graph by a string key so that it
 * can live in UI state and in canvas ids: "" is the top level, "<nodeId>" the body of a map,
 * group or monitor node, "<nodeId>#<i>" branch i of a parallel node.
 */
import type { Definition, Graph, Node } from "../schema.ts";

/** One graph of a definition: "" (top level), "<nodeId>" (a body) or "<nodeId>#<i>" (a branch). */
export type GraphKey = string;

/** The key of the top-level graph. */
export const TOP_LEVEL: GraphKey = "";

/** The key of a map, group or monitor node's body, or (with an index) of a parallel branch. */
export function graphKeyOf(nodeId: string, branch: number | null = null): GraphKey {
  return branch === null ? nodeId : `${nodeId}#${branch}`;
}

/** The node that holds a nested graph and the branch index (null for a body); null for the top level or a malformed key. */
export function parseGraphKey(key: GraphKey): { owner: string; branch: number | null } | null {
  if (key === TOP_LEVEL) return null;
  const hash = key.indexOf("#");
  if (hash < 0) return { owner: key, branch: null };
  const index = key.slice(hash + 1);
  if (!/^(0|[1-9][0-9]*)$/.test(index)) return null;
  return { owner: key.slice(0, hash), branch: Number(index) };
}

/** A nested graph of a node, with its key. */
export interface KeyedGraph {
  key: GraphKey;
  graph: Graph;
}

/** The graphs a node holds directly: a parallel node's branches, a map/group/monitor node's body. */
export function nestedGraphsOf(nodeId: string, node: Node): KeyedGraph[] {
  switch (node.type) {
    case "parallel":
      return node.branches.map((graph, i) => ({ key: graphKeyOf(nodeId, i), graph }));
    case "map":
    case "group":
    case "monitor":
      return [{ key: graphKeyOf(nodeId), graph: node.body }];
    default:
      return [];
  }
}

/** Where a node sits: the node and the key of the graph that holds it. */
export interface LocatedNode {
  node: Node;
  graph: GraphKey;
}

/** Every graph of a definition by key, and every node by id with where it sits. */
export interface DefinitionIndex {
  graphs: KeyedGraph[];
  nodes: Map<string, LocatedNode>;
}

/**
 * Every graph, parents before children, and every node with its graph. A draft may repeat an id
 * (validation reports it); the first occurrence wins here and the later one's subtree is skipped,
 * so that every id names one node and every key one graph, as on the canvas. A draft may also
 * nest deeper than recursion could go, so the walk keeps its own stack.
 */
export function indexDefinition(definition: Definition): DefinitionIndex {
  const graphs: KeyedGraph[] = [];
  const nodes = new Map<string, LocatedNode>();
  const pending: KeyedGraph[] = [{ key: TOP_LEVEL, graph: topLevelGraph(definition) }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    graphs.push(next);
    // All of a graph's nodes are indexed before any nested one, so an id repeated below loses.
    const fresh: [string, Node][] = [];
    for (const [id, node] of Object.entries(next.graph.nodes)) {
      if (nodes.has(id)) continue;
      nodes.set(id, { node, graph: next.key });
      fresh.push([id, node]);
    }
    const nested = fresh.flatMap(([id, node]) => nestedGraphsOf(id, node));
    for (let i = nested.length - 1; i >= 0; i--) pending.push(nested[i]!);
  }
  return { graphs, nodes };
}

/** The graph with the given key, or null when there is none. */
export function graphAt(definition: Definition, key: GraphKey): Graph | null {
  if (key === TOP_LEVEL) return topLevelGraph(definition);
  const parsed = parseGraphKey(key);
  if (!parsed) return null;
  const owner = locateNode(definition, parsed.owner);
  if (!owner) return null;
  const node = owner.node;
  if (node.type === "parallel") return parsed.branch === null ? null : (node.branches[parsed.branch] ?? null);
  if (node.type === "map" || node.type === "group" || node.type === "monitor") return parsed.branch === null ? node.body : null;
  return null;
}

/** Every graph key of the definition, parents before children. */
export function graphKeysOf(definition: Definition): GraphKey[] {
  return indexDefinition(definition).graphs.map((graph) => graph.key);
}

/** The node with the given id and the graph it sits in, or null. */
export function locateNode(definition: Definition, id: string): LocatedNode | null {
  return indexDefinition(definition).nodes.get(id) ?? null;
}

/** Every node id used in the definition, nested graphs included. */
export function nodeIdsOf(definition: Definition): Set<string> {
  return new Set(indexDefinition(definition).nodes.keys());
}

/** What a walk inside a node meets: a nested graph (and which of its owner's), or a node in one. */
export type NestedItem =
  | { kind: "graph"; owner: string; ownerNode: Node; index: number; key: GraphKey; graph: Graph }
  | { kind: "node"; id: string; node: Node; graph: GraphKey };

/**
 * Everything nested inside a node, at any depth, in definition order: each graph, then its nodes,
 * each node followed by what is nested in it. Keeps its own stack, since a draft may nest deeper
 * than recursion could go.
 */
export function* nestedWithin(nodeId: string, node: Node): Generator<NestedItem> {
  type Step = NestedItem | { kind: "open"; id: string; node: Node };
  const pending: Step[] = [{ kind: "open", id: nodeId, node }];
  for (let step = pending.pop(); step; step = pending.pop()) {
    if (step.kind !== "open") {
      yield step;
      continue;
    }
    const inside: Step[] = [];
    nestedGraphsOf(step.id, step.node).forEach(({ key, graph }, index) => {
      inside.push({ kind: "graph", owner: step.id, ownerNode: step.node, index, key, graph });
      for (const [id, child] of Object.entries(graph.nodes)) inside.push({ kind: "node", id, node: child, graph: key }, { kind: "open", id, node: child });
    });
    for (let i = inside.length - 1; i >= 0; i--) pending.push(inside[i]!);
  }
}

/** The ids of every node nested inside a node (not the node itself), at any depth. */
export function nestedNodeIdsOf(nodeId: string, node: Node): string[] {
  const ids: string[] = [];
  for (const item of nestedWithin(nodeId, node)) if (item.kind === "node") ids.push(item.id);
  return ids;
}

function topLevelGraph(definition: Definition): Graph {
  return { start: definition.start, nodes: definition.nodes };
}
