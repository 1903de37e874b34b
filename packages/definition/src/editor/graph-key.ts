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

/**
 * Every graph, parents before children, and every node with its graph. A draft may repeat an id
 * (validation reports it); the first occurrence wins here and the later one's subtree is skipped,
 * so that every id names one node and every key one graph, as on the canvas.
 */
export function indexDefinition(definition: Definition): { graphs: KeyedGraph[]; nodes: Map<string, LocatedNode> } {
  const graphs: KeyedGraph[] = [];
  const nodes = new Map<string, LocatedNode>();
  const visit = (key: GraphKey, graph: Graph) => {
    graphs.push({ key, graph });
    const fresh: [string, Node][] = [];
    for (const [id, node] of Object.entries(graph.nodes)) {
      if (nodes.has(id)) continue;
      nodes.set(id, { node, graph: key });
      fresh.push([id, node]);
    }
    for (const [id, node] of fresh) for (const nested of nestedGraphsOf(id, node)) visit(nested.key, nested.graph);
  };
  visit(TOP_LEVEL, topLevelGraph(definition));
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

/** The ids of every node nested inside a node (not the node itself), at any depth. */
export function nestedNodeIdsOf(nodeId: string, node: Node): string[] {
  const ids: string[] = [];
  for (const { graph } of nestedGraphsOf(nodeId, node)) {
    for (const [id, child] of Object.entries(graph.nodes)) ids.push(id, ...nestedNodeIdsOf(id, child));
  }
  return ids;
}

function topLevelGraph(definition: Definition): Graph {
  return { start: definition.start, nodes: definition.nodes };
}
