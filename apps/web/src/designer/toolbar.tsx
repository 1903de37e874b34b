/** The designer's commands: save, publish, run, undo/redo, layout, import and export. */
import type { Definition } from "@flowcraft/definition";
import { useReactFlow } from "@xyflow/react";
import { useRefusal } from "../auth/permissions.ts";
import { FIT_VIEW_OPTIONS } from "./canvas.tsx";
import { exportDefinition, RUN_HINT, useAutoLayout, type DesignerActions } from "./commands.ts";
import { SaveStatusIndicator } from "./save-status.tsx";
import { useDesigner } from "./store.ts";

export function Toolbar(props: DesignerActions) {
  const canUndo = useDesigner((s) => s.history.past.length > 0);
  const canRedo = useDesigner((s) => s.history.future.length > 0);
  const undo = useDesigner((s) => s.undo);
  const redo = useDesigner((s) => s.redo);
  const notDesigner = useRefusal("design");
  const notOperator = useRefusal("operate");
  const flow = useReactFlow();
  const autoLayout = useAutoLayout();

  return (
    <div className="toolbar" role="toolbar" aria-label="Designer commands">
      <button type="button" data-testid="undo" onClick={undo} disabled={!canUndo} title="Undo (Ctrl/Cmd+Z)">
        Undo
      </button>
      <button type="button" data-testid="redo" onClick={redo} disabled={!canRedo} title="Redo (Shift+Ctrl/Cmd+Z)">
        Redo
      </button>
      <button type="button" data-testid="auto-layout" onClick={() => void autoLayout()} disabled={notDesigner !== null} title={notDesigner ?? undefined}>
        Auto layout
      </button>
      <button type="button" data-testid="fit-view" onClick={() => void flow.fitView({ ...FIT_VIEW_OPTIONS, duration: 200 })}>
        Fit view
      </button>
      <span className="separator" />
      <button type="button" data-testid="import" onClick={() => props.importInput.current?.click()} disabled={notDesigner !== null} title={notDesigner ?? undefined}>
        Import
      </button>
      <input
        ref={props.importInput}
        type="file"
        accept="application/json,.json"
        hidden
        data-testid="import-file"
        aria-label="Definition file to import"
        onChange={async (event) => {
          const file = event.target.files?.[0];
          event.target.value = "";
          if (!file) return;
          let parsed: unknown;
          try {
            parsed = JSON.parse(await file.text());
          } catch (error) {
            props.onImport(new Error(`${file.name} is not JSON: ${(error as Error).message}`));
            return;
          }
          props.onImport(parsed);
        }}
      />
      <button type="button" data-testid="export" onClick={exportDefinition}>
        Export
      </button>
      <button type="button" data-testid="toggle-json" aria-pressed={props.showJson} onClick={props.onToggleJson}>
        JSON
      </button>
      <button type="button" data-testid="toggle-versions" onClick={props.onToggleVersions}>
        Versions
      </button>
      <span className="separator" />
      <SaveStatusIndicator />
      <button type="button" data-testid="save" onClick={props.onSave} disabled={props.busy || notDesigner !== null} title={notDesigner ?? "Save the draft now (Ctrl/Cmd+S); it also saves itself after each edit"}>
        Save now
      </button>
      <button
        type="button"
        data-testid="publish"
        className="primary"
        onClick={props.onPublish}
        disabled={props.busy || !props.canPublish || notDesigner !== null}
        title={notDesigner ?? (props.canPublish ? "Publish a new version" : `Fix ${props.problemCount} problem(s) to publish`)}
      >
        Publish
      </button>
      <button type="button" data-testid="run" onClick={props.onRun} disabled={props.busy || notOperator !== null} title={notOperator ?? RUN_HINT}>
        Run
      </button>
    </div>
  );
}

/** True when the definition is a plausible document to open: the editor copes with the rest. */
export function isDefinitionLike(value: unknown): value is Definition {
  return typeof value === "object" && value !== null && !Array.isArray(value) && typeof (value as { nodes?: unknown }).nodes === "object";
}
