/** Picks the version to rerun an instance on (the newest by default), then starts the re-run. */
import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { api, errorMessage } from "../lib/api.ts";
import type { Instance } from "./instance-types.ts";
import { Modal, ModalActions } from "./modal.tsx";
import { queryKeys } from "./query-keys.ts";
import { clockTime } from "../instance-view/time-words.ts";

type Rerunnable = Pick<Instance, "instanceId" | "workflowName" | "workflowVersion">;

export function RerunVersionDialog({ instance, onDone, onClose }: { instance: Rerunnable; onDone(rerun: Instance): void; onClose(): void }) {
  const versions = useQuery({ queryKey: queryKeys.versions(instance.workflowName), queryFn: () => api.workflows.versions.query({ name: instance.workflowName }) });
  const [chosen, setChosen] = useState<number | null>(null);
  const selectId = useId();
  const version = chosen ?? versions.data?.[0]?.version ?? null;
  const rerun = useMutation({
    mutationFn: (on: number) => api.instances.rerun.mutate({ id: instance.instanceId, mode: "on_version", version: on }),
    onSuccess: onDone,
  });
  const now = new Date();
  return (
    <Modal title={`Rerun ${instance.instanceId} on a version`} onClose={onClose} testId="rerun-version-dialog">
      <p>A new instance starts with the same input on the version you pick. This one ran version {instance.workflowVersion}.</p>
      {versions.isError && <p role="alert" className="error">Could not load the versions: {errorMessage(versions.error)}</p>}
      <label htmlFor={selectId}>Version</label>
      <select id={selectId} data-testid="rerun-version" value={version ?? ""} disabled={!versions.data} onChange={(e) => setChosen(Number(e.target.value))} autoFocus>
        {versions.data?.map((v) => (
          <option key={v.version} value={v.version}>
            version {v.version}
            {v.version === instance.workflowVersion ? " (this instance's)" : ""} · published {clockTime(v.createdAt, now)}
            {v.publishedBy ? ` by ${v.publishedBy}` : ""}
          </option>
        ))}
      </select>
      <ModalActions
        confirmLabel={version ? `Rerun on version ${version}` : "Rerun"}
        onConfirm={() => version && rerun.mutate(version)}
        onCancel={onClose}
        disabled={version === null}
        busy={rerun.isPending}
        error={rerun.error && errorMessage(rerun.error)}
      />
    </Modal>
  );
}
