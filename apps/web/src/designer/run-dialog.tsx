/** "Run": the input as JSON, checked as you type, then a new instance of the published workflow. */
import { useId, useState } from "react";
import { api, errorMessage } from "../lib/api.ts";
import { navigate } from "../lib/router.ts";

export function RunDialog({ name, onClose }: { name: string; onClose(): void }) {
  const [text, setText] = useState("{}");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  let parseError: string | null = null;
  try {
    JSON.parse(text);
  } catch (e) {
    parseError = `not valid JSON: ${(e as Error).message}`;
  }

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const instance = await api.instances.start.mutate({ workflowName: name, input: JSON.parse(text) });
      navigate({ page: "instance", id: instance.instanceId });
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <div className="dialog-backdrop" role="presentation" onKeyDown={(e) => e.key === "Escape" && onClose()}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} data-testid="run-dialog">
        <h2 id={`${id}-title`}>Run {name}</h2>
        <p className="hint">Starts an instance of the latest published version.</p>
        <label htmlFor={`${id}-input`}>Input (JSON)</label>
        <textarea id={`${id}-input`} data-testid="run-input" rows={10} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} autoFocus />
        {parseError && <p className="error" role="alert">{parseError}</p>}
        {error && <p className="error" role="alert">{error}</p>}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" data-testid="run-start" disabled={busy || parseError !== null} onClick={() => void start()}>
            Start instance
          </button>
        </div>
      </div>
    </div>
  );
}
