/**
 * Keeps the instance view's graph fitted at a readable zoom (see readable-viewport.ts): once its
 * nodes are measured and whenever its pane is resized, and from the controls' fit button.
 */
import { ControlButton, Controls, useNodesInitialized, useReactFlow, useStore } from "@xyflow/react";
import { useCallback, useEffect } from "react";
import { readableViewport } from "./readable-viewport.ts";

export function ReadableFit() {
  const flow = useReactFlow();
  const width = useStore((state) => state.width);
  const height = useStore((state) => state.height);
  const measured = useNodesInitialized();
  const fit = useCallback(() => {
    if (width > 0 && height > 0) void flow.setViewport(readableViewport(flow.getNodesBounds(flow.getNodes()), { width, height }));
  }, [flow, width, height]);
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
