/**
 * The instances list's filter: what the controls edit, what the server is asked, and how it sits
 * in the address bar, so a filtered list can be bookmarked, shared and reloaded.
 */
import { RUNTIME_STATUSES, type RuntimeStatus } from "./instance-types.ts";

export interface InstanceFilter {
  workflowName: string | null;
  workflowVersion: number | null;
  /** Any of these; none means every status. */
  statuses: RuntimeStatus[];
  /** Only instances waiting on an event or a timer. */
  waiting: boolean;
  /** Local date and time as `<input type="datetime-local">` holds it ("2026-11-25T14:02"), or "". */
  createdFrom: string;
  createdTo: string;
  idPrefix: string;
  /** Test runs of drafts too; the list leaves them out by default. */
  includeTests: boolean;
  /** By creation time. */
  order: InstanceOrder;
}

export type InstanceOrder = "newest" | "oldest";

export const NO_FILTER: InstanceFilter = {
  workflowName: null,
  workflowVersion: null,
  statuses: [],
  waiting: false,
  createdFrom: "",
  createdTo: "",
  idPrefix: "",
  includeTests: false,
  order: "newest",
};

/** Whether any filter other than the status chips is set: what "Clear" clears. */
export function narrowsBeyondStatus(filter: InstanceFilter): boolean {
  return filter.workflowName !== null || filter.createdFrom !== "" || filter.createdTo !== "" || filter.idPrefix !== "";
}

/** A local date-time field's value as an ISO instant, or undefined when empty or incomplete. */
export function isoOfLocal(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** What `instances.counts` takes: the filter without statuses and the waiting switch, which the chips themselves count. */
export function countsInput(filter: InstanceFilter) {
  return {
    workflowName: filter.workflowName ?? undefined,
    workflowVersion: filter.workflowName ? (filter.workflowVersion ?? undefined) : undefined,
    createdFrom: isoOfLocal(filter.createdFrom),
    createdTo: isoOfLocal(filter.createdTo),
    instanceId: filter.idPrefix.trim() || undefined,
    includeTests: filter.includeTests || undefined,
  };
}

/** The instances the list shows, paging aside: what a bulk action on "all matching" acts on. */
export function selectionInput(filter: InstanceFilter) {
  return {
    ...countsInput(filter),
    status: filter.statuses.length > 0 ? filter.statuses : undefined,
    waiting: filter.waiting || undefined,
  };
}

/** How many instances the selection matches, from the counts the status chips show. */
export function matchingCount(filter: InstanceFilter, counts: { byStatus: Record<RuntimeStatus, number>; waiting: number }): number {
  if (filter.waiting) return filter.statuses.length === 0 || filter.statuses.includes("RUNNING") ? counts.waiting : 0;
  const statuses: readonly RuntimeStatus[] = filter.statuses.length > 0 ? filter.statuses : RUNTIME_STATUSES;
  let total = 0;
  for (const status of statuses) total += counts.byStatus[status] ?? 0;
  return total;
}

/** What `instances.list` takes for one page. */
export function listInput(filter: InstanceFilter, limit: number, cursor: string | null) {
  return {
    ...selectionInput(filter),
    order: filter.order === "newest" ? undefined : filter.order,
    limit,
    cursor: cursor ?? undefined,
  };
}

export function filterFromSearch(search: string): InstanceFilter {
  const params = new URLSearchParams(search);
  const version = Number(params.get("version"));
  const statuses = (params.get("status") ?? "").split(",").filter((s): s is RuntimeStatus => (RUNTIME_STATUSES as readonly string[]).includes(s));
  return {
    workflowName: params.get("workflow") || null,
    workflowVersion: Number.isInteger(version) && version > 0 ? version : null,
    statuses,
    waiting: params.get("waiting") === "1",
    createdFrom: params.get("from") ?? "",
    createdTo: params.get("to") ?? "",
    idPrefix: params.get("id") ?? "",
    includeTests: params.get("tests") === "1",
    order: params.get("order") === "oldest" ? "oldest" : "newest",
  };
}

/** The query string of a filter, "" for none; only what is set appears. */
export function searchOfFilter(filter: InstanceFilter): string {
  const params = new URLSearchParams();
  if (filter.workflowName) params.set("workflow", filter.workflowName);
  if (filter.workflowName && filter.workflowVersion) params.set("version", String(filter.workflowVersion));
  if (filter.statuses.length > 0) params.set("status", filter.statuses.join(","));
  if (filter.waiting) params.set("waiting", "1");
  if (filter.createdFrom) params.set("from", filter.createdFrom);
  if (filter.createdTo) params.set("to", filter.createdTo);
  if (filter.idPrefix) params.set("id", filter.idPrefix);
  if (filter.includeTests) params.set("tests", "1");
  if (filter.order !== "newest") params.set("order", filter.order);
  const search = params.toString();
  return search ? `?${search}` : "";
}

export function toggleStatus(filter: InstanceFilter, status: RuntimeStatus): InstanceFilter {
  const statuses = filter.statuses.includes(status) ? filter.statuses.filter((s) => s !== status) : [...filter.statuses, status];
  // Kept in the chips' order, so the same selection always makes the same query and address.
  return { ...filter, statuses: RUNTIME_STATUSES.filter((s) => statuses.includes(s)) };
}
