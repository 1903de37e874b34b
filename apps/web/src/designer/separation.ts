/**
 * Keeps boxes on the canvas apart. Stored positions can overlap (a step dropped onto another, a
 * container that grew over its neighbour, the automatic layout of new nodes next to nodes placed
 * by hand), so the canvas draws each set of siblings separated: a box that overlaps one before it
 * moves down, below that one, until it overlaps none. Start markers come first and never move,
 * so the start stays where the person left it; the others keep their order, top to bottom.
 */
import type { Box, Point } from "./geometry.ts";

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
    let y = box.y;
    // Each move clears one box placed before it: as many moves as boxes at most.
    for (let tries = 0; tries <= placed.length; tries++) {
      const blocking = placed.find((other) => crosses({ ...box, y }, other));
      if (!blocking) break;
      y = blocking.y + blocking.height + SEPARATION_GAP;
    }
    placed.push({ ...box, y });
    if (y !== box.y) moved.set(box.id, { x: box.x, y });
  }
  return moved;
}

function crosses(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
