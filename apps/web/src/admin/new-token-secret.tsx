/** A new token's secret: shown this once, with a copy button, since the server keeps only its digest. */
import { useClipboard } from "../lib/clipboard.ts";

export function NewTokenSecret({ name, secret, onDone }: { name: string; secret: string; onDone(): void }) {
  const { outcome, copy } = useClipboard();
  return (
    <div className="token-secret" role="region" aria-label={`Secret of the new token ${name}`} data-testid="new-token">
      <p className="warning" id="token-secret-warning">
        Copy the secret of <strong>{name}</strong> now: it will not be shown again.
      </p>
      <code data-testid="token-secret" aria-describedby="token-secret-warning">
        {secret}
      </code>
      <div className="token-secret-actions">
        <button type="button" data-testid="copy-token-secret" onClick={() => copy(secret)}>
          Copy
        </button>
        <button type="button" data-testid="dismiss-token-secret" onClick={onDone}>
          Done, I have stored it
        </button>
        {outcome && (
          <span className="hint" role="status">
            {outcome === "copied" ? "Copied." : "Could not copy: select the secret and copy it by hand."}
          </span>
        )}
      </div>
    </div>
  );
}
