/**
 * Raises a named event on an instance, as an external system would: the name (suggested from the
 * events it waits on) and a JSON payload, checked as it is typed. The event an approval waits for
 * is a decision, made as the signed-in person if they may decide it; the server checks.
 */
import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { api, errorMessage } from "../lib/api.ts";
import { Modal, ModalActions } from "./modal.tsx";
import { queryKeys } from "./query-keys.ts";

/** The event-name rule of definitions, so a mistyped name is caught before sending. */
const EVENT_NAME = /^[A-Za-z0-9_.:-]{1,128}$/;

function parsePayload(text: string): { ok: true; value: unknown } | { ok: false; problem: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, problem: `Not valid JSON: ${(error as Error).message}` };
  }
}

/** The events the instance waits for now, as the instances list reports them, and those an approval waits for. */
function useAwaitedEvents(instanceId: string): { events: string[]; approvalEvents: Set<string> } {
  const input = { instanceId, limit: 10 };
  const rows = useQuery({ queryKey: queryKeys.instanceList(input), queryFn: () => api.instances.list.query(input) });
  // The id filter matches prefixes; only the instance itself counts.
  const waits = (rows.data?.instances.find((row) => row.instanceId === instanceId)?.waitingOn ?? []).filter((wait) => wait.kind === "event" && wait.event);
  return { events: [...new Set(waits.map((wait) => wait.event!))], approvalEvents: new Set(waits.filter((wait) => wait.approval).map((wait) => wait.event!)) };
}

function nameHint(name: string, { events, approvalEvents }: ReturnType<typeof useAwaitedEvents>): string {
  if (approvalEvents.has(name)) return `An approval waits for ${name}: the payload is your decision, {"decision": "approved" or "rejected", "comment": optional}, recorded as yours.`;
  return events.length > 0 ? `It waits for ${events.join(", ")}.` : "It waits for no event right now; an event is kept until a step waits for it.";
}

export function RaiseEventDialog({ instanceId, onDone, onClose }: { instanceId: string; onDone(): void; onClose(): void }) {
  const awaited = useAwaitedEvents(instanceId);
  const awaitedEvents = awaited.events;
  const [typedName, setName] = useState<string | null>(null);
  // The first event it waits for, until something is typed.
  const name = typedName ?? awaitedEvents[0] ?? "";
  const [payloadText, setPayloadText] = useState("{}");
  const id = useId();
  const payload = parsePayload(payloadText);
  const nameProblem = name === "" || EVENT_NAME.test(name) ? null : "An event name is 1-128 letters, digits or _ . : -";
  const raise = useMutation({
    mutationFn: (value: unknown) => api.instances.raiseEvent.mutate({ id: instanceId, name, payload: value }),
    onSuccess: onDone,
  });
  return (
    <Modal title={`Raise an event on ${instanceId}`} onClose={onClose} testId="raise-event-dialog">
      <label htmlFor={`${id}-name`}>Event name</label>
      <input
        id={`${id}-name`}
        data-testid="event-name"
        list={`${id}-awaited`}
        value={name}
        onChange={(e) => setName(e.target.value.trim())}
        aria-invalid={nameProblem !== null}
        aria-describedby={`${id}-name-hint`}
        autoFocus
      />
      <datalist id={`${id}-awaited`}>
        {awaitedEvents.map((event) => (
          <option key={event} value={event} />
        ))}
      </datalist>
      <p id={`${id}-name-hint`} className={nameProblem ? "error" : "hint"}>
        {nameProblem ?? nameHint(name, awaited)}
      </p>
      <label htmlFor={`${id}-payload`}>Payload (JSON)</label>
      <textarea
        id={`${id}-payload`}
        data-testid="event-payload"
        rows={8}
        spellCheck={false}
        value={payloadText}
        onChange={(e) => setPayloadText(e.target.value)}
        aria-invalid={!payload.ok}
        aria-describedby={`${id}-payload-hint`}
      />
      <p id={`${id}-payload-hint`} className={payload.ok ? "hint" : "error"}>
        {payload.ok ? "Valid JSON." : payload.problem}
      </p>
      <ModalActions
        confirmLabel="Raise event"
        onConfirm={() => payload.ok && raise.mutate(payload.value)}
        onCancel={onClose}
        disabled={!payload.ok || name === "" || nameProblem !== null}
        busy={raise.isPending}
        error={raise.error && errorMessage(raise.error)}
      />
    </Modal>
  );
}
