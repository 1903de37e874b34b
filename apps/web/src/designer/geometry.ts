/**
 * Sizes of nodes on the canvas. Leaf nodes have a fixed size, so layout and drawing agree without
 * measuring the DOM; a container is as large as its children need.
 */
export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export const STEP_SIZE: Size = { width: 200, height: 64 };
export const START_SIZE: Size = { width: 96, height: 36 };
/** Outer width and height of a connection handle: 9 px inside a 1 px border (canvas.css). */
export const HANDLE_SIZE = 11;
/** Room around a container's children, the top one holding its title bar. */
export const CONTAINER_PADDING = { top: 44, right: 24, bottom: 24, left: 24 };
/** Smallest container: an empty fan-out must still be a target to drop steps on. */
export const MIN_CONTAINER_SIZE: Size = { width: 260, height: 140 };

export interface Box extends Point, Size {}

/** The size a container needs for children placed at `boxes` (relative to it). */
export function containerSize(boxes: Box[]): Size {
  let width = MIN_CONTAINER_SIZE.width;
  let height = MIN_CONTAINER_SIZE.height;
  for (const box of boxes) {
    width = Math.max(width, box.x + box.width + CONTAINER_PADDING.right);
    height = Math.max(height, box.y + box.height + CONTAINER_PADDING.bottom);
  }
  return { width, height };
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
