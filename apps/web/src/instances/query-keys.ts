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
  workflows: ["workflows"] as const,
  versions: (name: string) => ["versions", name] as const,
};

/** After any change to instances: lists, counts, links, the inbox, and the instance's own page. */
export function refreshInstanceQueries(queryClient: QueryClient, instanceId?: string) {
  void queryClient.invalidateQueries({ queryKey: ["instances"] });
  void queryClient.invalidateQueries({ queryKey: ["approvals"] });
  if (instanceId) void queryClient.invalidateQueries({ queryKey: ["instance", instanceId] });
}
