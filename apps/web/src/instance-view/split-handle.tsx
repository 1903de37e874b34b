/**
 * A drag handle below a pane that sets its height: drag it with the pointer, or focus it and use
 * the arrow keys (Shift for bigger steps), Home and End, as a window splitter does.
 */
import { useRef, type KeyboardEvent, type PointerEvent } from "react";
import { PANE_LIMITS, type Pane } from "./pane-sizes.ts";

const KEY_STEP = 16;
const BIG_KEY_STEP = 80;

interface SplitHandleProps {
  pane: Pane;
  label: string;
  size: number;
  onResize(pane: Pane, size: number): void;
}

export function SplitHandle({ pane, label, size, onResize }: SplitHandleProps) {
  const drag = useRef<{ y: number; size: number } | null>(null);
  const { min, max } = PANE_LIMITS[pane];
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    drag.current = { y: event.clientY, size };
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current) onResize(pane, drag.current.size + event.clientY - drag.current.y);
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? BIG_KEY_STEP : KEY_STEP;
    const next = { ArrowUp: size - step, ArrowDown: size + step, Home: min, End: max }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    onResize(pane, next);
  };
  return (
    <div
      className="split-handle"
      role="separator"
      aria-orientation="horizontal"
      aria-label={label}
      aria-valuenow={size}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      data-testid={`split-${pane}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
