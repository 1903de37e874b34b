import { InfiniteQueryObserver, QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { queryKeys, refreshInstanceQueries } from "./query-keys.ts";

describe("refreshInstanceQueries", () => {
  it("does not cancel a page of the inbox being loaded, and reads every page again after it", async () => {
    const client = new QueryClient();
    // What the server holds: each page says which version of it was read.
    let version = 1;
    const observer = new InfiniteQueryObserver(client, {
      queryKey: queryKeys.approvalsInbox({}),
      queryFn: async ({ pageParam }: { pageParam: number }) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        return { page: pageParam, version };
      },
      initialPageParam: 0,
      getNextPageParam: (last: { page: number }) => (last.page < 3 ? last.page + 1 : undefined),
    });
    const unsubscribe = observer.subscribe(() => {});
    await expect.poll(() => observer.getCurrentResult().data?.pages.length).toBe(1);

    const more = observer.fetchNextPage();
    // An instance changes while the next page is on its way.
    version = 2;
    refreshInstanceQueries(client);
    await more;
    // Both pages, read again after the change.
    await expect.poll(() => observer.getCurrentResult().data?.pages).toEqual([
      { page: 0, version: 2 },
      { page: 1, version: 2 },
    ]);
    unsubscribe();
  });
});
