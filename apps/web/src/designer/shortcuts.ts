/**
 * Keyboard shortcuts of the designer. Inside text fields the browser's own undo and copy apply
 * (and Ctrl/Cmd+K stays the field's), so the designer's are only taken when focus is elsewhere.
 */
import { copyNodes, locateNode, pasteNodes, type Clipboard, type GraphKey } from "@flowcraft/definition/editor";
import { useEffect } from "react";
import { useDesigner } from "./store.ts";

/** Offset of pasted nodes from the originals, so the copy is visible beside them. */
const PASTE_OFFSET = { x: 40, y: 40 };

let clipboard: { nodes: Clipboard; graph: GraphKey } | null = null;

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.tagName === "INPUT" || element.tagName === "TEXTAREA" || element.tagName === "SELECT" || element.isContentEditable);
}

/** Ctrl/Cmd+S saves, Ctrl/Cmd+K opens the command palette, and undo, redo, copy and paste act on the canvas. */
export function useDesignerShortcuts(onSave: () => void, onCommandPalette: () => void) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (!mod) return;
      const key = event.key.toLowerCase();
      if (key === "s") {
        event.preventDefault();
        onSave();
        return;
      }
      if (isTyping(event.target)) return;
      const state = useDesigner.getState();
      if (key === "k") {
        event.preventDefault();
        onCommandPalette();
      } else if (key === "z" && !event.shiftKey) {
        event.preventDefault();
        state.undo();
      } else if ((key === "z" && event.shiftKey) || key === "y") {
        event.preventDefault();
        state.redo();
      } else if (key === "c") {
        const ids = state.selection.filter((id) => locateNode(state.definition, id));
        if (ids.length === 0) return;
        // Nodes the automatic layout placed are copied with the place they are shown at.
        clipboard = { nodes: copyNodes(state.definition, ids, state.layout), graph: locateNode(state.definition, ids[0]!)!.graph };
      } else if (key === "v" && clipboard) {
        event.preventDefault();
        const copied = clipboard;
        let pasted: string[] = [];
        state.edit((def) => {
          const result = pasteNodes(def, copied.nodes, locateGraph(def, copied.graph), PASTE_OFFSET);
          if (result.ok) pasted = result.ids;
          return result;
        });
        if (pasted.length > 0) state.select(pasted);
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [onSave, onCommandPalette]);
}

/** The copied nodes' graph if it still exists, else the top level. */
function locateGraph(definition: Parameters<typeof locateNode>[0], graph: GraphKey): GraphKey {
  if (graph === "") return "";
  const container = graph.split("#")[0]!;
  return locateNode(definition, container) ? graph : "";
}
