/** Adding and removing the branches of a parallel node. */
import type { Definition } from "../schema.ts";
import { branchFrameId, innerCanvasIdsOf, parseCanvasId, startMarkerId } from "./canvas-ids.ts";
import { emptyGraph } from "./create-node.ts";
import { failed, kindPhrase, succeeded, type EditResult } from "./edit-result.ts";
import { updateNodeAt } from "./graph-update.ts";
import { graphKeyOf, locateNode, parseGraphKey, type GraphKey } from "./graph-key.ts";
import { rekeyPositions } from "./positions.ts";

/** Appends an empty branch to a parallel node; `graph` is the new branch's key. */
export function addBranch(definition: Definition, parallelId: string): EditResult<{ graph: GraphKey }> {
  const located = locateNode(definition, parallelId);
  if (!located) return failed(`there is no node "${parallelId}"`);
  const node = located.node;
  if (node.type !== "parallel") return failed(`"${parallelId}" is ${kindPhrase(node.type)}, not a parallel node`);
  const updated = updateNodeAt(definition, parallelId, () => ({ ...node, branches: [...node.branches, emptyGraph()] }));
  if (!updated) return failed(`there is no node "${parallelId}"`);
  return succeeded(updated, { graph: graphKeyOf(parallelId, node.branches.length) });
}

/**
 * Removes branch `index` of a parallel node with everything in it. Later branches move up one
 * place, and so do the stored positions of their frames and start markers, whose ids hold the
 * branch index. The last branch stays: a parallel node needs one.
 */
export function removeBranch(definition: Definition, parallelId: string, index: number): EditResult {
  const located = locateNode(definition, parallelId);
  if (!located) return failed(`there is no node "${parallelId}"`);
  const node = located.node;
  if (node.type !== "parallel") return failed(`"${parallelId}" is ${kindPhrase(node.type)}, not a parallel node`);
  if (!Number.isInteger(index) || index < 0 || index >= node.branches.length) {
    return failed(`"${parallelId}" has no branch ${index} (it has ${node.branches.length})`);
  }
  if (node.branches.length === 1) return failed("a parallel node needs at least one branch");

  const kept = { ...node, branches: node.branches.filter((_, i) => i !== index) };
  const updated = updateNodeAt(definition, parallelId, () => kept);
  if (!updated) return failed(`there is no node "${parallelId}"`);
  const inside = new Set(innerCanvasIdsOf(parallelId, node));
  const stillInside = new Set(innerCanvasIdsOf(parallelId, kept));
  return succeeded(
    rekeyPositions(updated, (canvasId) => {
      const branch = branchIndexOf(canvasId, parallelId);
      if (branch !== null) {
        if (branch === index) return null;
        if (branch < index) return canvasId;
        return canvasId.startsWith("branch:") ? branchFrameId(parallelId, branch - 1) : startMarkerId(graphKeyOf(parallelId, branch - 1));
      }
      // The removed branch's nodes, at any depth.
      return inside.has(canvasId) && !stillInside.has(canvasId) ? null : canvasId;
    }),
  );
}

/** The branch index in the id of a branch frame or branch start marker of this parallel node, else null. */
function branchIndexOf(canvasId: string, parallelId: string): number | null {
  const target = parseCanvasId(canvasId);
  if (target?.kind === "branch") return target.parallelId === parallelId ? target.index : null;
  if (target?.kind !== "start") return null;
  const graph = parseGraphKey(target.graph);
  return graph && graph.owner === parallelId ? graph.branch : null;
}
