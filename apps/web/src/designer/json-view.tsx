/**
 * The definition as JSON, editable: another view of the one document. Text that reads as a
 * definition goes to the canvas through the store's `edit` (undoable like any edit) a moment after
 * typing stops; text that does not stays in the editor, marked where it is wrong and listed among
 * the problems, while the canvas keeps its definition. Changes made elsewhere replace the text
 * only where it differs, so the cursor stays put, and never while typed text awaits reading.
 * While the text is the definition, the definition's problems are marked in it as warnings.
 */
import { undo as undoText, redo as redoText } from "@codemirror/commands";
import { json } from "@codemirror/lang-json";
import { lintGutter, setDiagnostics, type Diagnostic } from "@codemirror/lint";
import { Annotation, Compartment, EditorState, Prec, Transaction } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import { basicSetup } from "codemirror";
import { useEffect, useRef } from "react";
import type { Problem } from "@flowcraft/definition";
import { definitionText, problemsInText, readDefinitionText, textChange, type TextProblem } from "./json-text.ts";
import { useDesigner } from "./store.ts";

/** How long typing pauses before the text is read and, when it is a definition, shown on the canvas. */
const READ_DELAY_MS = 300;

/** Marks the editor's own replacements of its text, which need no reading back. */
const fromDocument = Annotation.define<boolean>();

/** Where to put the cursor: a problem's offset, with a count so that the same one can be asked again. */
export interface JsonFocus {
  at: number;
  request: number;
}

interface Editor {
  view: EditorView;
  /** Replaces the text with the definition's, dropping any text that was not read. */
  revert(): void;
  /** Marks the definition's problems, while the text is the definition. */
  showProblems(problems: Problem[]): void;
}

export function JsonView({ focus, problems }: { focus: JsonFocus | null; problems: Problem[] }) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<Editor | null>(null);
  const drafted = useDesigner((s) => s.jsonDraft !== null);
  const readOnly = useDesigner((s) => s.readOnly !== null);

  useEffect(() => {
    const made = createEditor(host.current!);
    editor.current = made.editor;
    return () => {
      editor.current = null;
      made.destroy();
    };
  }, []);

  useEffect(() => editor.current?.showProblems(problems), [problems]);

  useEffect(() => {
    const view = editor.current?.view;
    if (!view || !focus) return;
    const at = Math.min(focus.at, view.state.doc.length);
    view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
    view.focus();
  }, [focus]);

  return (
    <section className="json-view" aria-label="Definition JSON">
      <header>
        <h2>JSON{readOnly ? " (read-only)" : ""}</h2>
        {drafted && (
          <button type="button" data-testid="json-revert" onClick={() => editor.current?.revert()}>
            Revert to canvas
          </button>
        )}
      </header>
      <div className="json-editor" data-testid="json-view" ref={host} />
    </section>
  );
}

function createEditor(parent: HTMLDivElement): { editor: Editor; destroy(): void } {
  const store = useDesigner;
  const initial = store.getState();
  /** The definition the text was last made from or read as. */
  let shown = initial.definition;
  let pending: ReturnType<typeof setTimeout> | undefined;
  /** The definition's latest problems, marked whenever the text is the definition. */
  let problems: Problem[] = [];
  const markProblems = () => {
    if (pending !== undefined || store.getState().jsonDraft) return;
    const text = view.state.doc.toString();
    view.dispatch(setDiagnostics(view.state, problemsInText(text, problems).map((problem) => diagnosticOf(problem, "warning"))));
  };
  const access = new Compartment();
  const accessOf = (readOnly: boolean) => [EditorState.readOnly.of(readOnly), EditorView.contentAttributes.of({ "aria-readonly": String(readOnly) })];

  const read = () => {
    clearTimeout(pending);
    pending = undefined;
    const text = view.state.doc.toString();
    const reading = readDefinitionText(text);
    if (!reading.ok) {
      view.dispatch(setDiagnostics(view.state, reading.problems.map((problem) => diagnosticOf(problem, "error"))));
      store.getState().setJsonDraft({ text, problems: reading.problems });
      return;
    }
    store.getState().setJsonDraft(null);
    const { definition, edit } = store.getState();
    if (JSON.stringify(definition) === JSON.stringify(reading.definition)) {
      shown = definition;
    } else {
      shown = reading.definition;
      edit(() => ({ ok: true, definition: reading.definition }), "json");
    }
    // Until the new definition's problems come, those of the one before.
    markProblems();
  };

  const showText = (text: string) => {
    const change = textChange(view.state.doc.toString(), text);
    // Out of the editor's own undo history: the document's history has this change.
    if (change) view.dispatch({ changes: change, annotations: [fromDocument.of(true), Transaction.addToHistory.of(false)] });
    markProblems();
  };

  /**
   * Undo and redo in the editor: typed text that has not been read yet is undone as text;
   * otherwise the document's undo applies, the same as on the canvas and the toolbar.
   */
  const undoStep = (textStep: typeof undoText, documentStep: () => void) => (target: EditorView) => {
    if (pending !== undefined || store.getState().jsonDraft) return textStep(target);
    documentStep();
    return true;
  };

  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: initial.jsonDraft?.text ?? definitionText(initial.definition),
      extensions: [
        Prec.highest(
          keymap.of([
            { key: "Mod-z", run: undoStep(undoText, () => store.getState().undo()), preventDefault: true },
            { key: "Mod-y", run: undoStep(redoText, () => store.getState().redo()), preventDefault: true },
            { key: "Mod-Shift-z", run: undoStep(redoText, () => store.getState().redo()), preventDefault: true },
          ]),
        ),
        basicSetup,
        json(),
        lintGutter(),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ "aria-label": "Definition JSON" }),
        access.of(accessOf(initial.readOnly !== null)),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          parent.dataset.text = update.state.doc.toString();
          if (update.transactions.every((tr) => tr.annotation(fromDocument))) return;
          clearTimeout(pending);
          pending = setTimeout(read, READ_DELAY_MS);
        }),
      ],
    }),
  });
  parent.dataset.text = view.state.doc.toString();
  if (initial.jsonDraft) view.dispatch(setDiagnostics(view.state, initial.jsonDraft.problems.map((problem) => diagnosticOf(problem, "error"))));

  const unsubscribe = store.subscribe((state, before) => {
    if (state.readOnly !== before.readOnly) view.dispatch({ effects: access.reconfigure(accessOf(state.readOnly !== null)) });
    if (state.definition === before.definition || state.definition === shown) return;
    shown = state.definition;
    // Text being typed, or that does not read, is the person's: it stays until read or reverted.
    if (pending !== undefined || state.jsonDraft) return;
    showText(definitionText(state.definition));
  });

  return {
    editor: {
      view,
      revert: () => {
        clearTimeout(pending);
        pending = undefined;
        store.getState().setJsonDraft(null);
        shown = store.getState().definition;
        showText(definitionText(shown));
      },
      showProblems: (latest) => {
        problems = latest;
        markProblems();
      },
    },
    destroy: () => {
      // Typing not yet read is read now, so closing the view loses none of it.
      if (pending !== undefined) read();
      unsubscribe();
      view.destroy();
    },
  };
}

function diagnosticOf(problem: TextProblem, severity: "error" | "warning"): Diagnostic {
  return { from: problem.from, to: problem.to, severity, message: problem.message };
}
