/** Renaming a node: its id is also what every reference, graph key and position uses. */
import { NodeIdSchema, type Definition, type Graph, type Node } from "../schema.ts";
import { ownerOfCanvasId, withCanvasIdOwner } from "./canvas-ids.ts";
import { failed, succeeded, type EditResult } from "./edit-result.ts";
import { mapGraphs } from "./graph-update.ts";
import { locateNode, nodeIdsOf } from "./graph-key.ts";
import { mapReferences } from "./handles.ts";
import { rekeyPositions } from "./positions.ts";

/**
 * Gives a node a new id, keeping its place among its siblings, and updates every reference to
 * it, graph starts, and the stored positions of the node and of the start markers and branch
 * frames inside it (their ids name its graphs). Expressions are left alone: one that reads
 * `steps.<old id>` keeps naming the old id (validation does not check the step names there).
 */
export function renameNode(definition: Definition, oldId: string, newId: string): EditResult {
  if (!locateNode(definition, oldId)) return failed(`there is no node "${oldId}"`);
  if (newId === oldId) return succeeded(definition);
  const parsed = NodeIdSchema.safeParse(newId);
  if (!parsed.success) return failed(`node id "${newId}" ${parsed.error.issues[0]?.message ?? "is not valid"}`);
  if (nodeIdsOf(definition).has(newId)) return failed(`node id "${newId}" is already used: node ids must be unique in the whole definition`);

  const renamed = mapGraphs(definition, (graph) => renameInGraph(graph, oldId, newId));
  return succeeded(
    rekeyPositions(renamed, (canvasId) => {
      const owner = ownerOfCanvasId(canvasId);
      // A position left over from an earlier node named newId must not land on the renamed one.
      if (owner === newId) return null;
      return owner === oldId ? withCanvasIdOwner(canvasId, newId) : canvasId;
    }),
  );
}

function renameInGraph(graph: Graph, oldId: string, newId: string): Graph {
  let changed = false;
  const entries = Object.entries(graph.nodes).map(([id, node]): [string, Node] => {
    const updated = mapReferences(node, (target) => (target === oldId ? newId : target));
    if (id === oldId || updated !== node) changed = true;
    return [id === oldId ? newId : id, updated];
  });
  const start = graph.start === oldId ? newId : graph.start;
  if (!changed && start === graph.start) return graph;
  return { start, nodes: changed ? Object.fromEntries(entries) : graph.nodes };
}
