/**
 * The designer's state. The definition is the one source of truth: the canvas, the inspector and
 * the JSON view are all computed from it, and every change goes through `edit`, which replaces it
 * with the result of a pure edit from @flowcraft/definition/editor and records an undo step.
 * Only what is not part of the document lives beside it: the selection, positions of a drag in
 * progress, and the automatic layout of nodes the document gives no position.
 */
import type { Definition } from "@flowcraft/definition";
import type { EditResult } from "@flowcraft/definition/editor";
import { create } from "zustand";
import type { SaveStatus } from "./autosave.ts";
import { emptyHistory, recordEdit, redo, undo, type EditHistory } from "./history.ts";
import type { JsonDraft } from "./json-text.ts";
import type { Point } from "./geometry.ts";

export interface DesignerState {
  name: string;
  definition: Definition;
  /** The stored draft's revision (0: never saved), sent back on save to detect a concurrent edit. */
  revision: number;
  /** The definition as last saved or loaded: the document is unsaved while they differ. */
  saved: Definition;
  history: EditHistory;
  /** Canvas ids of the selected nodes. */
  selection: string[];
  /** Positions computed by automatic layout for nodes the document does not place. */
  layout: Record<string, Point>;
  /** A message about the latest edit that could not be made, shown until the next edit. */
  notice: string | null;
  /** Why the document may not be changed here (the person lacks the designer role), or null when it may. */
  readOnly: string | null;
  /** Where the draft's automatic saving stands, as the toolbar shows it. */
  saveStatus: SaveStatus;
  /**
   * Text typed in the JSON editor that makes no definition (not JSON, or not the definition's
   * shape), with its problems: kept until it is fixed or reverted, while the canvas keeps the
   * definition it has. Null while the editor's text is the definition.
   */
  jsonDraft: JsonDraft | null;

  load(name: string, definition: Definition, revision: number, readOnly?: string | null): void;
  /** Applies an edit; `key` folds quick repeats (typing in one field) into one undo step. */
  edit(change: (definition: Definition) => EditResult, key?: string): boolean;
  undo(): void;
  redo(): void;
  select(ids: string[]): void;
  setLayout(layout: Record<string, Point>): void;
  markSaved(definition: Definition, revision: number): void;
  setSaveStatus(status: SaveStatus): void;
  setJsonDraft(draft: JsonDraft | null): void;
  /**
   * Resolves a save conflict by showing the other editor's draft, stored at `revision`, as an
   * undoable edit: the definition that could not be saved stays one Undo away.
   */
  takeTheirs(theirs: Definition, revision: number): void;
  /**
   * Resolves a save conflict by keeping this definition, to be saved over the other editor's
   * draft at `revision`; theirs is put in the undo history, so it stays one Undo away.
   */
  keepMine(theirs: Definition, revision: number): void;
}

const EMPTY: Definition = { version: 1, start: "", nodes: {} };

export const useDesigner = create<DesignerState>()((set, get) => ({
  name: "",
  definition: EMPTY,
  revision: 0,
  saved: EMPTY,
  history: emptyHistory(),
  selection: [],
  layout: {},
  notice: null,
  readOnly: null,
  saveStatus: { state: "saved" },
  jsonDraft: null,

  load: (name, definition, revision, readOnly = null) =>
    set({ name, definition, revision, saved: definition, history: emptyHistory(), selection: [], layout: {}, notice: null, readOnly, saveStatus: { state: "saved" }, jsonDraft: null }),

  edit: (change, key) => {
    const { definition, history, readOnly } = get();
    // Every change comes here, whichever control asked: a read-only document stays as it was.
    if (readOnly) {
      set({ notice: readOnly });
      return false;
    }
    const result = change(definition);
    if (!result.ok) {
      set({ notice: result.error });
      return false;
    }
    if (result.definition === definition) return true;
    set({ definition: result.definition, history: recordEdit(history, definition, key, Date.now()), notice: null });
    return true;
  },

  undo: () => {
    const { definition, history } = get();
    const back = undo(history, definition);
    if (back) set({ definition: back.definition, history: back.history, notice: null });
  },

  redo: () => {
    const { definition, history } = get();
    const forward = redo(history, definition);
    if (forward) set({ definition: forward.definition, history: forward.history, notice: null });
  },

  select: (ids) => {
    const current = get().selection;
    if (current.length === ids.length && current.every((id, i) => id === ids[i])) return;
    set({ selection: ids });
  },

  setLayout: (layout) => set({ layout }),

  markSaved: (definition, revision) => set({ saved: definition, revision }),

  setSaveStatus: (saveStatus) => set({ saveStatus }),

  setJsonDraft: (jsonDraft) => set({ jsonDraft }),

  takeTheirs: (theirs, revision) => {
    const { definition, history } = get();
    set({ definition: theirs, saved: theirs, revision, history: recordEdit(history, definition, undefined, Date.now()), notice: null });
  },

  keepMine: (theirs, revision) => {
    // The stored draft is now theirs: saved stays unequal to the definition, so mine is saved next.
    set({ saved: theirs, revision, history: recordEdit(get().history, theirs, undefined, Date.now()) });
  },
}));
