/** Pending approvals as rows: what is asked, by which instance, since when, until when, and who may decide. */
import { Link } from "../lib/link.tsx";
import type { PendingApproval } from "../instances/instance-types.ts";
import { clockTime, relativeTime, timeAgo } from "../instance-view/time-words.ts";
import { useNow } from "../instance-view/use-now.ts";
import { fullTime } from "../instances/full-time.ts";
import { ApprovalButtons, type Decision } from "./approval-buttons.tsx";
import "./approvals.css";

export const approvalKey = (approval: Pick<PendingApproval, "instanceId" | "waitId">) => `${approval.instanceId}-${approval.waitId}`;

export function ApprovalRows({
  approvals,
  onDeciding,
  onDecided,
  onRefused,
}: {
  approvals: PendingApproval[];
  onDeciding(approval: PendingApproval): void;
  onDecided(approval: PendingApproval, decision: Decision): void;
  onRefused(approval: PendingApproval, message: string): void;
}) {
  const now = useNow(true);
  return (
    <table className="approval-table">
      <thead>
        <tr>
          <th scope="col">Approval</th>
          <th scope="col">Waiting since</th>
          <th scope="col">Times out</th>
          <th scope="col">Who may decide</th>
          <th scope="col">Decision</th>
        </tr>
      </thead>
      <tbody>
        {approvals.map((approval) => (
          <tr key={approvalKey(approval)} data-testid={`approval-row-${approvalKey(approval)}`}>
            <td>
              <div className="approval-summary" data-testid="approval-summary">
                {approval.title}
              </div>
              <div className="hint">
                {approval.workflowName} v{approval.workflowVersion} · <Link to={{ page: "instance", id: approval.instanceId }}>{approval.instanceId}</Link>
              </div>
            </td>
            <td>
              {timeAgo(approval.since, now)}
              <div className="hint" title={fullTime(approval.since)}>
                {clockTime(approval.since, now)}
              </div>
            </td>
            <td data-testid="approval-timeout">
              {approval.timeoutAt ? (
                <>
                  {new Date(approval.timeoutAt) <= now ? "timing out now" : relativeTime(approval.timeoutAt, now)}
                  <div className="hint" title={fullTime(approval.timeoutAt)}>
                    {clockTime(approval.timeoutAt, now)}
                  </div>
                </>
              ) : (
                "never"
              )}
            </td>
            <td>{whoMayDecide(approval)}</td>
            <td>
              <ApprovalButtons
                approval={approval}
                onDeciding={() => onDeciding(approval)}
                onDecided={(decision) => onDecided(approval, decision)}
                onRefused={(message) => onRefused(approval, message)}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function whoMayDecide({ groups, approvers }: Pick<PendingApproval, "groups" | "approvers">): string {
  const parts = [...groups.map((group) => `group ${group}`), ...approvers];
  return parts.length > 0 ? parts.join(", ") : "anyone";
}
