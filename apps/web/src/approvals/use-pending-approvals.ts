/**
 * Pending approvals a page at a time, oldest first: the pages loaded so far, how many wait in all,
 * and a way to load the next page. Every loaded page refreshes when instances change.
 */
import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "../lib/api.ts";
import { queryKeys } from "../instances/query-keys.ts";

export function usePendingApprovals(filter: { workflowName?: string; instanceId?: string }, pageSize: number) {
  const query = useInfiniteQuery({
    queryKey: queryKeys.approvalsInbox({ ...filter, pageSize }),
    queryFn: ({ pageParam }) => api.approvals.pending.query({ ...filter, limit: pageSize, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
  const pages = query.data?.pages;
  return {
    approvals: pages?.flatMap((page) => page.approvals),
    /** As the latest page counted them. */
    total: pages?.at(-1)?.total ?? 0,
    hasMore: query.hasNextPage,
    loadingMore: query.isFetchingNextPage,
    loadMore: () => void query.fetchNextPage(),
    error: query.isError ? query.error : null,
  };
}
