/** The inbox's workflow filter, kept in the address (`?workflow=`) so a team can bookmark its own queue. */
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { api } from "../lib/api.ts";
import { queryKeys } from "../instances/query-keys.ts";

const PARAM = "workflow";

/** The workflow the inbox shows, or null for all; changing it rewrites the address without a history entry. */
export function useInboxWorkflow(): [string | null, (name: string | null) => void] {
  const [name, setName] = useState(() => new URLSearchParams(window.location.search).get(PARAM) || null);
  const change = (next: string | null) => {
    setName(next);
    const params = new URLSearchParams(window.location.search);
    if (next) params.set(PARAM, next);
    else params.delete(PARAM);
    const search = params.toString();
    window.history.replaceState(null, "", `${window.location.pathname}${search ? `?${search}` : ""}`);
  };
  return [name, change];
}

export function ApprovalWorkflowFilter({ value, onChange }: { value: string | null; onChange(name: string | null): void }) {
  const id = useId();
  const workflows = useQuery({ queryKey: queryKeys.workflows, queryFn: () => api.workflows.list.query() });
  return (
    <div className="field approval-workflow-filter">
      <label htmlFor={id}>Workflow</label>
      <select id={id} data-testid="approvals-filter-workflow" value={value ?? ""} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">All workflows</option>
        {workflows.data?.map((w) => (
          <option key={w.name} value={w.name}>
            {w.name}
          </option>
        ))}
        {/* A workflow from the address that is not (or no longer) published still shows as chosen. */}
        {value && workflows.data && !workflows.data.some((w) => w.name === value) && <option value={value}>{value}</option>}
      </select>
    </div>
  );
}
