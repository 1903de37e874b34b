/**
 * The handle between the canvas and the side panel: dragged, or moved with the arrow keys, it
 * sets the panel's width, so that a wide document can be read beside the canvas.
 */
import type { KeyboardEvent, PointerEvent } from "react";

/** Narrowest side panel, and the least the canvas keeps beside it. */
const MIN_SIDE = 320;
const MIN_CANVAS = 360;
const KEY_STEP = 40;

const clamp = (width: number) => Math.round(Math.max(MIN_SIDE, Math.min(width, window.innerWidth - MIN_CANVAS)));

export function SideResizer({ width, onResize }: { width: number | null; onResize(width: number): void }) {
  // The side panel is the next element and reaches the window's right edge.
  const currentWidth = (handle: HTMLElement) => width ?? handle.nextElementSibling?.getBoundingClientRect().width ?? MIN_SIDE;

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (event.currentTarget.hasPointerCapture(event.pointerId)) onResize(clamp(window.innerWidth - event.clientX));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === "ArrowLeft" ? KEY_STEP : event.key === "ArrowRight" ? -KEY_STEP : 0;
    if (step === 0) return;
    event.preventDefault();
    onResize(clamp(currentWidth(event.currentTarget) + step));
  };

  return (
    <div
      className="side-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label="Width of the side panel (arrow keys resize it)"
      aria-valuenow={width ?? undefined}
      tabIndex={0}
      data-testid="side-resizer"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onKeyDown={onKeyDown}
    />
  );
}
