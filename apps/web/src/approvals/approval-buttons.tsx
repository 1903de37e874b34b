/**
 * Approve or reject one pending approval, with an optional comment, as the person signed in.
 * The server refuses a decision on an approval already decided or timed out, and says so.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { approvalRefusalOf } from "../auth/permissions.ts";
import { useAccount } from "../auth/session.ts";
import type { PendingApproval } from "../instances/instance-types.ts";
import { api, errorMessage } from "../lib/api.ts";
import { ErrorAlert } from "../lib/error-alert.tsx";
import { refreshInstanceQueries } from "../instances/query-keys.ts";
import { decisionSent } from "./decisions-in-flight.ts";
import "./approvals.css";

export type Decision = "approved" | "rejected";

export function ApprovalButtons({
  approval,
  onDeciding,
  onDecided,
  onRefused,
}: {
  /** Which approval, and whom its step lets decide. */
  approval: Pick<PendingApproval, "instanceId" | "waitId" | "groups" | "approvers" | "excludeStarter" | "startedBy">;
  /** As the decision is sent, so a list can drop the approval at once. */
  onDeciding?(): void;
  /** Once the server took the decision; called even when the list has already dropped the row. */
  onDecided?(decision: Decision): void;
  /** The server's reason when it refuses; without this handler it is shown here. */
  onRefused?(message: string): void;
}) {
  const queryClient = useQueryClient();
  const { instanceId, waitId } = approval;
  const blocked = approvalRefusalOf(useAccount(), approval, approval.startedBy);
  const [comment, setComment] = useState("");
  const id = useId();
  const decide = useMutation({
    mutationFn: (decision: Decision) => api.approvals.decide.mutate({ instanceId, waitId, decision, comment: comment.trim() || undefined }),
    onMutate: () => {
      onDeciding?.();
      return { answered: decisionSent() };
    },
    onSuccess: (decided) => onDecided?.(decided.decision),
    onError: (error) => onRefused?.(errorMessage(error)),
    onSettled: (_data, _error, _decision, context) => {
      context?.answered();
      refreshInstanceQueries(queryClient, instanceId);
    },
  });
  return (
    <div className="approval-buttons" data-testid="approval-buttons">
      <label htmlFor={`${id}-comment`} className="visually-hidden">
        Comment (optional)
      </label>
      <input
        id={`${id}-comment`}
        data-testid="approval-comment"
        placeholder="Comment (optional)"
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        disabled={blocked !== null || decide.isPending || decide.isSuccess}
      />
      <button
        type="button"
        className="approve"
        data-testid="approve"
        disabled={blocked !== null || decide.isPending || decide.isSuccess}
        title={blocked ?? undefined}
        aria-describedby={blocked ? `${id}-blocked` : undefined}
        onClick={() => decide.mutate("approved")}
      >
        Approve
      </button>
      <button
        type="button"
        className="reject"
        data-testid="reject"
        disabled={blocked !== null || decide.isPending || decide.isSuccess}
        title={blocked ?? undefined}
        aria-describedby={blocked ? `${id}-blocked` : undefined}
        onClick={() => decide.mutate("rejected")}
      >
        Reject
      </button>
      {blocked && (
        <span id={`${id}-blocked`} className="hint">
          {blocked}
        </span>
      )}
      {decide.isSuccess && (
        <span className="hint" role="status" data-testid="approval-decided">
          {decide.data.decision === "approved" ? "Approved" : "Rejected"} by {decide.data.approver}.
        </span>
      )}
      {!onRefused && <ErrorAlert error={decide.error} />}
    </div>
  );
}
