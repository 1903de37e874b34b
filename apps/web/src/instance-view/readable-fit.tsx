/**
 * Keeps the instance view's graph fitted at a readable zoom (see readable-viewport.ts): once its
 * nodes are measured and whenever its pane is resized, and from the controls' fit button.
 */
import { ControlButton, Controls, useNodesInitialized, useReactFlow, useStore } from "@xyflow/react";
import { useCallback, useEffect } from "react";
import { fitsReadably, readableViewport } from "./readable-viewport.ts";

/** `onOverflow` hears whether the graph, as fitted, is bigger than its pane. */
export function ReadableFit({ onOverflow }: { onOverflow(overflows: boolean): void }) {
  const flow = useReactFlow();
  const width = useStore((state) => state.width);
  const height = useStore((state) => state.height);
  const measured = useNodesInitialized();
  const fit = useCallback(() => {
    if (width === 0 || height === 0) return;
    const bounds = flow.getNodesBounds(flow.getNodes());
    void flow.setViewport(readableViewport(bounds, { width, height }));
    onOverflow(!fitsReadably(bounds, { width, height }));
  }, [flow, width, height, onOverflow]);
  useEffect(() => {
    if (measured) fit();
  }, [measured, fit]);
  return (
    <Controls showInteractive={false} showFitView={false}>
      <ControlButton onClick={fit} title="Fit the graph at a readable zoom" aria-label="Fit the graph at a readable zoom" data-testid="graph-fit">
        ⤢
      </ControlButton>
    </Controls>
  );
}
