/** The inbox's workflow filter, kept in the address (`?workflow=`) so a team can bookmark its own queue. */
import { useId, useState } from "react";
import { WorkflowSelect } from "../lib/workflow-select.tsx";

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
  return (
    <div className="field approval-workflow-filter">
      <label htmlFor={id}>Workflow</label>
      <WorkflowSelect id={id} testId="approvals-filter-workflow" value={value} onChange={onChange} />
    </div>
  );
}
