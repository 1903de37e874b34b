/**
 * Keeps the open draft saved (see autosave.ts) and guards leaving it: a navigation in the app
 * waits for the save, and asks before dropping edits that could not be saved; closing or
 * reloading the tab asks while any edit is unsaved, since the page cannot wait for a save then.
 * Text in the JSON editor that makes no definition is never saved: leaving asks before dropping it.
 */
import { TRPCClientError } from "@trpc/client";
import { useEffect, useState } from "react";
import { api, errorMessage } from "../lib/api.ts";
import { guardLeaving } from "../lib/router.ts";
import { Autosaver } from "./autosave.ts";
import { useDesigner } from "./store.ts";

export function useAutosave(name: string): Autosaver {
  const [autosaver] = useState(
    () =>
      new Autosaver(useDesigner, {
        send: async (definition, revision) => {
          const saved = await api.drafts.save.mutate({ name, definition, expectedRevision: revision });
          return saved.revision;
        },
        isConflict: isConflictError,
        describe: errorMessage,
      }),
  );

  useEffect(() => {
    const unsubscribe = useDesigner.subscribe((state, previous) => {
      if (state.definition !== previous.definition || state.saved !== previous.saved) autosaver.changed();
    });
    const removeGuard = guardLeaving((leave) => {
      if (useDesigner.getState().jsonDraft && !window.confirm(UNREAD_JSON_QUESTION)) return false;
      if (!autosaver.hasUnsavedEdits()) return true;
      void autosaver.flush().then((saved) => {
        if (saved || window.confirm(leaveQuestion(useDesigner.getState().saveStatus))) leave();
      });
      return false;
    });
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!autosaver.hasUnsavedEdits() && !useDesigner.getState().jsonDraft) return;
      event.preventDefault();
      // Should the person stay, the edits are saved without waiting for the pause.
      void autosaver.flush();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      unsubscribe();
      removeGuard();
      window.removeEventListener("beforeunload", onBeforeUnload);
      autosaver.dispose();
    };
  }, [autosaver]);

  return autosaver;
}

const UNREAD_JSON_QUESTION = "The text in the JSON editor is not a valid definition, so it is not on the canvas and not saved.\n\nLeave anyway and lose it?";

function leaveQuestion(status: { state: string; reason?: string }): string {
  const why = status.reason ? `: ${status.reason}` : "";
  return `Your latest edits are not saved${why}.\n\nLeave anyway and lose them?`;
}

/** Whether the server refused a change as conflicting with what it stores. */
export function isConflictError(error: unknown): boolean {
  return error instanceof TRPCClientError && (error.data as { code?: string } | undefined)?.code === "CONFLICT";
}
