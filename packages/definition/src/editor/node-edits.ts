/** Adding a node from the palette, and replacing a node's content from the inspector. */
import type { Definition, Node, NodeKind } from "../schema.ts";
import { innerCanvasIdsOf } from "./canvas-ids.ts";
import { createNode } from "./create-node.ts";
import { failed, succeeded, type EditResult } from "./edit-result.ts";
import { updateGraph, updateNodeAt } from "./graph-update.ts";
import { graphAt, indexDefinition, nestedNodeIdsOf, type GraphKey } from "./graph-key.ts";
import { uniqueId } from "./ids.ts";
import { readPositions, rekeyPositions, writePositions, type Position } from "./positions.ts";

/**
 * Adds a new node of a kind (with createNode's defaults and a fresh id such as activity1) to a
 * graph. It becomes the graph's start when the graph has none yet (or one naming no node in it).
 */
export function addNode(definition: Definition, kind: NodeKind, graph: GraphKey, position?: Position): EditResult<{ id: string }> {
  const target = graphAt(definition, graph);
  if (!target) return failed(`there is no graph "${graph}"`);
  const id = uniqueId(definition, kind);
  const node = createNode(kind);
  const hasStart = Object.hasOwn(target.nodes, target.start);
  let updated = updateGraph(definition, graph, (g) => ({ start: hasStart ? g.start : id, nodes: { ...g.nodes, [id]: node } }));
  if (!updated) return failed(`there is no graph "${graph}"`);
  if (position) updated = writePositions(updated, { ...readPositions(updated), [id]: position });
  return succeeded(updated, { id });
}

/**
 * Replaces a node's content in place (what the inspector edits); its id and its place stay.
 * The new content may be an unfinished draft, but it must not bring nested node ids that are
 * used elsewhere. Positions of nested canvas nodes that no longer exist are dropped.
 */
export function updateNode(definition: Definition, id: string, node: Node): EditResult {
  const index = indexDefinition(definition);
  const located = index.nodes.get(id);
  if (!located) return failed(`there is no node "${id}"`);
  const ownNested = new Set(nestedNodeIdsOf(id, located.node));
  const seen = new Set<string>();
  for (const nestedId of nestedNodeIdsOf(id, node)) {
    if (nestedId === id || seen.has(nestedId) || (index.nodes.has(nestedId) && !ownNested.has(nestedId))) {
      return failed(`node id "${nestedId}" is already used: node ids must be unique in the whole definition`);
    }
    seen.add(nestedId);
  }
  const updated = updateNodeAt(definition, id, () => node);
  if (!updated) return failed(`there is no node "${id}"`);
  const kept = new Set(innerCanvasIdsOf(id, node));
  const gone = new Set(innerCanvasIdsOf(id, located.node).filter((canvasId) => !kept.has(canvasId)));
  return succeeded(gone.size > 0 ? rekeyPositions(updated, (canvasId) => (gone.has(canvasId) ? null : canvasId)) : updated);
}
