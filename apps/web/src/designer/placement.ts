/**
 * Where a node the document does not place first appears. The automatic layout arranges the
 * whole graph afresh, so its place for one new node fits its own arrangement, not the one on
 * screen, where nodes keep the places they were first shown at: a new step would land anywhere.
 * A new node that follows another is put under it instead: in its column when it is the plain
 * continuation, under the exit it leaves by otherwise (a decision's choice, an error path). Only
 * a node nothing leads to takes the layout's place. The canvas then moves it clear of any it
 * covers.
 */
import type { CanvasModel } from "@flowcraft/definition/editor";
import { sizesOf } from "./flow-elements.ts";
import { STEP_SIZE, type Point } from "./geometry.ts";

/** Room between a step and the one put under it, as the automatic layout leaves between layers. */
export const FOLLOWER_GAP = 56;

/**
 * Places the nodes `fresh` (ids without a place yet): under the node they follow when it has a
 * place in `shown`, else where the automatic layout (`laidOut`) put them.
 */
export function placeFresh(model: CanvasModel, shown: Record<string, Point>, laidOut: Record<string, Point>, fresh: readonly string[]): Record<string, Point> {
  const placed: Record<string, Point> = {};
  const known = { ...shown };
  const sizes = sizesOf(model, { ...laidOut, ...shown });
  const handles = new Map(model.nodes.map((node) => [node.id, node.handles]));
  const leader = new Map<string, { source: string; handle: string }>();
  for (const edge of model.edges) if (!leader.has(edge.target)) leader.set(edge.target, { source: edge.source, handle: edge.sourceHandle });
  // In model order, so a chain of new nodes is placed one under the other.
  const pending = new Set(fresh);
  for (const node of model.nodes) {
    if (!pending.has(node.id)) continue;
    const from = leader.get(node.id);
    const above = from && known[from.source];
    const point = above ? under(above, sizes.get(from.source)!, handles.get(from.source) ?? [], from.handle) : laidOut[node.id];
    if (!point) continue;
    placed[node.id] = point;
    known[node.id] = point;
  }
  return placed;
}

/** The place of a step under the exit `handle` of a box at `above` of `size`, whose exits are `handles`. */
function under(above: Point, size: { width: number; height: number }, handles: string[], handle: string): Point {
  const index = handles.indexOf(handle);
  const centre = handle === "next" || index < 0 ? size.width / 2 : (size.width * (index + 1)) / (handles.length + 1);
  return { x: Math.round(above.x + centre - STEP_SIZE.width / 2), y: above.y + size.height + FOLLOWER_GAP };
}
