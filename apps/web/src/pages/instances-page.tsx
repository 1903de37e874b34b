/**
 * Every instance, newest first, filtered and paged on the server; status chips count what the
 * other filters leave, and the page follows changes as the server pushes them.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api, errorMessage } from "../lib/api.ts";
import { useRefusal } from "../auth/permissions.ts";
import { BulkActionBar, type BulkSelection } from "../instances/bulk-action-bar.tsx";
import { BulkJobsList } from "../instances/bulk-jobs-list.tsx";
import { BulkProgress } from "../instances/bulk-progress.tsx";
import { filterFromSearch, listInput, countsInput, matchingCount, searchOfFilter, selectionInput, type InstanceFilter } from "../instances/filters.ts";
import { InstanceFilterForm } from "../instances/instance-filter-form.tsx";
import { InstanceTable } from "../instances/instance-table.tsx";
import { queryKeys } from "../instances/query-keys.ts";
import { StatusChips } from "../instances/status-chips.tsx";

const PAGE_SIZE = 50;

export function InstancesPage() {
  const [filter, setFilter] = useState(() => filterFromSearch(window.location.search));
  // Cursors of the pages passed on the way here, the first page's being null: "previous" goes back one.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors.at(-1) ?? null;
  const mayOperate = useRefusal("operate") === null;
  const [selection, setSelection] = useState<BulkSelection>({ ids: [], allMatching: false });
  const [jobId, setJobId] = useState<string | null>(null);

  const changeFilter = (next: InstanceFilter) => {
    setFilter(next);
    setCursors([null]);
    // What was ticked was picked under the old filter.
    setSelection({ ids: [], allMatching: false });
    // In the address, so the view can be bookmarked and survives a reload; not a history entry per keystroke.
    window.history.replaceState(null, "", `${window.location.pathname}${searchOfFilter(next)}`);
  };

  const input = listInput(filter, PAGE_SIZE, cursor);
  const page = useQuery({ queryKey: queryKeys.instanceList(input), queryFn: () => api.instances.list.query(input), placeholderData: keepPreviousData });
  const countsFilter = countsInput(filter);
  const counts = useQuery({
    queryKey: queryKeys.instanceCounts(countsFilter),
    queryFn: () => api.instances.counts.query(countsFilter),
    placeholderData: keepPreviousData,
  });

  return (
    <main className="page wide" data-testid="instances-page">
      <h1>Instances</h1>
      <InstanceFilterForm filter={filter} onChange={changeFilter} />
      <StatusChips filter={filter} counts={counts.data} onChange={changeFilter} />
      {counts.isError && <p role="alert">Could not count instances: {errorMessage(counts.error)}</p>}
      {page.isError && <p role="alert">Could not load instances: {errorMessage(page.error)}</p>}
      {!page.data && !page.isError && <p>Loading…</p>}
      {page.data && page.data.instances.length === 0 && (
        <p className="empty" data-testid="no-instances">
          {cursor === null ? "No instance matches these filters." : "No more instances."}
        </p>
      )}
      {jobId && <BulkProgress key={jobId} jobId={jobId} onDismiss={() => setJobId(null)} />}
      {mayOperate && page.data && page.data.instances.length > 0 && (
        <BulkActionBar
          selection={selection}
          rows={page.data.instances}
          matching={counts.data ? matchingCount(filter, counts.data) : null}
          filter={selectionInput(filter)}
          onSelect={setSelection}
          onStarted={setJobId}
        />
      )}
      {page.data && page.data.instances.length > 0 && (
        <InstanceTable
          rows={page.data.instances}
          selection={
            mayOperate
              ? {
                  selected: new Set(selection.ids),
                  allMatching: selection.allMatching,
                  onChange: (ids, selected) =>
                    setSelection({
                      ids: selected ? [...new Set([...selection.ids, ...ids])] : selection.ids.filter((id) => !ids.includes(id)),
                      // Unticking one row means not all of them after all.
                      allMatching: selection.allMatching && selected,
                    }),
                }
              : undefined
          }
        />
      )}
      <nav className="pager" aria-label="Pages">
        <button type="button" data-testid="previous-page" disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
          ← {filter.order === "newest" ? "Newer" : "Older"}
        </button>
        <span className="hint" aria-live="polite" data-testid="page-number">
          Page {cursors.length}
        </span>
        <button
          type="button"
          data-testid="next-page"
          disabled={!page.data?.nextCursor || page.isPlaceholderData}
          onClick={() => page.data?.nextCursor && setCursors([...cursors, page.data.nextCursor])}
        >
          {filter.order === "newest" ? "Older" : "Newer"} →
        </button>
      </nav>
      <BulkJobsList onShow={setJobId} />
    </main>
  );
}
