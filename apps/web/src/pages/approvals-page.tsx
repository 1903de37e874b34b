/**
 * The approvals inbox: every instance waiting on a human decision, decided here. A decided row
 * leaves at once, and a notice confirms the decision with a link to the instance, which then
 * carries on; the server's push keeps the list current.
 */
import { useState } from "react";
import { errorMessage } from "../lib/api.ts";
import { ApprovalRows, approvalKey } from "../approvals/approval-rows.tsx";
import type { Decision } from "../approvals/approval-buttons.tsx";
import { DecisionNotices, MAX_NOTICES, type DecisionNotice } from "../approvals/decision-notices.tsx";
import { ApprovalWorkflowFilter, useInboxWorkflow } from "../approvals/approval-workflow-filter.tsx";
import type { PendingApproval } from "../instances/instance-types.ts";
import { LoadMore } from "../approvals/load-more.tsx";
import { usePendingApprovals } from "../approvals/use-pending-approvals.ts";

const PAGE_SIZE = 50;

interface Refusal {
  key: string;
  text: string;
}

export function ApprovalsPage() {
  const [workflowName, setWorkflowName] = useInboxWorkflow();
  const input = workflowName ? { workflowName } : {};
  const pending = usePendingApprovals(input, PAGE_SIZE);
  // Decisions sent: their rows are hidden without waiting for the server.
  const [sent, setSent] = useState<ReadonlySet<string>>(new Set());
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  const [notices, setNotices] = useState<DecisionNotice[]>([]);
  const shown = pending.approvals?.filter((approval) => !sent.has(approvalKey(approval)));
  // The server's count, less the decisions sent that it has not counted out yet.
  const stillWaiting = shown && pending.approvals ? Math.max(pending.total - (pending.approvals.length - shown.length), shown.length) : 0;

  const deciding = (approval: PendingApproval) => setSent((keys) => new Set(keys).add(approvalKey(approval)));
  const decided = (approval: PendingApproval, decision: Decision) => {
    const notice = { key: approvalKey(approval), decision, workflowName: approval.workflowName, instanceId: approval.instanceId };
    setNotices((list) => [notice, ...list].slice(0, MAX_NOTICES));
  };
  const refused = (approval: PendingApproval, message: string) => {
    const key = approvalKey(approval);
    setSent((keys) => new Set([...keys].filter((k) => k !== key)));
    setRefusals((list) => [...list.filter((r) => r.key !== key), { key, text: `${approval.title} (${approval.instanceId}): ${message}` }]);
  };

  return (
    <main className="page wide" data-testid="approvals-inbox">
      <h1>Approvals</h1>
      <div className="inbox-controls">
        <ApprovalWorkflowFilter value={workflowName} onChange={setWorkflowName} />
      </div>
      {notices.length > 0 && <DecisionNotices notices={notices} onDismiss={(notice) => setNotices((list) => list.filter((n) => n !== notice))} />}
      {refusals.length > 0 && (
        <ul className="refusals" role="alert" aria-label="Decisions not taken">
          {refusals.map((refusal) => (
            <li key={refusal.key} data-testid="approval-refused">
              <span className="error">Not decided: {refusal.text}</span>{" "}
              <button type="button" aria-label={`Dismiss: ${refusal.text}`} onClick={() => setRefusals((list) => list.filter((r) => r !== refusal))}>
                Dismiss
              </button>
            </li>
          ))}
        </ul>
      )}
      {pending.error && <p role="alert">Could not load approvals: {errorMessage(pending.error)}</p>}
      {!shown && !pending.error && <p>Loading…</p>}
      {shown && shown.length === 0 && (
        <p className="empty" data-testid="no-approvals">
          {workflowName ? `No ${workflowName} instance waits for a decision.` : "Nothing waits for a decision."}
        </p>
      )}
      {shown && shown.length > 0 && (
        <>
          <ApprovalRows approvals={shown} onDeciding={deciding} onDecided={decided} onRefused={refused} />
          <LoadMore
            shown={shown.length}
            total={stillWaiting}
            hasMore={pending.hasMore}
            loading={pending.loadingMore}
            onLoad={pending.loadMore}
            noun="waiting approvals"
          />
        </>
      )}
    </main>
  );
}
