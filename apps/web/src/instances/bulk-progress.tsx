/**
 * A bulk job's progress, polled while it runs: done of matched, skipped and failed with their
 * reasons, and a cancel button; the lists refresh as it goes and once more when it ends.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useRefusal } from "../auth/permissions.ts";
import { api } from "../lib/api.ts";
import { ErrorAlert } from "../lib/error-alert.tsx";
import { count, jobActionWords } from "./bulk-words.ts";
import { queryKeys, refreshInstanceQueries } from "./query-keys.ts";

const POLL_MS = 500;
const ACTIVE = new Set(["queued", "running"]);

type BulkJob = Awaited<ReturnType<typeof api.bulk.get.query>>;

export function BulkProgress({ jobId, onDismiss }: { jobId: string; onDismiss(): void }) {
  const queryClient = useQueryClient();
  const notOperator = useRefusal("operate");
  const job = useQuery({
    queryKey: queryKeys.bulkJob(jobId),
    queryFn: () => api.bulk.get.query({ id: jobId }),
    refetchInterval: (query) => (query.state.data && !ACTIVE.has(query.state.data.status) ? false : POLL_MS),
  });
  const cancel = useMutation({
    mutationFn: () => api.bulk.cancel.mutate({ id: jobId }),
    onSuccess: (updated) => queryClient.setQueryData(queryKeys.bulkJob(jobId), updated),
  });
  const data = job.data;
  const settled = data ? data.done + data.skipped + data.failed : 0;
  const active = data ? ACTIVE.has(data.status) : true;
  // The list shows what the job changed: as it goes, and once more at its end.
  useEffect(() => {
    refreshInstanceQueries(queryClient);
    if (!active) void queryClient.invalidateQueries({ queryKey: queryKeys.bulkJobs });
  }, [queryClient, settled, active]);

  if (!data) return <ErrorAlert error={job.error} />;
  const percent = data.matched > 0 ? Math.round((settled / data.matched) * 100) : 100;
  return (
    <section className={`bulk-progress bulk-${data.status}`} aria-label="Bulk action progress" data-testid="bulk-progress" data-status={data.status}>
      <div className="bulk-progress-head">
        <strong>
          {jobActionWords(data.action, data.parameters)} · {count(data.matched, "instance")}
        </strong>
        <span className="bulk-status" data-testid="bulk-status">
          {JOB_STATUS_WORDS[data.status]}
          {data.status === "cancelled" && data.cancelRequestedBy ? ` by ${data.cancelRequestedBy}` : ""}
        </span>
        <span className="bulk-progress-buttons">
          {active && (
            <button type="button" data-testid="bulk-cancel" disabled={notOperator !== null || cancel.isPending || data.cancelRequestedBy !== null} title={notOperator ?? undefined} onClick={() => cancel.mutate()}>
              {data.cancelRequestedBy ? "Stopping…" : "Cancel"}
            </button>
          )}
          {!active && (
            <button type="button" data-testid="bulk-dismiss" onClick={onDismiss}>
              Dismiss
            </button>
          )}
        </span>
      </div>
      <progress max={Math.max(data.matched, 1)} value={Math.min(settled, data.matched)} aria-label={`${percent}% done`} />
      <p className="bulk-counts" data-testid="bulk-counts" aria-live="polite">
        <span data-testid="bulk-done">
          {data.done.toLocaleString("en")} of {data.matched.toLocaleString("en")} done
        </span>
        {" · "}
        <span data-testid="bulk-skipped">{data.skipped.toLocaleString("en")} skipped</span>
        {" · "}
        <span data-testid="bulk-failed" className={data.failed > 0 ? "error" : undefined}>
          {data.failed.toLocaleString("en")} failed
        </span>
      </p>
      {data.problems.length > 0 && (
        <details className="bulk-problems">
          <summary>Why {data.skipped + data.failed === 1 ? "one was" : "some were"} skipped or failed</summary>
          <ul>
            {data.problems.map((problem) => (
              <li key={problem.instanceId}>
                {/* Most reasons name their instance already. */}
                {problem.reason.includes(problem.instanceId) ? (
                  problem.reason
                ) : (
                  <>
                    <code>{problem.instanceId}</code>: {problem.reason}
                  </>
                )}
              </li>
            ))}
          </ul>
          {data.skipped + data.failed > data.problems.length && <p className="hint">The first {data.problems.length} are listed.</p>}
        </details>
      )}
      <ErrorAlert error={cancel.error} />
    </section>
  );
}

export const JOB_STATUS_WORDS: Record<BulkJob["status"], string> = {
  queued: "Queued",
  running: "Running",
  completed: "Completed",
  cancelled: "Cancelled",
  failed: "Failed",
};
