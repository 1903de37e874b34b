/** The latest bulk jobs, who asked for them and how far they got; any of them can be shown in full above the list. */
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { clockTime } from "../instance-view/time-words.ts";
import { api } from "../lib/api.ts";
import { ErrorAlert } from "../lib/error-alert.tsx";
import { JOB_STATUS_WORDS } from "./bulk-progress.tsx";
import { jobActionWords } from "./bulk-words.ts";
import { fullTime } from "./full-time.ts";
import { queryKeys } from "./query-keys.ts";

export function BulkJobsList({ onShow }: { onShow(jobId: string): void }) {
  const [open, setOpen] = useState(false);
  const jobs = useQuery({ queryKey: queryKeys.bulkJobs, queryFn: () => api.bulk.list.query({ limit: 20 }), enabled: open, refetchInterval: open ? 5_000 : false });
  const now = new Date();
  return (
    <details className="bulk-jobs" data-testid="bulk-jobs" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>Recent bulk actions</summary>
      <ErrorAlert error={jobs.error} />
      {jobs.data && jobs.data.length === 0 && <p className="hint">No bulk action yet: tick instances in the list to act on them together.</p>}
      {jobs.data && jobs.data.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">On</th>
              <th scope="col">By</th>
              <th scope="col">When</th>
              <th scope="col">Status</th>
              <th scope="col">Done · skipped · failed</th>
              <th scope="col">
                <span className="visually-hidden">Show</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {jobs.data.map((job) => (
              <tr key={job.jobId} data-testid="bulk-job-row">
                <td>{jobActionWords(job.action, job.parameters)}</td>
                <td>{job.filter ? `${job.matched.toLocaleString("en")} matching a filter` : `${job.matched.toLocaleString("en")} selected`}</td>
                <td>{job.createdBy}</td>
                <td title={fullTime(job.createdAt)}>{clockTime(job.createdAt, now)}</td>
                <td>{JOB_STATUS_WORDS[job.status]}</td>
                <td>
                  {job.done} · {job.skipped} · {job.failed} of {job.matched}
                </td>
                <td>
                  <button type="button" className="link-button" onClick={() => onShow(job.jobId)}>
                    Show
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
