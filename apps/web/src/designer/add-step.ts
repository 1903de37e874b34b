/**
 * Adding a step where the person is working: after the selection (palette, command palette) or
 * after a handle (its "+"). One edit, so one undo step; the new step is selected and brought into
 * view, so that the next addition follows it.
 */
import type { Definition, Node } from "@flowcraft/definition";
import { addNodeAt, locateNode, placeAfterSelection, readPositions, type AddPlace } from "@flowcraft/definition/editor";
import { useReactFlow, type ReactFlowInstance } from "@xyflow/react";
import { useCallback } from "react";
import { FIT_VIEW_OPTIONS } from "./canvas.tsx";
import type { StepFlowNode } from "./flow-elements.ts";
import { STEP_SIZE, type Point } from "./geometry.ts";
import { useDesigner } from "./store.ts";

/** Room left above a step added below a placed one: what the automatic layout leaves between layers. */
const GAP_BELOW_PX = 56;

/** Adds a node at `place`, by default after the selection. */
export function useAddStep(): (node: Node, place?: AddPlace) => void {
  const flow = useReactFlow<StepFlowNode>();
  return useCallback(
    (node, place) => {
      const { definition, selection, edit, select } = useDesigner.getState();
      const where = place ?? placeAfterSelection(definition, selection.length === 1 ? selection[0]! : null);
      let added: string | null = null;
      edit((def) => {
        const result = addNodeAt(def, node, where, positionBelow(def, where, flow));
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
 * Where a step added after a handle goes when the document places its source: just below the
 * handle. Otherwise none: the automatic layout places it with the rest of the graph, which a
 * fresh layout would not do for a graph the person arranged.
 */
function positionBelow(definition: Definition, place: AddPlace, flow: ReactFlowInstance<StepFlowNode>): Point | undefined {
  if (place.type !== "after") return undefined;
  const stored = readPositions(definition)[place.source];
  const source = flow.getNode(place.source);
  if (!stored || !source) return undefined;
  const width = source.width ?? STEP_SIZE.width;
  const handles = source.data.handles;
  const index = handles.indexOf(place.handle);
  // The plain continuation keeps a chain straight; other exits lead off under their handle.
  const centre = place.handle === "next" || index < 0 ? width / 2 : (width * (index + 1)) / (handles.length + 1);
  return { x: Math.round(stored.x + centre - STEP_SIZE.width / 2), y: Math.round(stored.y + (source.height ?? STEP_SIZE.height) + GAP_BELOW_PX) };
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
