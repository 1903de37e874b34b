/**
 * How much of each node the canvas draws at a zoom. Zoomed far out, node text is a few pixels
 * high and unreadable, yet drawing it (and the handles) for hundreds of nodes is most of the cost
 * of every frame of a pan or zoom; there the nodes are drawn as plain coloured boxes.
 */

/** Below this zoom a node's 12 px text is under 5 screen pixels high: too small to read. */
export const OUTLINE_BELOW_ZOOM = 0.4;

export type DetailLevel = "full" | "outline";

export function detailLevelAt(zoom: number): DetailLevel {
  return zoom < OUTLINE_BELOW_ZOOM ? "outline" : "full";
}
