/** The instances list's filters besides status: workflow and version, creation time, id prefix, and the sort order. */
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { api } from "../lib/api.ts";
import { WorkflowSelect } from "../lib/workflow-select.tsx";
import { narrowsBeyondStatus, NO_FILTER, type InstanceFilter } from "./filters.ts";
import { queryKeys } from "./query-keys.ts";
import "./instances.css";

export function InstanceFilterForm({ filter, onChange }: { filter: InstanceFilter; onChange(filter: InstanceFilter): void }) {
  const id = useId();
  const name = filter.workflowName;
  const versions = useQuery({
    queryKey: queryKeys.versions(name ?? ""),
    queryFn: () => api.workflows.versions.query({ name: name! }),
    enabled: name !== null,
  });
  return (
    <form className="instance-filters" role="search" aria-label="Filter instances" onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor={`${id}-workflow`}>Workflow</label>
        <WorkflowSelect
          id={`${id}-workflow`}
          testId="instance-filter-workflow"
          value={name}
          onChange={(workflowName) => onChange({ ...filter, workflowName, workflowVersion: null })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-version`}>Version</label>
        <select
          id={`${id}-version`}
          data-testid="instance-filter-version"
          value={filter.workflowVersion ?? ""}
          disabled={name === null}
          title={name === null ? "Pick a workflow to choose one of its versions" : undefined}
          onChange={(e) => onChange({ ...filter, workflowVersion: e.target.value ? Number(e.target.value) : null })}
        >
          <option value="">{name === null ? "Pick a workflow first" : "All versions"}</option>
          {versions.data?.map((v) => (
            <option key={v.version} value={v.version}>
              version {v.version}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>Created from</label>
        <input
          id={`${id}-from`}
          type="datetime-local"
          data-testid="instance-filter-from"
          value={filter.createdFrom}
          onChange={(e) => onChange({ ...filter, createdFrom: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>Created to</label>
        <input id={`${id}-to`} type="datetime-local" data-testid="instance-filter-to" value={filter.createdTo} onChange={(e) => onChange({ ...filter, createdTo: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-prefix`}>Instance id starts with</label>
        <input
          id={`${id}-prefix`}
          type="search"
          data-testid="instance-filter-id"
          value={filter.idPrefix}
          spellCheck={false}
          onChange={(e) => onChange({ ...filter, idPrefix: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-order`}>Sort</label>
        <select
          id={`${id}-order`}
          data-testid="instance-filter-order"
          value={filter.order}
          onChange={(e) => onChange({ ...filter, order: e.target.value === "oldest" ? "oldest" : "newest" })}
        >
          <option value="newest">Newest first</option>
          <option value="oldest">Oldest first</option>
        </select>
      </div>
      <div className="field checkbox include-tests">
        <input id={`${id}-tests`} type="checkbox" data-testid="instance-filter-tests" checked={filter.includeTests} onChange={(e) => onChange({ ...filter, includeTests: e.target.checked })} />
        <label htmlFor={`${id}-tests`}>Include test runs</label>
      </div>
      <button
        type="button"
        className="clear-filters"
        disabled={!narrowsBeyondStatus(filter)}
        onClick={() => onChange({ ...NO_FILTER, statuses: filter.statuses, waiting: filter.waiting, includeTests: filter.includeTests, order: filter.order })}
      >
        Clear
      </button>
    </form>
  );
}
