import { describe, expect, it } from "vitest";
import { countsInput, filterFromSearch, isoOfLocal, listInput, matchingCount, NO_FILTER, searchOfFilter, selectionInput, toggleStatus } from "./filters.ts";

describe("instance filter", () => {
  it("round-trips through the address bar", () => {
    const filter = {
      ...NO_FILTER,
      workflowName: "purchase-order-approval",
      workflowVersion: 2,
      statuses: ["RUNNING" as const, "FAILED" as const],
      waiting: true,
      createdFrom: "2026-11-25T14:02",
      idPrefix: "po-",
      includeTests: true,
      order: "oldest" as const,
    };
    const search = searchOfFilter(filter);
    expect(search).toBe("?workflow=purchase-order-approval&version=2&status=RUNNING%2CFAILED&waiting=1&from=2026-11-25T14%3A02&id=po-&tests=1&order=oldest");
    expect(filterFromSearch(search)).toEqual(filter);
  });

  it("writes nothing for no filter, and ignores what it does not know in an address", () => {
    expect(searchOfFilter(NO_FILTER)).toBe("");
    expect(filterFromSearch("?status=RUNNING,BOGUS&version=-1&waiting=yes")).toEqual({ ...NO_FILTER, statuses: ["RUNNING"] });
  });

  it("keeps the chips' order whatever order they are picked in", () => {
    const picked = toggleStatus(toggleStatus(NO_FILTER, "FAILED"), "PENDING");
    expect(picked.statuses).toEqual(["PENDING", "FAILED"]);
    expect(toggleStatus(picked, "FAILED").statuses).toEqual(["PENDING"]);
  });

  it("asks the server only for what is set; a version only with its workflow", () => {
    expect(listInput(NO_FILTER, 50, null)).toEqual({ limit: 50 });
    expect(countsInput({ ...NO_FILTER, workflowVersion: 3 })).toEqual({});
    const input = listInput({ ...NO_FILTER, workflowName: "w", workflowVersion: 3, statuses: ["FAILED"], idPrefix: " po- " }, 50, "c1");
    expect(input).toMatchObject({ workflowName: "w", workflowVersion: 3, status: ["FAILED"], instanceId: "po-", cursor: "c1" });
    expect(listInput({ ...NO_FILTER, order: "oldest" }, 50, null)).toEqual({ order: "oldest", limit: 50 });
    // Test runs are left out unless asked for, in the list and in the counts alike.
    expect(countsInput({ ...NO_FILTER, includeTests: true })).toEqual({ includeTests: true });
  });

  it("turns local date-times into instants, and drops incomplete ones", () => {
    expect(isoOfLocal("2026-11-25T14:02")).toBe(new Date(2026, 10, 25, 14, 2).toISOString());
    expect(isoOfLocal("")).toBeUndefined();
    expect(isoOfLocal("2026-13-45T99:99")).toBeUndefined();
  });

  it("selects for a bulk action exactly what the list shows, paging aside, and counts it from the chips' counts", () => {
    const filter = { ...NO_FILTER, workflowName: "w", statuses: ["RUNNING" as const, "FAILED" as const], order: "oldest" as const };
    const { order: _order, limit: _limit, cursor: _cursor, ...listed } = listInput(filter, 50, "c1");
    expect(selectionInput(filter)).toEqual(listed);
    const counts = { byStatus: { PENDING: 1, RUNNING: 5, SUSPENDED: 2, COMPLETED: 7, FAILED: 3, TERMINATED: 4 }, waiting: 2 };
    expect(matchingCount(filter, counts)).toBe(8);
    expect(matchingCount(NO_FILTER, counts)).toBe(22);
    expect(matchingCount({ ...NO_FILTER, waiting: true }, counts)).toBe(2);
    expect(matchingCount({ ...NO_FILTER, waiting: true, statuses: ["FAILED"] }, counts)).toBe(0);
  });
});
