/** The toolbar's word on the draft: saved, about to be, being saved, or why it is not. */
import "./save-state.css";
import { useDesigner } from "./store.ts";

export function SaveStatusIndicator() {
  const status = useDesigner((s) => s.saveStatus);
  const readOnly = useDesigner((s) => s.readOnly);
  if (readOnly) return null;
  const { text, detail } = describe(status);
  return (
    <span className={`save-status save-status-${status.state}`} data-testid="save-status" role="status" title={detail}>
      {text}
    </span>
  );
}

function describe(status: ReturnType<typeof useDesigner.getState>["saveStatus"]): { text: string; detail?: string } {
  switch (status.state) {
    case "saved":
      return { text: "Saved", detail: "Every edit is saved in the draft" };
    case "pending":
      return { text: "Unsaved edits", detail: "Saved automatically a moment after the last edit" };
    case "saving":
      return { text: "Saving…" };
    case "failed":
      // The reason is shown, not only hinted: the person decides whether to wait or keep a copy.
      return { text: `Not saved: ${status.reason}`, detail: `${status.reason}. Retrying automatically; your edits stay on this page, and Save now retries at once` };
    case "conflict":
      return { text: "Conflict: not saved", detail: status.reason };
  }
}
