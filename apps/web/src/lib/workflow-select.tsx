/** A filter's workflow picker: every published workflow, or all of them. */
import { useQuery } from "@tanstack/react-query";
import { api } from "./api.ts";
import { queryKeys } from "../instances/query-keys.ts";

export function WorkflowSelect({ id, testId, value, onChange }: { id: string; testId: string; value: string | null; onChange(name: string | null): void }) {
  const workflows = useQuery({ queryKey: queryKeys.workflows, queryFn: () => api.workflows.list.query() });
  return (
    <select id={id} data-testid={testId} value={value ?? ""} onChange={(e) => onChange(e.target.value || null)}>
      <option value="">All workflows</option>
      {workflows.data?.map((w) => (
        <option key={w.name} value={w.name}>
          {w.name}
        </option>
      ))}
      {/* A workflow from the address that is not (or no longer) published still shows as chosen. */}
      {value && workflows.data && !workflows.data.some((w) => w.name === value) && <option value={value}>{value}</option>}
    </select>
  );
}
