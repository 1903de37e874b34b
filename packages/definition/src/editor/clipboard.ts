/** Copy and paste of nodes, nested graphs included. */
import type { Definition, Graph, Node } from "../schema.ts";
import { innerCanvasIdsOf, ownerOfCanvasId, withCanvasIdOwner } from "./canvas-ids.ts";
import { failed, succeeded, type EditResult } from "./edit-result.ts";
import { mapGraphTree, updateGraph } from "./graph-update.ts";
import { graphAt, indexDefinition, nestedNodeIdsOf, parseGraphKey, type GraphKey, type LocatedNode } from "./graph-key.ts";
import { mapReferences } from "./handles.ts";
import { FreshIds, takenIds } from "./ids.ts";
import { PositionSchema, readPositions, writePositions, type Position } from "./positions.ts";

/** Copied nodes: plain JSON, so it can also travel through the system clipboard. */
export interface Clipboard {
  /** The copied nodes by their original ids, nested graphs included. */
  nodes: Record<string, Node>;
  /** Stored positions of the copied nodes and of everything drawn inside them, by original canvas id. */
  positions: Record<string, Position>;
}

/**
 * Copies nodes with everything nested in them. A node inside another copied node is taken with
 * its container, not on its own; start markers, branch frames and unknown ids are ignored.
 * `shown` gives the places of nodes the document does not place (the canvas's own layout), so
 * that their copies too are pasted beside them.
 */
export function copyNodes(definition: Definition, ids: Iterable<string>, shown: Readonly<Record<string, Position>> = {}): Clipboard {
  const index = indexDefinition(definition).nodes;
  const wanted = new Set([...ids].filter((id) => index.has(id)));
  const stored = readPositions(definition);
  const nodes: [string, Node][] = [];
  const positions: [string, Position][] = [];
  // Definition order, so that a paste keeps the order the nodes had.
  for (const [id, located] of index) {
    if (!wanted.has(id) || hasAncestorIn(index, located, wanted)) continue;
    nodes.push([id, located.node]);
    for (const canvasId of [id, ...innerCanvasIdsOf(id, located.node)]) {
      const position = Object.hasOwn(stored, canvasId) ? stored[canvasId] : Object.hasOwn(shown, canvasId) ? shown[canvasId] : undefined;
      if (position) positions.push([canvasId, position]);
    }
  }
  return { nodes: Object.fromEntries(nodes), positions: Object.fromEntries(positions) };
}

function hasAncestorIn(index: ReadonlyMap<string, LocatedNode>, located: LocatedNode, ids: ReadonlySet<string>): boolean {
  let graph = located.graph;
  for (;;) {
    const owner = parseGraphKey(graph)?.owner;
    if (owner === undefined) return false;
    if (ids.has(owner)) return true;
    const parent = index.get(owner);
    if (!parent) return false;
    graph = parent.graph;
  }
}

/**
 * Pastes copied nodes into a graph under fresh ids (nested nodes too; a copy of step1 becomes
 * step2 or the next free one). References among the pasted nodes follow them to their new ids;
 * references to nodes that were not copied are dropped. Stored positions come along, the pasted
 * nodes' own moved by `offset`. The pasted nodes start the graph when it has no start yet.
 * `ids` are the new ids of the pasted nodes (not the nested ones), to select them.
 */
export function pasteNodes(
  definition: Definition,
  clipboard: Clipboard,
  graph: GraphKey,
  offset: Position = { x: 0, y: 0 },
): EditResult<{ ids: string[] }> {
  const target = graphAt(definition, graph);
  if (!target) return failed(`there is no graph "${graph}"`);
  const copied: Graph = { start: "", nodes: clipboard.nodes };
  const renames = new Map<string, string>();
  const duplicate = claimIds(copied, new FreshIds(takenIds(definition)), renames);
  if (duplicate !== null) return failed(`the clipboard holds node id "${duplicate}" twice`);
  const pasted = renameGraph(copied, renames);
  const ids = Object.keys(pasted.nodes);
  if (ids.length === 0) return succeeded(definition, { ids });

  const hasStart = Object.hasOwn(target.nodes, target.start);
  let updated = updateGraph(definition, graph, (g) => ({ start: hasStart ? g.start : ids[0]!, nodes: { ...g.nodes, ...pasted.nodes } }));
  if (!updated) return failed(`there is no graph "${graph}"`);

  const moved: [string, Position][] = [];
  for (const [canvasId, raw] of Object.entries(clipboard.positions)) {
    const position = PositionSchema.safeParse(raw);
    const owner = ownerOfCanvasId(canvasId);
    const renamed = owner === null ? undefined : renames.get(owner);
    const newId = renamed === undefined ? null : withCanvasIdOwner(canvasId, renamed);
    if (!position.success || newId === null) continue;
    const { x, y } = position.data;
    const isPastedNode = Object.hasOwn(clipboard.nodes, canvasId);
    moved.push([newId, isPastedNode ? { x: x + offset.x, y: y + offset.y } : { x, y }]);
  }
  if (moved.length > 0) updated = writePositions(updated, { ...readPositions(updated), ...Object.fromEntries(moved) });
  return succeeded(updated, { ids });
}

/** Gives every node of the graph, nested ones too, a fresh id, in definition order; returns an id met twice, else null. */
function claimIds(graph: Graph, fresh: FreshIds, renames: Map<string, string>): string | null {
  for (const [id, node] of Object.entries(graph.nodes)) {
    for (const nestedId of [id, ...nestedNodeIdsOf(id, node)]) {
      if (renames.has(nestedId)) return nestedId;
      renames.set(nestedId, fresh.claim(nestedId));
    }
  }
  return null;
}

/** The graph under the new ids; references that leave a graph (to nodes not copied) are dropped. */
function renameGraph(graph: Graph, renames: ReadonlyMap<string, string>): Graph {
  return mapGraphTree(graph, (nested) => {
    const inGraph = (id: string) => (Object.hasOwn(nested.nodes, id) ? renames.get(id) : undefined);
    const entries = Object.entries(nested.nodes).map(([id, node]): [string, Node] => [renames.get(id)!, mapReferences(node, inGraph)]);
    return { start: inGraph(nested.start) ?? "", nodes: Object.fromEntries(entries) };
  });
}
