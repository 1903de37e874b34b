/** The designer: palette, canvas, inspector, problems and the JSON view of one workflow draft. */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ReactFlowProvider } from "@xyflow/react";
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import { useRefusal } from "../auth/permissions.ts";
import { api, errorMessage } from "../lib/api.ts";
import { Link } from "../lib/link.tsx";
import { Canvas } from "./canvas.tsx";
import { CommandPalette } from "./command-palette.tsx";
import { useDesignerCommands, type DesignerActions } from "./commands.ts";
import { Inspector } from "./inspector/inspector.tsx";
import type { TextProblem } from "./json-text.ts";
import type { JsonFocus } from "./json-view.tsx";
import { Palette } from "./palette.tsx";
import { ProblemsPanel } from "./problems-panel.tsx";
import { useProblems } from "./problems.ts";
import { useRefitOnResize } from "./refit-on-resize.ts";
import { RunDialog } from "./run-dialog.tsx";
import { RetentionPanel } from "./retention-panel.tsx";
import { SchedulesPanel } from "./schedules-panel.tsx";
import { SideResizer } from "./side-resizer.tsx";
import { SaveConflict } from "./save-conflict.tsx";
import { StepPicker } from "./step-picker.tsx";
import { TestRunBar } from "./test-run-bar.tsx";
import { useDesignerShortcuts } from "./shortcuts.ts";
import { useDesigner } from "./store.ts";
import { isDefinitionLike, Toolbar } from "./toolbar.tsx";
import { useAutosave } from "./use-autosave.ts";
import { VersionsPanel } from "./versions-panel.tsx";
import { WebhooksPanel } from "./webhooks-panel.tsx";

export function DesignerPage({ name }: { name: string }) {
  // Not kept once the designer closes: its edits are saved since, and reopening must show them.
  const draft = useQuery({ queryKey: ["draft", name], queryFn: () => api.drafts.get.query({ name }), retry: false, refetchOnWindowFocus: false, gcTime: 0 });
  const loadedName = useDesigner((s) => s.name);
  const load = useDesigner((s) => s.load);
  const notDesigner = useRefusal("design");

  useEffect(() => {
    if (draft.data) load(name, draft.data.definition as never, draft.data.revision, notDesigner);
  }, [draft.data, name, load, notDesigner]);

  if (draft.isError) {
    return (
      <main className="page">
        <p role="alert">Could not open {name}: {errorMessage(draft.error)}</p>
        <Link to={{ page: "workflows" }}>Back to workflows</Link>
      </main>
    );
  }
  if (!draft.data || loadedName !== name) return <main className="page">Loading…</main>;
  return (
    <ReactFlowProvider>
      <Designer name={name} />
    </ReactFlowProvider>
  );
}

const NO_TEXT_PROBLEMS: TextProblem[] = [];

// The code editor is fetched when the JSON view is first opened, not with the app.
const JsonView = lazy(() => import("./json-view.tsx").then((module) => ({ default: module.JsonView })));

function Designer({ name }: { name: string }) {
  const activities = useQuery({ queryKey: ["activities"], queryFn: () => api.activities.list.query() });
  const problems = useProblems(activities.data);
  const textProblems = useDesigner((s) => s.jsonDraft?.problems ?? NO_TEXT_PROBLEMS);
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: "info" | "error"; text: string } | null>(null);
  const [showJson, setShowJson] = useState(false);
  const [jsonFocus, setJsonFocus] = useState<JsonFocus | null>(null);
  const [sideWidth, setSideWidth] = useState<number | null>(null);
  const refitOnResize = useRefitOnResize();
  const [showVersions, setShowVersions] = useState(false);
  const [showWebhooks, setShowWebhooks] = useState(false);
  const [showSchedules, setShowSchedules] = useState(false);
  const [showRetention, setShowRetention] = useState(false);
  const [running, setRunning] = useState(false);
  const [testRun, setTestRun] = useState<string | null>(null);
  const [commandPalette, setCommandPalette] = useState(false);
  const importInput = useRef<HTMLInputElement>(null);
  const notice = useDesigner((s) => s.notice);

  const autosaver = useAutosave(name);
  const save = useCallback(async () => {
    const { readOnly } = useDesigner.getState();
    // The save button is disabled; the shortcut says why rather than sending a refused request.
    if (readOnly) {
      setMessage({ kind: "error", text: readOnly });
      return;
    }
    // Drafts save themselves; this saves without waiting, and the toolbar shows how it went.
    setBusy(true);
    await autosaver.flush();
    setBusy(false);
  }, [autosaver]);
  const openCommandPalette = useCallback(() => setCommandPalette(true), []);
  useDesignerShortcuts(save, openCommandPalette);

  /** Publishes the draft; the version it is now, or null when refused (the message says why). */
  const publish = async (): Promise<number | null> => {
    setBusy(true);
    // Publishing names the draft's revision: a save still on its way would make it look stale.
    await autosaver.flush();
    const { definition } = useDesigner.getState();
    try {
      const result = await api.workflows.publish.mutate({ name, definition, expectedRevision: useDesigner.getState().revision });
      useDesigner.getState().markSaved(definition, 0);
      await queryClient.invalidateQueries({ queryKey: ["versions", name] });
      setMessage({
        kind: "info",
        text: result.created ? `Published version ${result.version.version}.` : `Unchanged: version ${result.version.version} is already this definition.`,
      });
      return result.version.version;
    } catch (error) {
      setMessage({ kind: "error", text: errorMessage(error) });
      return null;
    } finally {
      setBusy(false);
    }
  };

  const importDefinition = (value: unknown) => {
    if (value instanceof Error || !isDefinitionLike(value)) {
      setMessage({ kind: "error", text: value instanceof Error ? value.message : "The file is not a workflow definition: it has no nodes object." });
      return;
    }
    useDesigner.getState().edit(() => ({ ok: true, definition: value }));
    useDesigner.getState().select([]);
    // A new document: laid out afresh and the view fitted to it, as when a workflow is opened.
    useDesigner.getState().setLayout({});
    setMessage({ kind: "info", text: "Imported: review the problems, then save or publish." });
  };

  const toggleJson = (show: boolean) => {
    if (show !== showJson) refitOnResize();
    setShowJson(show);
  };
  const showTextProblem = (problem: TextProblem) => {
    toggleJson(true);
    setJsonFocus((last) => ({ at: problem.from, request: (last?.request ?? 0) + 1 }));
  };

  const actions: DesignerActions = {
    canPublish: problems.length + textProblems.length === 0,
    problemCount: problems.length + textProblems.length,
    busy,
    onSave: () => void save(),
    onPublish: () => void publish(),
    onRun: () => setRunning(true),
    onImport: importDefinition,
    importInput,
    showJson,
    onToggleJson: () => toggleJson(!showJson),
    onToggleVersions: () => setShowVersions((v) => !v),
    onToggleWebhooks: () => setShowWebhooks((v) => !v),
    onToggleSchedules: () => setShowSchedules((v) => !v),
  };
  const commands = useDesignerCommands(actions);

  return (
    <div className="designer">
      <header className="designer-header">
        <Link to={{ page: "workflows" }}>Workflows</Link> / <h1 title={name}>{name}</h1>
        <Toolbar {...actions} />
      </header>
      {(message || notice) && (
        <div className={`message ${notice ? "error" : message!.kind}`} role="status" data-testid="message">
          {notice ?? message!.text}
        </div>
      )}
      <SaveConflict name={name} autosaver={autosaver} />
      <div className="designer-body">
        <Palette />
        <div className="designer-center">
          {testRun && <TestRunBar key={testRun} instanceId={testRun} onClose={() => setTestRun(null)} />}
          <Canvas problems={problems} />
          <ProblemsPanel problems={problems} textProblems={textProblems} onTextProblem={showTextProblem} />
        </div>
        {showJson && <SideResizer width={sideWidth} onResize={setSideWidth} />}
        <div className={`designer-side${showJson ? " with-json" : ""}`} style={showJson && sideWidth ? { width: sideWidth } : undefined}>
          <Inspector problems={problems} activities={activities.data ?? []} />
          {showVersions && <VersionsPanel name={name} onClose={() => setShowVersions(false)} />}
          {showSchedules && <SchedulesPanel name={name} onClose={() => setShowSchedules(false)} />}
          {showWebhooks && <WebhooksPanel name={name} onClose={() => setShowWebhooks(false)} />}
          {showRetention && <RetentionPanel name={name} onClose={() => setShowRetention(false)} />}
          {/* At the foot of the side column rather than in the toolbar, which has no room left at 1280 px. */}
          {!(showSchedules && showWebhooks && showRetention) && (
            <div className="side-section-toggles">
              {!showSchedules && (
                <button type="button" className="side-section-toggle" data-testid="toggle-schedules" onClick={() => setShowSchedules(true)} title="When this workflow starts on its own">
                  Schedules ▸
                </button>
              )}
              {!showWebhooks && (
                <button type="button" className="side-section-toggle" data-testid="toggle-webhooks" onClick={() => setShowWebhooks(true)} title="URLs other systems call to start this workflow or report to its instances">
                  Webhooks ▸
                </button>
              )}
              {!showRetention && (
                <button type="button" className="side-section-toggle" data-testid="toggle-retention" onClick={() => setShowRetention(true)} title="How long ended instances are kept">
                  Retention ▸
                </button>
              )}
            </div>
          )}
          {showJson && (
            <Suspense fallback={<section className="json-view" aria-label="Definition JSON" aria-busy="true" />}>
              <JsonView focus={jsonFocus} problems={problems} />
            </Suspense>
          )}
        </div>
      </div>
      {running && (
        <RunDialog
          name={name}
          onPublish={publish}
          onTestRun={(instanceId) => {
            setRunning(false);
            setTestRun(instanceId);
          }}
          onClose={() => setRunning(false)}
        />
      )}
      <StepPicker activities={activities.data ?? []} />
      {commandPalette && <CommandPalette commands={commands} activities={activities.data ?? []} onClose={() => setCommandPalette(false)} />}
    </div>
  );
}
