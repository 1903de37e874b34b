/**
 * The palette: drag a kind onto the canvas (into a container to nest it), or click it (Enter
 * without a mouse) to add it after the selected step, connected (placeAfterSelection says where).
 */
import { createNode } from "@flowcraft/definition/editor";
import { useRefusal } from "../auth/permissions.ts";
import { useAddStep } from "./add-step.ts";
import { PALETTE_MIME } from "./canvas.tsx";
import { PALETTE } from "./kinds.ts";

export function Palette() {
  const addStep = useAddStep();
  // Edits that could never be saved are not offered.
  const notDesigner = useRefusal("design");

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
              onClick={() => addStep(createNode(entry.kind))}
            >
              <span className={`palette-icon kind-${entry.kind}`} aria-hidden="true" />
              {entry.label}
            </button>
          </li>
        ))}
      </ul>
      <p className="hint">{notDesigner ? `${notDesigner}.` : "Click to add after the selected step, or drag onto the canvas. Ctrl/Cmd+K finds any step or command."}</p>
    </nav>
  );
}
