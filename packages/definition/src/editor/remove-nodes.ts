/** Deleting nodes from the canvas. */
import type { Definition, Graph, Node } from "../schema.ts";
import { innerCanvasIdsOf } from "./canvas-ids.ts";
import { succeeded, type EditResult } from "./edit-result.ts";
import { mapGraphs } from "./graph-update.ts";
import { indexDefinition, nestedNodeIdsOf } from "./graph-key.ts";
import { mapReferences } from "./handles.ts";
import { rekeyPositions } from "./positions.ts";

/**
 * Removes nodes, with the graphs nested in them and their stored positions, and clears every
 * reference to them: `next`, `onTimeout` and `default` are dropped, `onError` as a whole, a
 * choice keeps its condition with an empty `next`, a graph whose start was removed gets an empty
 * start. Ids of start markers and branch frames, and unknown ids, are ignored (a canvas
 * selection may hold them); branches have removeBranch.
 */
export function removeNodes(definition: Definition, ids: Iterable<string>): EditResult {
  const index = indexDefinition(definition);
  const removed = new Set<string>();
  const canvasIds = new Set<string>();
  for (const id of ids) {
    const located = index.nodes.get(id);
    if (!located) continue;
    removed.add(id);
    canvasIds.add(id);
    for (const nested of nestedNodeIdsOf(id, located.node)) removed.add(nested);
    for (const inner of innerCanvasIdsOf(id, located.node)) canvasIds.add(inner);
  }
  if (removed.size === 0) return succeeded(definition);
  const pruned = mapGraphs(definition, (graph) => withoutNodes(graph, removed));
  return succeeded(rekeyPositions(pruned, (canvasId) => (canvasIds.has(canvasId) ? null : canvasId)));
}

/** The graph without the removed nodes and without references to them; the same graph when nothing changes. */
function withoutNodes(graph: Graph, removed: ReadonlySet<string>): Graph {
  let changed = false;
  const entries: [string, Node][] = [];
  for (const [id, node] of Object.entries(graph.nodes)) {
    if (removed.has(id)) {
      changed = true;
      continue;
    }
    const kept = mapReferences(node, (target) => (removed.has(target) ? undefined : target));
    if (kept !== node) changed = true;
    entries.push([id, kept]);
  }
  const start = removed.has(graph.start) ? "" : graph.start;
  if (!changed && start === graph.start) return graph;
  return { start, nodes: changed ? Object.fromEntries(entries) : graph.nodes };
}
