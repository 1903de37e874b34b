/**
 * The approvals an instance waits on, decided right on its page with the inbox's own buttons.
 * Nothing shows while the instance waits on no approval; a fan-out of many shows a page at a time.
 */
import { clockTime } from "../instance-view/time-words.ts";
import { useNow } from "../instance-view/use-now.ts";
import { ApprovalButtons } from "./approval-buttons.tsx";
import { approvalKey } from "./approval-rows.tsx";
import { LoadMore } from "./load-more.tsx";
import { usePendingApprovals } from "./use-pending-approvals.ts";
import "./approvals.css";

const PAGE_SIZE = 10;

export function InstanceApprovals({ instanceId }: { instanceId: string }) {
  const pending = usePendingApprovals({ instanceId }, PAGE_SIZE);
  const now = useNow(true);
  if (!pending.approvals || pending.approvals.length === 0) return null;
  return (
    <section className="instance-approvals" aria-label="Approvals waiting for a decision" data-testid="instance-approvals">
      {pending.approvals.map((approval) => (
        <div key={approvalKey(approval)} className="instance-approval" data-testid={`instance-approval-${approval.waitId}`}>
          <p>
            <strong>{approval.title}</strong> waits for a decision at <code>{approval.waitId}</code> since {clockTime(approval.since, now)}
            {approval.timeoutAt && <>, times out {clockTime(approval.timeoutAt, now)}</>}
          </p>
          <ApprovalButtons approval={approval} />
        </div>
      ))}
      {pending.total > PAGE_SIZE && (
        <LoadMore shown={pending.approvals.length} total={pending.total} hasMore={pending.hasMore} loading={pending.loadingMore} onLoad={pending.loadMore} noun="approvals" />
      )}
    </section>
  );
}
