/**
 * Shown when a save was refused because someone else saved the draft meanwhile. Nothing is
 * decided for the person: they keep their version or take the other one (either way the other
 * stays one Undo away), and may first keep theirs apart, as a copy on the server or a file.
 */
import { useState } from "react";
import type { Definition } from "@flowcraft/definition";
import { api, errorMessage } from "../lib/api.ts";
import { Link } from "../lib/link.tsx";
import type { Autosaver } from "./autosave.ts";
import { downloadDefinition } from "./download.ts";
import "./save-state.css";
import { useDesigner } from "./store.ts";
import { isConflictError } from "./use-autosave.ts";

/** How many numbered names ("-copy-2", "-copy-3", …) to try when a copy's name is taken. */
const COPY_NAME_ATTEMPTS = 20;

export function SaveConflict({ name, autosaver }: { name: string; autosaver: Autosaver }) {
  const status = useDesigner((s) => s.saveStatus);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ copy?: string; error?: string }>({});
  if (status.state !== "conflict") return null;

  const run = async (step: () => Promise<void>) => {
    setBusy(true);
    try {
      await step();
    } catch (error) {
      setOutcome({ error: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const resolve = (choose: (theirs: Definition, revision: number) => void) =>
    run(async () => {
      // The draft as stored now: theirs, or the latest version if it was published or deleted since.
      const stored = await api.drafts.get.query({ name });
      choose(stored.definition as unknown as Definition, stored.revision);
      setOutcome({});
      autosaver.resume();
    });

  const saveCopy = () =>
    run(async () => {
      const copy = await saveAsCopy(name, useDesigner.getState().definition);
      setOutcome({ copy });
    });

  return (
    <div className="save-conflict" role="alert" data-testid="save-conflict">
      <p>
        <strong>Someone else saved this draft after you opened it,</strong> so your latest edits are not saved. They are still here: choose which
        version to keep. The other one stays one Undo away.
      </p>
      <p className="save-conflict-detail">{status.reason}</p>
      <div className="save-conflict-actions">
        <button type="button" data-testid="conflict-keep-mine" disabled={busy} onClick={() => void resolve(useDesigner.getState().keepMine)}>
          Keep mine (overwrite theirs)
        </button>
        <button type="button" data-testid="conflict-take-theirs" disabled={busy} onClick={() => void resolve(useDesigner.getState().takeTheirs)}>
          Take theirs
        </button>
        <button type="button" data-testid="conflict-save-copy" disabled={busy} onClick={() => void saveCopy()}>
          Save mine as a copy
        </button>
        <button type="button" data-testid="conflict-download" onClick={() => downloadDefinition(useDesigner.getState().definition, `${name}-mine.json`)}>
          Download mine
        </button>
      </div>
      {outcome.copy && (
        <p role="status">
          Saved yours as <Link to={{ page: "designer", name: outcome.copy }}>{outcome.copy}</Link>.
        </p>
      )}
      {outcome.error && <p className="error">{outcome.error}</p>}
    </div>
  );
}

/** Stores the definition as a new draft named after the workflow; returns the name it got. */
async function saveAsCopy(name: string, definition: Definition): Promise<string> {
  // Leaves room for the suffix within the 128 characters a workflow name may have.
  const base = `${name.slice(0, 115)}-copy`;
  for (let attempt = 1; attempt <= COPY_NAME_ATTEMPTS; attempt += 1) {
    const candidate = attempt === 1 ? base : `${base}-${attempt}`;
    try {
      await api.drafts.create.mutate({ name: candidate, definition });
      return candidate;
    } catch (error) {
      if (!isConflictError(error)) throw error;
    }
  }
  throw new Error(`${base} and ${COPY_NAME_ATTEMPTS - 1} numbered names after it are taken: download yours instead`);
}
