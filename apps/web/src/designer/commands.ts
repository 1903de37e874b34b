/**
 * The designer's commands, one handler each: the toolbar's buttons and the command palette run
 * the same ones, and are unavailable for the same reasons.
 */
import { setPositions, toCanvasModel } from "@flowcraft/definition/editor";
import { useReactFlow } from "@xyflow/react";
import type { RefObject } from "react";
import { useRefusal } from "../auth/permissions.ts";
import { FIT_VIEW_OPTIONS } from "./canvas.tsx";
import { downloadDefinition } from "./download.ts";
import { layoutModel } from "./layout.ts";
import { useDesigner } from "./store.ts";

/** What the designer page does for the toolbar and the command palette. */
export interface DesignerActions {
  canPublish: boolean;
  problemCount: number;
  busy: boolean;
  onSave(): void;
  onPublish(): void;
  onRun(): void;
  onImport(definition: unknown): void;
  /** The hidden file field that Import opens. */
  importInput: RefObject<HTMLInputElement | null>;
  showJson: boolean;
  onToggleJson(): void;
  onToggleVersions(): void;
  onToggleSchedules(): void;
  onToggleWebhooks(): void;
}

/** What Run does, as its button and its command say. */
export const RUN_HINT = "Start an instance: of the published version, or a test run of the draft";

/** A command of the palette. */
export interface DesignerCommand {
  id: string;
  label: string;
  hint?: string;
  /** Why it cannot run now; undefined when it can. */
  unavailable?: string;
  run(): void;
}

/** Lays the whole graph out again, stored in the document, and fits the view to it. */
export function useAutoLayout(): () => Promise<void> {
  const flow = useReactFlow();
  return async () => {
    const { definition, edit } = useDesigner.getState();
    const positions = await layoutModel(toCanvasModel(definition));
    edit((def) => setPositions(def, positions));
    window.requestAnimationFrame(() => void flow.fitView({ ...FIT_VIEW_OPTIONS, duration: 200 }));
  };
}

/** Downloads the definition as <workflow name>.json. */
export function exportDefinition() {
  const { name, definition } = useDesigner.getState();
  downloadDefinition(definition, `${name}.json`);
}

/** Every command, in the order the toolbar shows them. */
export function useDesignerCommands(actions: DesignerActions): DesignerCommand[] {
  const canUndo = useDesigner((s) => s.history.past.length > 0);
  const canRedo = useDesigner((s) => s.history.future.length > 0);
  const notDesigner = useRefusal("design") ?? undefined;
  const notOperator = useRefusal("operate") ?? undefined;
  const autoLayout = useAutoLayout();
  const flow = useReactFlow();
  const busy = actions.busy ? "Busy: wait for the save or publish under way" : undefined;
  return [
    { id: "undo", label: "Undo", hint: "Ctrl/Cmd+Z", unavailable: canUndo ? undefined : "Nothing to undo", run: () => useDesigner.getState().undo() },
    { id: "redo", label: "Redo", hint: "Shift+Ctrl/Cmd+Z", unavailable: canRedo ? undefined : "Nothing to redo", run: () => useDesigner.getState().redo() },
    { id: "auto-layout", label: "Auto layout", unavailable: notDesigner, run: () => void autoLayout() },
    { id: "fit-view", label: "Fit view", run: () => void flow.fitView({ ...FIT_VIEW_OPTIONS, duration: 200 }) },
    { id: "import", label: "Import a definition file", unavailable: notDesigner, run: () => actions.importInput.current?.click() },
    { id: "export", label: "Export as JSON file", run: exportDefinition },
    { id: "toggle-json", label: actions.showJson ? "Hide JSON" : "Show JSON", run: actions.onToggleJson },
    { id: "toggle-versions", label: "Show or hide versions", run: actions.onToggleVersions },
    { id: "toggle-schedules", label: "Show or hide schedules", run: actions.onToggleSchedules },
    { id: "toggle-webhooks", label: "Show or hide webhooks", run: actions.onToggleWebhooks },
    { id: "save", label: "Save now", hint: "Ctrl/Cmd+S", unavailable: busy ?? notDesigner, run: actions.onSave },
    {
      id: "publish",
      label: "Publish",
      unavailable: busy ?? notDesigner ?? (actions.canPublish ? undefined : `Fix ${actions.problemCount} problem(s) to publish`),
      run: actions.onPublish,
    },
    { id: "run", label: "Run", hint: RUN_HINT, unavailable: busy ?? notOperator, run: actions.onRun },
  ];
}
