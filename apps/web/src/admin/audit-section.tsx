/** The newest audit entries: who changed accounts and tokens, who decided approvals and who purged instances. */
import { useQuery } from "@tanstack/react-query";
import { fullTime } from "../instances/full-time.ts";
import { api, errorMessage } from "../lib/api.ts";
import { adminKeys } from "./admin-types.ts";

/** Enough to see what happened lately; the API gives up to a thousand. */
const SHOWN_ENTRIES = 100;

export function AuditSection() {
  const audit = useQuery({ queryKey: adminKeys.audit, queryFn: () => api.admin.audit.recent.query({ limit: SHOWN_ENTRIES }) });
  return (
    <section className="admin-section" aria-labelledby="audit-title">
      <h2 id="audit-title">Recent audit entries</h2>
      {audit.isError && <p role="alert">Could not load the audit log: {errorMessage(audit.error)}</p>}
      {audit.data && audit.data.length === 0 && <p className="empty">Nothing recorded yet.</p>}
      {audit.data && audit.data.length > 0 && (
        <table className="admin-table" data-testid="audit-list">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">On</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {audit.data.map((entry, index) => (
              <tr key={`${entry.at}-${index}`} data-testid="audit-entry">
                <td>{fullTime(entry.at)}</td>
                <td>{entry.actor}</td>
                <td>{entry.action}</td>
                <td>{entry.target ?? "—"}</td>
                <td>{entry.details ? <code>{JSON.stringify(entry.details)}</code> : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
