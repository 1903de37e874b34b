/**
 * Query keys of the instance and approval screens. Everything under "instances" and "approvals"
 * goes stale whenever an instance changes; "versions" is shared with the designer, which
 * refreshes it on publish.
 */
import type { QueryClient } from "@tanstack/react-query";

export const queryKeys = {
  instanceList: (input: object) => ["instances", "list", input] as const,
  instanceCounts: (input: object) => ["instances", "counts", input] as const,
  related: (id: string) => ["instances", "related", id] as const,
  pendingApprovals: (input: object) => ["approvals", "pending", input] as const,
  /** Pages of pending approvals, loaded one after another. */
  approvalsInbox: (input: object) => ["approvals", "inbox", input] as const,
  bulkJob: (jobId: string) => ["bulk", "job", jobId] as const,
  bulkJobs: ["bulk", "jobs"] as const,
  workflows: ["workflows"] as const,
  versions: (name: string) => ["versions", name] as const,
};

/**
 * After any change to instances: lists, counts, links, the inbox, and the instance's own page.
 * A query already fetching is not cancelled, or a refresh would cancel the next page of the
 * inbox that "Load more" asked for, and the page would never come; once it has finished it is
 * refreshed again, since what it fetched may predate the change.
 */
export function refreshInstanceQueries(queryClient: QueryClient, instanceId?: string) {
  const keys = [["instances"], ["approvals"], ...(instanceId ? [["instance", instanceId]] : [])];
  for (const queryKey of keys) {
    const busy = queryClient.getQueryCache().findAll({ queryKey, fetchStatus: "fetching" });
    void queryClient.invalidateQueries({ queryKey }, { cancelRefetch: false }).then(() => {
      for (const query of busy) void queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true }, { cancelRefetch: false });
    });
  }
}
