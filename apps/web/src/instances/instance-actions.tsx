/**
 * What an operator can do with one instance: steer it (suspend, resume, terminate, raise an
 * event, purge) and start a re-run of it, three ways. Each action the instance's state, or the
 * signed-in person's roles, rule out stays visible but disabled, with the reason next to it.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useRefusal } from "../auth/permissions.ts";
import { api } from "../lib/api.ts";
import { ErrorAlert } from "../lib/error-alert.tsx";
import { navigate } from "../lib/router.ts";
import { availabilityOf, type InstanceAction } from "./action-rules.ts";
import type { Instance } from "./instance-types.ts";
import { PurgeDialog } from "./purge-dialog.tsx";
import { refreshInstanceQueries } from "./query-keys.ts";
import { RaiseEventDialog } from "./raise-event-dialog.tsx";
import { RerunVersionDialog } from "./rerun-version-dialog.tsx";
import { TerminateDialog } from "./terminate-dialog.tsx";
import "./instances.css";

/** What the actions need of an instance. */
export type ActionableInstance = Pick<Instance, "instanceId" | "workflowName" | "workflowVersion" | "runtimeStatus">;

type Dialog = "terminate" | "purge" | "raiseEvent" | "rerunVersion";

export function InstanceActions({ instance }: { instance: ActionableInstance }) {
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const id = instance.instanceId;
  const status = instance.runtimeStatus;
  const notOperator = useRefusal("operate");

  const done = (message: string) => {
    setDialog(null);
    setNotice(message);
    refreshInstanceQueries(queryClient, id);
  };
  const steer = useMutation({
    mutationFn: (action: "suspend" | "resume") => (action === "suspend" ? api.instances.suspend.mutate({ id }) : api.instances.resume.mutate({ id })),
    onMutate: () => setNotice(null),
    onSuccess: (_, action) => done(action === "suspend" ? "Suspend requested." : "Resume requested."),
  });
  const openRerun = (created: Instance) => {
    refreshInstanceQueries(queryClient, id);
    navigate({ page: "instance", id: created.instanceId });
  };
  const rerun = useMutation({
    mutationFn: (mode: "retry_failed" | "from_start") => api.instances.rerun.mutate({ id, mode }),
    onMutate: () => setNotice(null),
    onSuccess: openRerun,
  });
  const failure = steer.error ?? rerun.error;
  const busy = steer.isPending || rerun.isPending;

  const item = (action: InstanceAction, testId: string, label: string, explanation: string, onClick: () => void) => (
    <ActionItem key={action} testId={testId} label={label} explanation={explanation} reason={reasonOf(action)} busy={busy} onClick={onClick} />
  );
  const reasonOf = (action: InstanceAction) => {
    if (notOperator) return notOperator;
    const availability = availabilityOf(action, status);
    return availability.allowed ? null : availability.reason;
  };

  return (
    <section className="instance-actions" aria-label={`Actions on ${id}`} data-testid="instance-actions">
      <div className="action-group">
        <h3>Steer</h3>
        <ul>
          {item("suspend", "action-suspend", "Suspend", "Pauses it: no new step starts until it is resumed.", () => steer.mutate("suspend"))}
          {item("resume", "action-resume", "Resume", "Carries on from where it was suspended.", () => steer.mutate("resume"))}
          {item("raiseEvent", "action-raise-event", "Raise event…", "Sends it a named event with a JSON payload, as another system would.", () => setDialog("raiseEvent"))}
          {item("terminate", "action-terminate", "Terminate…", "Stops it for good; it cannot be resumed.", () => setDialog("terminate"))}
          {item("purge", "action-purge", "Purge…", "Deletes it and its history.", () => setDialog("purge"))}
        </ul>
      </div>
      <div className="action-group">
        <h3>Re-run as a new instance</h3>
        <ul>
          {item(
            "retryFailed",
            "action-retry-failed",
            "Retry from failed step",
            "Reuses the recorded outputs of the steps before the failure and runs again from the step that failed.",
            () => rerun.mutate("retry_failed"),
          )}
          {item("rerun", "action-rerun", "Rerun from start", `Runs again from the first step with the same input, on the same version (${instance.workflowVersion}).`, () =>
            rerun.mutate("from_start"),
          )}
          {item("rerunVersion", "action-rerun-version", "Rerun on version…", "Runs again from the first step with the same input, on a version you pick (a newer one, say).", () =>
            setDialog("rerunVersion"),
          )}
        </ul>
      </div>
      <ErrorAlert error={failure} />
      {notice && (
        <p className="hint" role="status">
          {notice}
        </p>
      )}
      {dialog === "terminate" && <TerminateDialog instanceId={id} onClose={() => setDialog(null)} onDone={() => done("Terminate requested.")} />}
      {dialog === "purge" && (
        <PurgeDialog
          instanceId={id}
          onClose={() => setDialog(null)}
          onDone={() => {
            done("Purged.");
            // Its own page has nothing left to show.
            if (window.location.pathname.startsWith("/instances/")) navigate({ page: "instances" });
          }}
        />
      )}
      {dialog === "raiseEvent" && (
        <RaiseEventDialog instanceId={id} onClose={() => setDialog(null)} onDone={() => done("Event raised.")} />
      )}
      {dialog === "rerunVersion" && <RerunVersionDialog instance={instance} onClose={() => setDialog(null)} onDone={openRerun} />}
    </section>
  );
}

/** One action: its button, and below it what it does or, when unavailable, why not. */
function ActionItem({
  testId,
  label,
  explanation,
  reason,
  busy,
  onClick,
}: {
  testId: string;
  label: string;
  explanation: string;
  reason: string | null;
  busy: boolean;
  onClick(): void;
}) {
  const describedBy = useId();
  return (
    <li className={reason ? "unavailable" : undefined}>
      <button type="button" data-testid={testId} disabled={reason !== null || busy} title={reason ?? explanation} aria-describedby={describedBy} onClick={onClick}>
        {label}
      </button>
      <span id={describedBy} className="hint">
        {reason ?? explanation}
      </span>
    </li>
  );
}
