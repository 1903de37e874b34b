/**
 * What the inbox says after a decision: a decided row leaves the list at once, so without a
 * notice nothing would confirm that the decision was taken, nor lead to the instance it moved on.
 */
import { Link } from "../lib/link.tsx";
import "./approvals.css";

export interface DecisionNotice {
  key: string;
  decision: "approved" | "rejected";
  workflowName: string;
  instanceId: string;
}

/** Enough to see the last few decisions of a session at the inbox; older ones are let go. */
export const MAX_NOTICES = 5;

export function DecisionNotices({ notices, onDismiss }: { notices: DecisionNotice[]; onDismiss(notice: DecisionNotice): void }) {
  return (
    <ul className="decision-notices" role="status" aria-label="Decisions taken">
      {notices.map((notice) => (
        <li key={notice.key} data-testid="approval-confirmed">
          <span>
            {notice.decision === "approved" ? "Approved" : "Rejected"} {notice.workflowName} /{" "}
            <Link to={{ page: "instance", id: notice.instanceId }}>{notice.instanceId}</Link>
          </span>
          <button type="button" aria-label={`Dismiss: ${notice.decision} ${notice.instanceId}`} onClick={() => onDismiss(notice)}>
            Dismiss
          </button>
        </li>
      ))}
    </ul>
  );
}
