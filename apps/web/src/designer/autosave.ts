/**
 * Saving the draft without being asked: shortly after the last edit, at once when leaving, and
 * again after a failure, with the state shown in the toolbar. The page keeps the definition
 * whatever happens, so a failed save loses nothing while the page stays open. A save refused
 * because someone else saved meanwhile is not retried: only the person can choose whose edits win.
 */
import type { Definition } from "@flowcraft/definition";
import type { StoreApi } from "zustand";
import type { DesignerState } from "./store.ts";

export type SaveStatus =
  | { state: "saved" }
  /** Edits wait for the pause after the last one. */
  | { state: "pending" }
  | { state: "saving" }
  | { state: "failed"; reason: string }
  | { state: "conflict"; reason: string };

/** Quiet time after the last edit before saving: long enough to fold a burst of typing into one save. */
export const SAVE_DELAY_MS = 1_000;
/** Waits before retrying a failed save, the last repeated: soon at first, then sparing the server. */
export const RETRY_DELAYS_MS = [2_000, 5_000, 15_000, 30_000];

export interface DraftSaving {
  /** Stores the definition as the revision after `revision`; resolves with the new revision. */
  send(definition: Definition, revision: number): Promise<number>;
  /** Whether the error is a refusal because the stored draft is no longer at `revision`. */
  isConflict(error: unknown): boolean;
  describe(error: unknown): string;
}

export class Autosaver {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sending: Promise<boolean> | null = null;
  private failures = 0;

  constructor(
    private readonly store: StoreApi<DesignerState>,
    private readonly saving: DraftSaving,
  ) {}

  /**
   * Whether leaving now would drop edits: unsaved, or still on their way. A read-only page has
   * none to drop: whatever differs there (a definition the page brought up to date on opening)
   * could not be saved anyway, and asking would only trap the person on the page.
   */
  hasUnsavedEdits(): boolean {
    const { definition, saved, readOnly } = this.store.getState();
    return readOnly === null && definition !== saved;
  }

  /** Call after every change of the definition or of what is stored: schedules the next save. */
  changed() {
    const { readOnly, saveStatus } = this.store.getState();
    if (readOnly || saveStatus.state === "conflict") return;
    if (!this.hasUnsavedEdits()) {
      this.cancelTimer();
      if (!this.sending) this.setStatus({ state: "saved" });
      return;
    }
    // A failed save keeps saying so until a retry succeeds; the retry is already scheduled.
    if (saveStatus.state === "failed") return;
    if (!this.sending) this.setStatus({ state: "pending" });
    this.schedule(SAVE_DELAY_MS);
  }

  /** Saves every edit now; resolves false when they could not all be saved. */
  async flush(): Promise<boolean> {
    this.cancelTimer();
    for (;;) {
      if (this.sending) await this.sending;
      if (this.store.getState().saveStatus.state === "conflict") return false;
      if (!this.hasUnsavedEdits()) return true;
      if (!(await this.saveOnce())) return false;
    }
  }

  /** After a conflict was resolved: saves again from the revision now known. */
  resume() {
    this.failures = 0;
    this.setStatus({ state: this.hasUnsavedEdits() ? "pending" : "saved" });
    this.changed();
  }

  dispose() {
    this.cancelTimer();
  }

  private saveOnce(): Promise<boolean> {
    const { definition, revision } = this.store.getState();
    this.setStatus({ state: "saving" });
    this.sending = this.saving.send(definition, revision).then(
      (newRevision) => {
        this.failures = 0;
        this.sending = null;
        this.store.getState().markSaved(definition, newRevision);
        // Edits made while this save was on its way are still to be saved.
        this.setStatus({ state: this.hasUnsavedEdits() ? "pending" : "saved" });
        return true;
      },
      (error: unknown) => {
        this.sending = null;
        const reason = this.saving.describe(error);
        if (this.saving.isConflict(error)) {
          this.cancelTimer();
          this.setStatus({ state: "conflict", reason });
        } else {
          this.setStatus({ state: "failed", reason });
          this.schedule(RETRY_DELAYS_MS[Math.min(this.failures, RETRY_DELAYS_MS.length - 1)]!);
          this.failures += 1;
        }
        return false;
      },
    );
    return this.sending;
  }

  private schedule(delay: number) {
    this.cancelTimer();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, delay);
  }

  private cancelTimer() {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private setStatus(status: SaveStatus) {
    this.store.getState().setSaveStatus(status);
  }
}
