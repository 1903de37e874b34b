/**
 * A sub-workflow step's own fields: the workflow and version picked from those published, whether
 * the step waits for the child, and whether the child ends with this instance.
 */
import type { SubworkflowNode } from "@flowcraft/definition";
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { api } from "../../lib/api.ts";
import { queryKeys } from "../../instances/query-keys.ts";
import { CheckboxField } from "./fields.tsx";
import type { ProblemsOf, SetFields } from "./node-form.tsx";

export function SubworkflowFields({ node, set, of }: { node: SubworkflowNode; set: SetFields; of: ProblemsOf }) {
  const workflowId = useId();
  const versionId = useId();
  const workflows = useQuery({ queryKey: queryKeys.workflows, queryFn: () => api.workflows.list.query() });
  const chosen = workflows.data?.find((w) => w.name === node.workflow);
  // Published versions count up from 1 without gaps: the newest first.
  const versions = chosen ? Array.from({ length: chosen.latestVersion }, (_, i) => chosen.latestVersion - i) : [];
  const workflowErrors = of("workflow").map((p) => p.message);
  const versionErrors = of("version").map((p) => p.message);
  return (
    <>
      <div className={`field${workflowErrors.length > 0 ? " invalid" : ""}`}>
        <label htmlFor={workflowId}>Workflow</label>
        <select id={workflowId} data-testid="field-workflow" value={node.workflow} aria-invalid={workflowErrors.length > 0} onChange={(e) => set({ workflow: e.target.value, version: undefined }, "workflow")}>
          <option value="">Choose a published workflow</option>
          {workflows.data?.map((w) => (
            <option key={w.name} value={w.name}>
              {w.name}
            </option>
          ))}
          {/* A workflow named in the definition but not published (or not yet listed) still shows as chosen. */}
          {node.workflow && !chosen && <option value={node.workflow}>{node.workflow}</option>}
        </select>
        <small className="hint">Runs as a child instance with its own history; its output is this step's</small>
        {workflowErrors.map((error) => (
          <small key={error} className="error" role="alert">
            {error}
          </small>
        ))}
      </div>
      <div className={`field${versionErrors.length > 0 ? " invalid" : ""}`}>
        <label htmlFor={versionId}>Version</label>
        <select
          id={versionId}
          data-testid="field-version"
          value={String(node.version ?? "latest")}
          onChange={(e) => set({ version: e.target.value === "latest" ? undefined : Number(e.target.value) }, "version")}
        >
          <option value="latest">Latest when the step starts</option>
          {versions.map((v) => (
            <option key={v} value={v}>
              Version {v}
            </option>
          ))}
          {typeof node.version === "number" && !versions.includes(node.version) && <option value={node.version}>Version {node.version}</option>}
        </select>
        {versionErrors.map((error) => (
          <small key={error} className="error" role="alert">
            {error}
          </small>
        ))}
      </div>
      <CheckboxField label="Wait for the child to end" value={node.wait !== false} onChange={(on) => set({ wait: on ? undefined : false }, "wait")} testId="field-wait" />
      <small className="hint">{node.wait === false ? "The step completes once the child has started; its output is the child's instance id" : "The step's output is the child's output; its failure is the step's"}</small>
      <CheckboxField
        label="End the child when this instance ends"
        value={node.onParentEnd !== "continue"}
        onChange={(on) => set({ onParentEnd: on ? undefined : "continue" }, "onParentEnd")}
        testId="field-onParentEnd"
      />
    </>
  );
}
