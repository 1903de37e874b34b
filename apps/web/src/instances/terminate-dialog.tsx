/** Confirms terminating an instance, with an optional reason that goes into its history. */
import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { api, errorMessage } from "../lib/api.ts";
import { Modal, ModalActions } from "./modal.tsx";

export function TerminateDialog({ instanceId, onDone, onClose }: { instanceId: string; onDone(): void; onClose(): void }) {
  const [reason, setReason] = useState("");
  const reasonId = useId();
  const terminate = useMutation({
    mutationFn: () => api.instances.terminate.mutate({ id: instanceId, reason: reason.trim() || undefined }),
    onSuccess: onDone,
  });
  return (
    <Modal title={`Terminate ${instanceId}?`} onClose={onClose} testId="terminate-dialog">
      <p>It stops for good: steps in flight are abandoned, no compensation runs, and it cannot be resumed.</p>
      <label htmlFor={reasonId}>Reason (optional, kept in its history)</label>
      <input id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
      <ModalActions
        confirmLabel="Terminate"
        danger
        onConfirm={() => terminate.mutate()}
        onCancel={onClose}
        busy={terminate.isPending}
        error={terminate.error && errorMessage(terminate.error)}
      />
    </Modal>
  );
}
