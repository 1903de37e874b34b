/**
 * Ids of what the canvas draws. Real nodes keep their node id; the virtual start markers and
 * branch frames get ids with a ':' in them, which no node id can hold, so the two never clash.
 */
import type { Node } from "../schema.ts";
import { graphKeyOf, nestedWithin, parseGraphKey, type GraphKey } from "./graph-key.ts";

/** The id of a graph's start marker: "start:" followed by the graph key ("start:" for the top level). */
export function startMarkerId(graph: GraphKey): string {
  return `start:${graph}`;
}

/** The id of the frame drawn around branch `index` of a parallel node. */
export function branchFrameId(parallelId: string, index: number): string {
  return `branch:${graphKeyOf(parallelId, index)}`;
}

/** What a canvas id stands for. */
export type CanvasIdTarget =
  | { kind: "node"; id: string }
  | { kind: "start"; graph: GraphKey }
  | { kind: "branch"; parallelId: string; index: number };

/** Reads a canvas id; null for an id with a ':' that is neither a start marker nor a branch frame. */
export function parseCanvasId(canvasId: string): CanvasIdTarget | null {
  if (!canvasId.includes(":")) return { kind: "node", id: canvasId };
  if (canvasId.startsWith("start:")) {
    const graph = canvasId.slice("start:".length);
    return graph === "" || parseGraphKey(graph) ? { kind: "start", graph } : null;
  }
  if (canvasId.startsWith("branch:")) {
    const parsed = parseGraphKey(canvasId.slice("branch:".length));
    return parsed && parsed.branch !== null ? { kind: "branch", parallelId: parsed.owner, index: parsed.branch } : null;
  }
  return null;
}

/**
 * The node a canvas id belongs to: a node's own id, or the node whose nested graph a start marker
 * or branch frame belongs to; null for the top-level start marker and malformed ids. Renaming or
 * removing that node renames or removes the canvas id with it.
 */
export function ownerOfCanvasId(canvasId: string): string | null {
  const target = parseCanvasId(canvasId);
  if (!target) return null;
  if (target.kind === "node") return target.id;
  if (target.kind === "branch") return target.parallelId;
  return parseGraphKey(target.graph)?.owner ?? null;
}

/** The same canvas id with its owner node renamed (see ownerOfCanvasId); null when it has no owner. */
export function withCanvasIdOwner(canvasId: string, owner: string): string | null {
  const target = parseCanvasId(canvasId);
  if (!target) return null;
  if (target.kind === "node") return owner;
  if (target.kind === "branch") return branchFrameId(owner, target.index);
  const parsed = parseGraphKey(target.graph);
  return parsed ? startMarkerId(graphKeyOf(owner, parsed.branch)) : null;
}

/** Every canvas id drawn inside a node: its nested graphs' start markers and nodes, its branch frames. */
export function innerCanvasIdsOf(nodeId: string, node: Node): string[] {
  const ids: string[] = [];
  for (const item of nestedWithin(nodeId, node)) {
    if (item.kind === "node") ids.push(item.id);
    else {
      if (item.ownerNode.type === "parallel") ids.push(branchFrameId(item.owner, item.index));
      ids.push(startMarkerId(item.key));
    }
  }
  return ids;
}

/** The id of the edge leaving `source` (a canvas id) through `handle`. */
export function edgeIdOf(source: string, handle: string): string {
  return `${source}:${handle}`;
}

/** The source and handle of an edge id; handles never hold a ':', so the last one separates them. */
export function parseEdgeId(edgeId: string): { source: string; handle: string } | null {
  const colon = edgeId.lastIndexOf(":");
  if (colon <= 0) return null;
  return { source: edgeId.slice(0, colon), handle: edgeId.slice(colon + 1) };
}
