/**
 * Where the instance view's graph stands: fitted to its pane, but never zoomed out past the zoom
 * at which its labels stay readable. A graph too big for that shows its start (top, and left when
 * too wide) and is panned to see the rest, rather than shrunk to a picture of unreadable boxes.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** Step titles are 12 px: at this zoom they are drawn at 10 px, about the smallest read comfortably. */
export const READABLE_ZOOM = 0.85;
/** Never magnified past 100%: a small graph stays the size the designer shows it. */
const MAX_ZOOM = 1;
/** Clear of the zoom controls at the bottom left. */
const PADDING = { top: 16, right: 16, bottom: 16, left: 56 };

interface Size {
  width: number;
  height: number;
}

const roomIn = (pane: Size): Size => ({ width: pane.width - PADDING.left - PADDING.right, height: pane.height - PADDING.top - PADDING.bottom });
const fittedZoom = (bounds: Rect, room: Size) => Math.min(room.width / Math.max(1, bounds.width), room.height / Math.max(1, bounds.height));

/** Whether the whole graph shows at a readable zoom; if not, it is panned to see the rest. */
export function fitsReadably(bounds: Rect, pane: Size): boolean {
  return fittedZoom(bounds, roomIn(pane)) >= READABLE_ZOOM;
}

export function readableViewport(bounds: Rect, pane: Size): Viewport {
  const room = roomIn(pane);
  const fitted = fittedZoom(bounds, room);
  const zoom = Math.min(MAX_ZOOM, Math.max(READABLE_ZOOM, fitted));
  // Centred along an axis the graph fits in; from its start along one it overflows.
  const along = (size: number, roomSize: number, before: number, origin: number) =>
    size * zoom <= roomSize ? before + (roomSize - size * zoom) / 2 - origin * zoom : before - origin * zoom;
  return { x: along(bounds.width, room.width, PADDING.left, bounds.x), y: along(bounds.height, room.height, PADDING.top, bounds.y), zoom };
}
