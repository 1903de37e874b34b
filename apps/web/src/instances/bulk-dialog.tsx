/**
 * Confirms a bulk action, naming the action and how many instances it may touch, with what the
 * action takes (a reason, an event's name and payload); on confirming, the server queues a job.
 */
import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { api, errorMessage } from "../lib/api.ts";
import { selectionInput } from "./filters.ts";
import { BULK_CHOICES, count, requestOf, type BulkChoice } from "./bulk-words.ts";
import { useBulkVersion } from "./bulk-version.tsx";
import { Modal, ModalActions } from "./modal.tsx";

/** Either ids picked on the page, or the list's filter as the server takes it, with how many it matches now. */
export type BulkTarget = { instanceIds: string[] } | { filter: ReturnType<typeof selectionInput>; total: number };

type BulkJob = Awaited<ReturnType<typeof api.bulk.create.mutate>>;

export function BulkDialog({
  choice,
  target,
  workflowName,
  onDone,
  onClose,
}: {
  choice: BulkChoice;
  target: BulkTarget;
  /** The one workflow every targeted instance is of, when that is known. */
  workflowName: string | null;
  onDone(job: BulkJob): void;
  onClose(): void;
}) {
  const words = BULK_CHOICES.find((c) => c.choice === choice)!;
  const [reason, setReason] = useState("");
  const [eventName, setEventName] = useState("");
  const [payloadText, setPayloadText] = useState("{}");
  const id = useId();
  const payload = parseJson(payloadText);
  const total = "instanceIds" in target ? target.instanceIds.length : target.total;
  const what = `${count(total, "instance")}${"filter" in target ? " matching this filter" : ""}`;
  const takesReason = choice === "terminate" || choice === "suspend" || choice === "resume";
  const takesVersion = choice === "rerun_on_version";
  const { version, field: versionField } = useBulkVersion(workflowName, takesVersion);
  const title = `${words.verb} ${what}${words.after ? ` ${words.after}` : ""}`;
  const create = useMutation({
    mutationFn: () => {
      const { action, mode } = requestOf(choice);
      const parameters = {
        ...(takesReason && reason.trim() ? { reason: reason.trim() } : {}),
        ...(mode ? { mode } : {}),
        ...(takesVersion && version !== null ? { version } : {}),
        ...(action === "raise_event" ? { eventName, payload: payload.ok ? payload.value : null } : {}),
      };
      const selected = "instanceIds" in target ? { instanceIds: target.instanceIds } : { filter: target.filter };
      return api.bulk.create.mutate({ action, ...selected, parameters });
    },
    onSuccess: onDone,
  });
  const invalid = (choice === "raise_event" && (eventName === "" || !payload.ok)) || (takesVersion && version === null);
  return (
    <Modal title={`${title}?`} onClose={onClose} testId="bulk-dialog">
      <p>{words.explanation}</p>
      {"filter" in target && <p className="hint">Instances that start after you confirm are left out. The count may change as instances end meanwhile.</p>}
      {takesReason && (
        <>
          <label htmlFor={`${id}-reason`}>Reason (optional, kept in each instance's history)</label>
          <input id={`${id}-reason`} data-testid="bulk-reason" value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
        </>
      )}
      {takesVersion && versionField}
      {choice === "raise_event" && (
        <>
          <label htmlFor={`${id}-name`}>Event name</label>
          <input id={`${id}-name`} data-testid="bulk-event-name" value={eventName} onChange={(e) => setEventName(e.target.value.trim())} autoFocus />
          <label htmlFor={`${id}-payload`}>Payload (JSON)</label>
          <textarea id={`${id}-payload`} data-testid="bulk-event-payload" rows={4} value={payloadText} onChange={(e) => setPayloadText(e.target.value)} />
          {!payload.ok && <p className="error">{payload.problem}</p>}
        </>
      )}
      <ModalActions
        confirmLabel={takesVersion && version !== null ? `${words.verb} ${what} on version ${version}` : title}
        danger={words.danger}
        disabled={invalid}
        onConfirm={() => create.mutate()}
        onCancel={onClose}
        busy={create.isPending}
        error={create.error && errorMessage(create.error)}
      />
    </Modal>
  );
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; problem: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, problem: `Not valid JSON: ${(error as Error).message}` };
  }
}
