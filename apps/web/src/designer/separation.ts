/**
 * Keeps boxes on the canvas apart. Stored positions can overlap (a step dropped onto another, a
 * container that grew over its neighbour, the automatic layout of new nodes next to nodes placed
 * by hand), so the canvas draws each set of siblings separated: a box that overlaps one placed
 * before it moves right of that one or below it, whichever is the shorter move, until it
 * overlaps none. A branch frame that grew thus pushes its neighbour aside, and a step stays in
 * its column when that is nearer. Start markers come first and never move, so the start stays
 * where the person left it; the others keep their order, top to bottom, then left to right.
 */
import { overlaps, type Box, type Point } from "./geometry.ts";

/** Room kept between boxes that had to be moved apart. */
export const SEPARATION_GAP = 24;

export interface Placed extends Box {
  id: string;
  /** Never moved: the others move around it. */
  pinned: boolean;
}

/** Where each box goes so that no two overlap; boxes that need not move keep their position. */
export function separate(boxes: readonly Placed[]): Map<string, Point> {
  const order = [...boxes].sort((a, b) => Number(b.pinned) - Number(a.pinned) || a.y - b.y || a.x - b.x);
  const placed: Box[] = [];
  const moved = new Map<string, Point>();
  for (const box of order) {
    let { x, y } = box;
    // x and y only grow, and a box once cleared (passed to the right or below) stays cleared:
    // each placed box blocks at most once.
    for (let tries = 0; tries <= placed.length; tries++) {
      const blocking = placed.find((other) => overlaps({ ...box, x, y }, other));
      if (!blocking) break;
      const right = blocking.x + blocking.width + SEPARATION_GAP;
      const below = blocking.y + blocking.height + SEPARATION_GAP;
      if (right - x < below - y) x = right;
      else y = below;
    }
    placed.push({ ...box, x, y });
    if (x !== box.x || y !== box.y) moved.set(box.id, { x, y });
  }
  return moved;
}
