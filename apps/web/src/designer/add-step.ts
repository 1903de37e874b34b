/**
 * Adding a step where the person is working: after the selection (palette, command palette) or
 * after a handle (its "+"). One edit, so one undo step; the new step is selected and brought into
 * view, so that the next addition follows it.
 */
import type { Node } from "@flowcraft/definition";
import { addNodeAt, locateNode, placeAfterSelection, readPositions, type AddPlace } from "@flowcraft/definition/editor";
import { useReactFlow } from "@xyflow/react";
import { useCallback } from "react";
import { FIT_VIEW_OPTIONS } from "./canvas.tsx";
import type { StepFlowNode } from "./flow-elements.ts";
import { useDesigner } from "./store.ts";

/** Adds a node at `place`, by default after the selection. */
export function useAddStep(): (node: Node, place?: AddPlace) => void {
  const flow = useReactFlow<StepFlowNode>();
  return useCallback(
    (node, place) => {
      const { definition, selection, edit, select } = useDesigner.getState();
      const where = place ?? placeAfterSelection(definition, selection.length === 1 ? selection[0]! : null);
      let added: string | null = null;
      edit((def) => {
        const result = addNodeAt(def, node, where);
        if (result.ok) added = result.id;
        return result;
      });
      if (!added) return;
      const id: string = added;
      select([id]);
      whenPlaced(id, () => void flow.fitView({ ...FIT_VIEW_OPTIONS, nodes: [{ id }], duration: 200 }));
    },
    [flow],
  );
}

/**
 * Calls `reveal` once the automatic layout has placed a node added without a position: the
 * layout puts it beside the rest of its graph, often outside the part of the canvas in view.
 */
function whenPlaced(id: string, reveal: () => void) {
  // A node with a position, or an id used before (added, then undone), keeps its place.
  const state = useDesigner.getState();
  if (state.layout[id] || readPositions(state.definition)[id]) {
    window.requestAnimationFrame(reveal);
    return;
  }
  const unsubscribe = useDesigner.subscribe((next) => {
    // Gone before it was placed (undone): nothing to show.
    if (!locateNode(next.definition, id)) return unsubscribe();
    if (!next.layout[id]) return;
    unsubscribe();
    window.requestAnimationFrame(reveal);
  });
}
