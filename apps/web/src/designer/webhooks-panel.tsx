/**
 * The workflow's webhooks: their kind, signature style and, for admins, the requests they
 * refused; create, rotate and delete. A URL (and a signing secret the server made) is shown once,
 * right after create or rotate, since the server keeps only its digest.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useRefusal } from "../auth/permissions.ts";
import { api, errorMessage } from "../lib/api.ts";
import { useClipboard } from "../lib/clipboard.ts";
import { fullTime } from "../instances/full-time.ts";

type Kind = "start" | "event";
type Signature = "none" | "github" | "stripe";

/** What the server showed this once: the full URL, and a signing secret it made. */
interface Revealed {
  id: string;
  url: string;
  signingSecret?: string;
}

const SIGNATURE_WORDS: Record<Signature, string> = { none: "none", github: "GitHub (X-Hub-Signature-256)", stripe: "Stripe (Stripe-Signature)" };
/** Where a delivery id is read when no header is named: the sender's own, kept on redeliveries. */
const SENDERS_DELIVERY_ID: Record<Signature, string> = { none: "none: every request starts one", github: "X-GitHub-Delivery when empty", stripe: "the event's id when empty" };

export function WebhooksPanel({ name, onClose }: { name: string; onClose(): void }) {
  const queryClient = useQueryClient();
  const notManager = useRefusal("webhooks");
  const webhooks = useQuery({ queryKey: ["webhooks", name], queryFn: () => api.webhooks.list.query({ workflowName: name }) });
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["webhooks", name] });
  const reveal = (id: string, path: string, signingSecret?: string) => setRevealed({ id, url: `${window.location.origin}${path}`, ...(signingSecret ? { signingSecret } : {}) });
  const rotate = useMutation({
    mutationFn: (id: string) => api.webhooks.rotate.mutate({ id }),
    onSuccess: (granted) => reveal(granted.webhook.id, granted.path),
    onError: (e) => setError(errorMessage(e)),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.webhooks.remove.mutate({ id }),
    onSuccess: (_done, id) => setRevealed((shown) => (shown?.id === id ? null : shown)),
    onError: (e) => setError(errorMessage(e)),
    onSettled: refresh,
  });

  return (
    <section className="webhooks" data-testid="webhooks" aria-label="Webhooks">
      <header>
        <h2>Webhooks</h2>
        <button type="button" onClick={onClose} aria-label="Close webhooks">
          ×
        </button>
      </header>
      <p className="hint">Other systems start this workflow, or report to its instances, by calling a webhook's URL.</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {revealed && <RevealedUrl revealed={revealed} onDone={() => setRevealed(null)} />}
      {webhooks.data && webhooks.data.length === 0 && <p className="hint">No webhooks yet.</p>}
      {webhooks.data && webhooks.data.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>Kind</th>
              <th>Signature</th>
              {webhooks.data[0]!.refusals !== null && <th>Refused</th>}
              <th />
            </tr>
          </thead>
          <tbody>
            {webhooks.data.map((webhook) => (
              <WebhookRow key={webhook.id} webhook={webhook} notManager={notManager} onRotate={() => window.confirm("Give this webhook a new URL? Senders using the old one are refused from now on.") && rotate.mutate(webhook.id)}
                onDelete={() => window.confirm("Delete this webhook? Senders using its URL are refused from now on.") && remove.mutate(webhook.id)} />
            ))}
          </tbody>
        </table>
      )}
      {notManager === null ? (
        <NewWebhook
          name={name}
          onCreated={(id, path, signingSecret) => {
            setError(null);
            reveal(id, path, signingSecret);
            void refresh();
          }}
        />
      ) : (
        <p className="hint">{notManager}.</p>
      )}
    </section>
  );
}

type Listed = NonNullable<Awaited<ReturnType<typeof api.webhooks.list.query>>>[number];

/** One webhook, and under it the start of its URL and, for admins, why it last refused a request. */
function WebhookRow({ webhook, notManager, onRotate, onDelete }: { webhook: Listed; notManager: string | null; onRotate(): void; onDelete(): void }) {
  const last = webhook.refusals?.last;
  return (
    <>
      <tr data-testid={`webhook-${webhook.id}`}>
        <td>{webhook.kind === "event" ? `event ${webhook.eventName}` : "start"}</td>
        <td>{webhook.signature}</td>
        {webhook.refusals !== null && <td data-testid="webhook-refusals">{webhook.refusals.count}</td>}
        <td>
          <div className="webhook-actions">
            <button type="button" data-testid="webhook-rotate" disabled={notManager !== null} title={notManager ?? "Make a new URL; the old one stops working at once"} onClick={onRotate}>
              Rotate
            </button>
            <button type="button" data-testid="webhook-delete" disabled={notManager !== null} title={notManager ?? "Delete the webhook; its URL stops working"} onClick={onDelete}>
              Delete
            </button>
          </div>
        </td>
      </tr>
      <tr className="webhook-details">
        <td colSpan={4} className="hint">
          {/* The URL's secret part is shown only when it is made; rotating makes a new one. */}
          <div title="The rest of the URL was shown once, when it was made">URL /hooks/{webhook.id}/…</div>
          {last && (
            <div data-testid="webhook-last-refusal">
              Last refused {fullTime(last.at)}: {last.reason}
            </div>
          )}
        </td>
      </tr>
    </>
  );
}

function RevealedUrl({ revealed, onDone }: { revealed: Revealed; onDone(): void }) {
  const { outcome, copy } = useClipboard();
  return (
    <div className="webhook-revealed" role="region" aria-label="The webhook's URL" data-testid="webhook-revealed">
      <p className="warning">Copy the URL now{revealed.signingSecret ? " and its signing secret" : ""}: neither is shown again.</p>
      <code data-testid="webhook-url">{revealed.url}</code>
      {revealed.signingSecret && (
        <>
          <p className="hint">Signing secret:</p>
          <code data-testid="webhook-secret">{revealed.signingSecret}</code>
        </>
      )}
      <div className="webhook-revealed-actions">
        <button type="button" data-testid="copy-webhook-url" onClick={() => copy(revealed.url)}>
          Copy URL
        </button>
        <button type="button" data-testid="dismiss-webhook-url" onClick={onDone}>
          Done
        </button>
        {outcome && (
          <span className="hint" role="status">
            {outcome === "copied" ? "Copied." : "Could not copy: select it and copy it by hand."}
          </span>
        )}
      </div>
    </div>
  );
}

function NewWebhook({ name, onCreated }: { name: string; onCreated(id: string, path: string, signingSecret?: string): void }) {
  const [kind, setKind] = useState<Kind>("start");
  const [signature, setSignature] = useState<Signature>("github");
  const [signingSecret, setSigningSecret] = useState("");
  const [deliveryHeader, setDeliveryHeader] = useState("");
  const [inputExpression, setInputExpression] = useState("");
  const [eventName, setEventName] = useState("");
  const [instanceExpression, setInstanceExpression] = useState("");
  const [error, setError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () =>
      api.webhooks.create.mutate({
        workflowName: name,
        settings: {
          kind,
          signature,
          ...(signature !== "none" && signingSecret ? { signingSecret } : {}),
          ...(deliveryHeader ? { deliveryHeader } : {}),
          ...(inputExpression ? { inputExpression } : {}),
          ...(kind === "event" ? { eventName, instanceExpression } : {}),
        },
      }),
    onSuccess: (granted) => {
      setError(null);
      setSigningSecret("");
      onCreated(granted.webhook.id, granted.path, granted.signingSecret);
    },
    onError: (e) => setError(errorMessage(e)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <form className="new-webhook" onSubmit={submit} aria-label="New webhook">
      <h3>New webhook</h3>
      <label>
        Kind
        <select data-testid="webhook-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          <option value="start">Start an instance</option>
          <option value="event">Raise an event on an instance</option>
        </select>
      </label>
      {kind === "event" && (
        <>
          <label>
            Event name
            <input data-testid="webhook-event-name" value={eventName} onChange={(e) => setEventName(e.target.value)} placeholder="payment_received" />
          </label>
          <label>
            Instance (JSONata over body, headers, query)
            <input data-testid="webhook-instance-expression" value={instanceExpression} onChange={(e) => setInstanceExpression(e.target.value)} placeholder="body.metadata.instanceId" />
          </label>
        </>
      )}
      <label>
        Signature
        <select data-testid="webhook-signature" value={signature} onChange={(e) => setSignature(e.target.value as Signature)}>
          {(Object.keys(SIGNATURE_WORDS) as Signature[]).map((style) => (
            <option key={style} value={style}>
              {SIGNATURE_WORDS[style]}
            </option>
          ))}
        </select>
      </label>
      {signature !== "none" && (
        <label>
          Signing secret
          <input data-testid="webhook-signing-secret" type="password" autoComplete="off" value={signingSecret} onChange={(e) => setSigningSecret(e.target.value)} placeholder="made for you when empty" />
        </label>
      )}
      <label>
        Delivery-id header (redeliveries start nothing)
        <input data-testid="webhook-delivery-header" value={deliveryHeader} onChange={(e) => setDeliveryHeader(e.target.value)} placeholder={SENDERS_DELIVERY_ID[signature]} />
      </label>
      <label>
        {kind === "event" ? "Payload" : "Input"} (JSONata; the body when empty)
        <input data-testid="webhook-input-expression" value={inputExpression} onChange={(e) => setInputExpression(e.target.value)} placeholder="body" />
      </label>
      {error && (
        <p className="error" role="alert" data-testid="webhook-error">
          {error}
        </p>
      )}
      <button type="submit" data-testid="webhook-create" disabled={create.isPending}>
        Create webhook
      </button>
    </form>
  );
}
