/** Picks the version to rerun an instance on (the newest by default), then starts the re-run. */
import { useMutation } from "@tanstack/react-query";
import { api, errorMessage } from "../lib/api.ts";
import type { Instance } from "./instance-types.ts";
import { Modal, ModalActions } from "./modal.tsx";
import { useVersionPick, VersionSelect } from "./version-picker.tsx";

type Rerunnable = Pick<Instance, "instanceId" | "workflowName" | "workflowVersion">;

export function RerunVersionDialog({ instance, onDone, onClose }: { instance: Rerunnable; onDone(rerun: Instance): void; onClose(): void }) {
  const pick = useVersionPick(instance.workflowName);
  const { version } = pick;
  const rerun = useMutation({
    mutationFn: (on: number) => api.instances.rerun.mutate({ id: instance.instanceId, mode: "on_version", version: on }),
    onSuccess: onDone,
  });
  return (
    <Modal title={`Rerun ${instance.instanceId} on a version`} onClose={onClose} testId="rerun-version-dialog">
      <p>A new instance starts with the same input on the version you pick. This one ran version {instance.workflowVersion}.</p>
      <VersionSelect label="Version" testId="rerun-version" pick={pick} current={instance.workflowVersion} />
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
