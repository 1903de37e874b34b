/**
 * The palette: drag a kind onto the canvas (into a container to nest it), or, without a mouse,
 * press Enter on it to add it to the selected container or the top level.
 */
import type { NodeKind } from "@flowcraft/definition";
import { addNode, locateNode, toCanvasModel, TOP_LEVEL, type GraphKey } from "@flowcraft/definition/editor";
import { useReactFlow } from "@xyflow/react";
import { useRefusal } from "../auth/permissions.ts";
import { PALETTE } from "./kinds.ts";
import { FIT_VIEW_OPTIONS, PALETTE_MIME } from "./canvas.tsx";
import { useDesigner } from "./store.ts";

/** Where a node added from the keyboard goes: into the selected container, else the top level. */
function graphForKeyboardAdd(selection: string[]): GraphKey {
  if (selection.length !== 1) return TOP_LEVEL;
  const selected = toCanvasModel(useDesigner.getState().definition).nodes.find((node) => node.id === selection[0]);
  return selected?.contains ?? TOP_LEVEL;
}

/**
 * Calls `reveal` once the automatic layout has placed a node added without a position: the
 * layout puts it beside the rest of its graph, often outside the part of the canvas in view.
 */
function whenPlaced(id: string, reveal: () => void) {
  // An id used before (added, then undone) keeps the place the layout gave it.
  if (useDesigner.getState().layout[id]) {
    window.requestAnimationFrame(reveal);
    return;
  }
  const unsubscribe = useDesigner.subscribe((state) => {
    // Gone before it was placed (undone): nothing to show.
    if (!locateNode(state.definition, id)) return unsubscribe();
    if (!state.layout[id]) return;
    unsubscribe();
    window.requestAnimationFrame(reveal);
  });
}

export function Palette() {
  const edit = useDesigner((s) => s.edit);
  const select = useDesigner((s) => s.select);
  const flow = useReactFlow();
  // Edits that could never be saved are not offered.
  const notDesigner = useRefusal("design");

  const addFromKeyboard = (kind: NodeKind) => {
    let added: string | null = null;
    edit((def) => {
      const result = addNode(def, kind, graphForKeyboardAdd(useDesigner.getState().selection));
      if (result.ok) added = result.id;
      return result;
    });
    if (added) {
      const id: string = added;
      select([id]);
      whenPlaced(id, () => void flow.fitView({ ...FIT_VIEW_OPTIONS, nodes: [{ id }], duration: 200 }));
    }
  };

  return (
    <nav className="palette" aria-label="Node palette">
      <h2>Add a step</h2>
      <ul>
        {PALETTE.map((entry) => (
          <li key={entry.kind}>
            <button
              type="button"
              draggable={notDesigner === null}
              disabled={notDesigner !== null}
              data-testid={`palette-${entry.kind}`}
              title={notDesigner ?? entry.hint}
              aria-label={`Add ${entry.label}`}
              onDragStart={(event) => {
                event.dataTransfer.setData(PALETTE_MIME, entry.kind);
                event.dataTransfer.effectAllowed = "copy";
              }}
              onClick={() => addFromKeyboard(entry.kind)}
            >
              <span className={`palette-icon kind-${entry.kind}`} aria-hidden="true" />
              {entry.label}
            </button>
          </li>
        ))}
      </ul>
      <p className="hint">{notDesigner ? `${notDesigner}.` : "Drag onto the canvas, or click to add to the selected container."}</p>
    </nav>
  );
}
