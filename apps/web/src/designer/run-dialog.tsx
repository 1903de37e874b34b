/**
 * "Run": the input as JSON, checked as you type, and what it starts said plainly. A draft that is
 * the latest published version runs that version; any other draft (edited since, or never
 * published) is either published and then run, or test-run as it is on screen.
 */
import type { Problem } from "@flowcraft/definition";
import { useQuery } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useId, useState } from "react";
import { useRefusal } from "../auth/permissions.ts";
import { api, errorMessage } from "../lib/api.ts";
import { navigate } from "../lib/router.ts";
import { runChoiceOf, type RunChoice } from "./run-choice.ts";
import { useDesigner } from "./store.ts";

export interface RunDialogProps {
  name: string;
  /** Publishes the draft as the designer's Publish does; the version published, or null when refused (the designer says why). */
  onPublish(): Promise<number | null>;
  /** A test run has started: the designer follows it. */
  onTestRun(instanceId: string): void;
  onClose(): void;
}

export function RunDialog({ name, onPublish, onTestRun, onClose }: RunDialogProps) {
  const draft = useDesigner((s) => s.definition);
  const latest = useQuery({ queryKey: ["latest-version", name], queryFn: () => latestVersion(name), gcTime: 0, retry: false });
  const choice = latest.data === undefined ? null : runChoiceOf(draft, latest.data);
  const notDesigner = useRefusal("design");
  const notTester = useRefusal("testRun");
  const [text, setText] = useState("{}");
  const [error, setError] = useState<{ message: string; problems: Problem[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  let parseError: string | null = null;
  try {
    JSON.parse(text);
  } catch (e) {
    parseError = `not valid JSON: ${(e as Error).message}`;
  }

  const attempt = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError({ message: errorMessage(e), problems: problemsOf(e) });
      setBusy(false);
    }
  };
  const startVersion = async (version: number) => {
    const instance = await api.instances.start.mutate({ workflowName: name, input: JSON.parse(text), version });
    navigate({ page: "instance", id: instance.instanceId });
  };
  const publishAndStart = () =>
    attempt(async () => {
      const version = await onPublish();
      if (version === null) return onClose();
      await startVersion(version);
    });
  const testRun = () =>
    attempt(async () => {
      const instance = await api.instances.startTest.mutate({ workflowName: name, definition: useDesigner.getState().definition, input: JSON.parse(text) });
      onTestRun(instance.instanceId);
    });
  const blocked = busy || parseError !== null;

  return (
    <div className="dialog-backdrop" role="presentation" onKeyDown={(e) => e.key === "Escape" && onClose()}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} data-testid="run-dialog">
        <h2 id={`${id}-title`}>
          Run {name}
          {choice?.kind === "published" && ` v${choice.version}`}
        </h2>
        {latest.isError && <p className="error">Could not tell which version is published: {errorMessage(latest.error)}</p>}
        {!latest.isError && !choice && <p className="hint">Finding the published version…</p>}
        {choice && <RunWords name={name} choice={choice} />}
        <label htmlFor={`${id}-input`}>Input (JSON)</label>
        <textarea id={`${id}-input`} data-testid="run-input" rows={10} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} autoFocus />
        {parseError && <p className="error" role="alert">{parseError}</p>}
        {error && (
          <div className="error" role="alert">
            <p>{error.message}</p>
            {error.problems.length > 0 && (
              <ul data-testid="run-problems">
                {error.problems.map((problem) => (
                  <li key={`${problem.path}:${problem.message}`}>
                    {problem.nodeId && <code>{problem.nodeId}</code>} {problem.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          {choice?.kind === "published" && (
            <button type="button" className="primary" data-testid="run-start" disabled={blocked} onClick={() => void attempt(() => startVersion(choice.version))}>
              Start v{choice.version}
            </button>
          )}
          {choice?.kind === "draft" && (
            <>
              <button type="button" data-testid="run-test" disabled={blocked || notTester !== null} title={notTester ?? "Run the draft as it is, unpublished, with its real activities; you stay here and see its progress on the canvas"} onClick={() => void testRun()}>
                Test run of this draft
              </button>
              <button type="button" className="primary" data-testid="run-publish-and-start" disabled={blocked || notDesigner !== null} title={notDesigner ?? undefined} onClick={() => void publishAndStart()}>
                Publish v{choice.next} and run
              </button>
            </>
          )}
        </div>
      </div>
    </div>
  );
}

/** What the draft is, then what each choice does. */
function RunWords({ name, choice }: { name: string; choice: RunChoice }) {
  if (choice.kind === "published") return <p data-testid="run-hint">Starts an instance of version {choice.version}, which is the draft on screen.</p>;
  return (
    <div data-testid="run-hint">
      <p>
        <strong>{choice.published === null ? `${name} has never been published.` : `The draft differs from the published v${choice.published}.`}</strong>
      </p>
      <p className="hint">
        Publish it as v{choice.next} and run that version, or make a test run of the draft as it is, unpublished: it runs its real activities, you stay in the designer to
        watch it, and it is kept out of the instances list.
      </p>
    </div>
  );
}

/** The latest published version, or null when there is none. */
async function latestVersion(name: string) {
  try {
    return await api.workflows.get.query({ name });
  } catch (error) {
    if (error instanceof TRPCClientError && error.data?.code === "NOT_FOUND") return null;
    throw error;
  }
}

/** The problems the server named, at their nodes, when it refused a definition. */
function problemsOf(error: unknown): Problem[] {
  return error instanceof TRPCClientError ? ((error.data as { problems?: Problem[] | null } | undefined)?.problems ?? []) : [];
}
