/** The inspector: the selected node's fields, its id, and the problems that concern it. */
import type { Problem } from "@flowcraft/definition";
import { locateNode, renameNode } from "@flowcraft/definition/editor";
import { useEffect, useState } from "react";
import { KIND_LABELS } from "../kinds.ts";
import { useDesigner } from "../store.ts";
import { ACTIVITY_LIST_ID, NodeForm } from "./node-form.tsx";

export function Inspector({ problems, activities }: { problems: Problem[]; activities: string[] }) {
  const selection = useDesigner((s) => s.selection);
  const definition = useDesigner((s) => s.definition);
  const readOnly = useDesigner((s) => s.readOnly);
  const only = selection.length === 1 ? selection[0]! : null;
  const located = only ? locateNode(definition, only) : null;

  return (
    <aside className="inspector" data-testid="inspector" aria-label="Inspector">
      <datalist id={ACTIVITY_LIST_ID}>
        {activities.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {!located ? (
        <p className="hint">{selection.length > 1 ? `${selection.length} nodes selected.` : "Select a node to edit it."}</p>
      ) : (
        <form onSubmit={(e) => e.preventDefault()} aria-label={`${located.node.type} ${only}`}>
          <h2>{KIND_LABELS[located.node.type]}</h2>
          <fieldset className="inspector-fields" disabled={readOnly !== null} title={readOnly ?? undefined}>
            <IdField id={only!} />
            <NodeForm key={only} id={only!} node={located.node} problems={problems.filter((p) => p.nodeId === only)} />
          </fieldset>
        </form>
      )}
    </aside>
  );
}

/** The node id, renamed on Enter or when leaving the field, since every keystroke would be a rename. */
function IdField({ id }: { id: string }) {
  const edit = useDesigner((s) => s.edit);
  const select = useDesigner((s) => s.select);
  const [text, setText] = useState(id);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(id);
    setError(null);
  }, [id]);
  const commit = () => {
    if (text === id) return;
    const done = edit((def) => {
      const result = renameNode(def, id, text);
      setError(result.ok ? null : result.error);
      return result;
    });
    if (done) select([text]);
  };
  return (
    <div className={`field${error ? " invalid" : ""}`}>
      <label htmlFor="node-id">Id (steps.{id} in expressions)</label>
      <input
        id="node-id"
        data-testid="field-id"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
        }}
      />
      {error && (
        <small className="error" role="alert">
          {error}
        </small>
      )}
    </div>
  );
}
