/**
 * The approvals an instance waits on, decided right on its page with the inbox's own buttons.
 * Nothing shows while the instance waits on no approval.
 */
import { useQuery } from "@tanstack/react-query";
import { api } from "../lib/api.ts";
import { queryKeys } from "../instances/query-keys.ts";
import { clockTime } from "../instance-view/time-words.ts";
import { useNow } from "../instance-view/use-now.ts";
import { ApprovalButtons } from "./approval-buttons.tsx";
import { approvalKey } from "./approval-rows.tsx";
import "./approvals.css";

export function InstanceApprovals({ instanceId }: { instanceId: string }) {
  const input = { instanceId };
  const pending = useQuery({ queryKey: queryKeys.pendingApprovals(input), queryFn: () => api.approvals.pending.query(input) });
  const now = useNow(true);
  if (!pending.data || pending.data.length === 0) return null;
  return (
    <section className="instance-approvals" aria-label="Approvals waiting for a decision" data-testid="instance-approvals">
      {pending.data.map((approval) => (
        <div key={approvalKey(approval)} className="instance-approval" data-testid={`instance-approval-${approval.waitId}`}>
          <p>
            <strong>{approval.title}</strong> waits for a decision at <code>{approval.waitId}</code> since {clockTime(approval.since, now)}
            {approval.timeoutAt && <>, times out {clockTime(approval.timeoutAt, now)}</>}
          </p>
          <ApprovalButtons approval={approval} />
        </div>
      ))}
    </section>
  );
}
