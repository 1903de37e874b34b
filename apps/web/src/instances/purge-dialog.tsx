/** Confirms purging an ended instance: it and its history are deleted, which cannot be undone. */
import { useMutation } from "@tanstack/react-query";
import { api, errorMessage } from "../lib/api.ts";
import { Modal, ModalActions } from "./modal.tsx";

export function PurgeDialog({ instanceId, onDone, onClose }: { instanceId: string; onDone(): void; onClose(): void }) {
  const purge = useMutation({ mutationFn: () => api.instances.purge.mutate({ id: instanceId }), onSuccess: onDone });
  return (
    <Modal title={`Purge ${instanceId}?`} onClose={onClose} testId="purge-dialog">
      <p>The instance and its whole history are deleted. This cannot be undone; the audit log keeps who purged it.</p>
      <ModalActions
        confirmLabel="Purge"
        danger
        onConfirm={() => purge.mutate()}
        onCancel={onClose}
        busy={purge.isPending}
        error={purge.error && errorMessage(purge.error)}
      />
    </Modal>
  );
}
