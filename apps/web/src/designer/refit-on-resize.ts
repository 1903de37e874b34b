/**
 * Fitting the canvas's view once its width has changed: the JSON editor takes a good part of the
 * window when it opens, and gives it back when it closes, so the workflow is brought back into
 * sight in the space the canvas then has.
 */
import { useReactFlow, useStore } from "@xyflow/react";
import { useCallback, useEffect, useRef } from "react";
import { FIT_VIEW_OPTIONS } from "./canvas.tsx";

/** Returns a function that asks for the view to be fitted after the canvas's next change of width. */
export function useRefitOnResize(): () => void {
  const flow = useReactFlow();
  const width = useStore((s) => s.width);
  const asked = useRef(false);
  useEffect(() => {
    if (!asked.current) return;
    asked.current = false;
    void flow.fitView(FIT_VIEW_OPTIONS);
  }, [width, flow]);
  return useCallback(() => {
    asked.current = true;
  }, []);
}
