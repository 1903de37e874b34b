/** The fields of each node kind. Every change is one `updateNode` edit of the definition. */
import type { Node, Problem, RetryPolicy } from "@flowcraft/definition";
import { addBranch, addChoice, removeBranch, removeChoice, updateNode } from "@flowcraft/definition/editor";
import { useDesigner } from "../store.ts";
import { CheckboxField, DurationField, ExpressionField, ListField, NumberField, TextField } from "./fields.tsx";
import { SubworkflowFields } from "./subworkflow-fields.tsx";

/** The node with `patch` applied; fields set to undefined are removed, as absent fields are in JSON. */
export function patched<T extends object>(node: T, patch: Partial<Record<string, unknown>>): T {
  const next: Record<string, unknown> = { ...(node as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return next as T;
}

export const ACTIVITY_LIST_ID = "registered-activities";

/** Sets fields of the node being edited, as one edit named after `field`. */
export type SetFields = (patch: Record<string, unknown>, field: string) => void;
/** The problems of a field and of the fields inside it. */
export type ProblemsOf = (field: string) => Problem[];

/** An activity's or a sub-workflow step's retry policy. */
function RetryFields({ retry, set, of, hint }: { retry: RetryPolicy | undefined; set: SetFields; of: ProblemsOf; hint: string }) {
  return (
    <fieldset>
      <legend>Retry policy</legend>
      <NumberField label="Max attempts" value={retry?.maxAttempts} onChange={(v) => set({ retry: v === undefined ? undefined : patched(retry ?? { maxAttempts: v }, { maxAttempts: v }) }, "retry.maxAttempts")} problems={of("retry.maxAttempts")} testId="field-retry-maxAttempts" hint={hint} />
      {retry && (
        <>
          <NumberField label="First interval (s)" value={retry.firstInterval} onChange={(v) => set({ retry: patched(retry, { firstInterval: v }) }, "retry.firstInterval")} problems={of("retry.firstInterval")} testId="field-retry-firstInterval" />
          <NumberField label="Backoff coefficient" value={retry.backoffCoefficient} onChange={(v) => set({ retry: patched(retry, { backoffCoefficient: v }) }, "retry.backoffCoefficient")} problems={of("retry.backoffCoefficient")} testId="field-retry-backoffCoefficient" />
          <NumberField label="Max interval (s)" value={retry.maxInterval} onChange={(v) => set({ retry: patched(retry, { maxInterval: v }) }, "retry.maxInterval")} problems={of("retry.maxInterval")} testId="field-retry-maxInterval" />
        </>
      )}
    </fieldset>
  );
}

export function NodeForm({ id, node, problems }: { id: string; node: Node; problems: Problem[] }) {
  const edit = useDesigner((s) => s.edit);
  const set = (patch: Record<string, unknown>, field: string) => edit((def) => updateNode(def, id, patched(node, patch)), `${id}.${field}`);
  const of = (field: string) => problems.filter((p) => p.field === field || p.field?.startsWith(`${field}.`));
  const text = (field: string, value: string) => set({ [field]: value === "" ? undefined : value }, field);

  const common = (
    <>
      <TextField label="Title" value={node.title ?? ""} onChange={(v) => text("title", v)} problems={of("title")} testId="field-title" />
      <TextField label="Description" value={node.description ?? ""} onChange={(v) => text("description", v)} problems={of("description")} testId="field-description" />
    </>
  );
  const customStatus = (
    <ExpressionField label="Custom status" value={node.customStatus ?? ""} onChange={(v) => text("customStatus", v)} problems={of("customStatus")} hint="Sets the instance's customStatus when this step completes" testId="field-customStatus" />
  );
  const onError =
    node.type === "end" || node.type === "fail" ? null : (
      <ListField
        label="Error names the error path handles"
        value={node.onError?.errors}
        onChange={(errors) => node.onError && set({ onError: patched(node.onError, { errors }) }, "onError.errors")}
        problems={of("onError")}
        hint={node.onError ? "Comma-separated; all errors when empty" : "Connect the error handle to a compensation path to handle failures"}
        testId="field-onError-errors"
      />
    );

  switch (node.type) {
    case "activity":
      return (
        <>
          {common}
          <TextField label="Activity" value={node.activity} onChange={(v) => set({ activity: v }, "activity")} problems={of("activity")} list={ACTIVITY_LIST_ID} testId="field-activity" hint="A registered activity, or http / transform" />
          <ExpressionField label="Input" value={node.input ?? ""} onChange={(v) => text("input", v)} problems={of("input")} testId="field-input" />
          <NumberField label="Timeout (seconds per attempt)" value={node.timeout} onChange={(v) => set({ timeout: v }, "timeout")} problems={of("timeout")} testId="field-timeout" hint="Default 300" />
          <NumberField label="Heartbeat timeout (seconds)" value={node.heartbeatTimeout} onChange={(v) => set({ heartbeatTimeout: v }, "heartbeatTimeout")} problems={of("heartbeatTimeout")} testId="field-heartbeatTimeout" hint="Fails an attempt whose activity has not called heartbeat() for this long; empty: no check" />
          <RetryFields retry={node.retry} set={set} of={of} hint="Attempts in all; empty: no retry" />
          {customStatus}
          {onError}
        </>
      );
    case "subworkflow":
      return (
        <>
          {common}
          <SubworkflowFields node={node} set={set} of={of} />
          <ExpressionField label="Input" value={node.input ?? ""} onChange={(v) => text("input", v)} problems={of("input")} testId="field-input" hint="The child's input: JSONata over input, steps.<id>, item, index" />
          <RetryFields retry={node.retry} set={set} of={of} hint="Attempts in all, each a new child; empty: no retry" />
          {customStatus}
          {onError}
        </>
      );
    case "wait":
      return (
        <>
          {common}
          <TextField label="Event name" value={node.event} onChange={(v) => set({ event: v }, "event")} problems={of("event")} testId="field-event" />
          <DurationField label="Timeout" value={node.timeout} onChange={(v) => set({ timeout: v }, "timeout")} problems={of("timeout")} testId="field-wait-timeout" hint="Seconds or an expression; connect the timeout handle to the path taken then" />
          <CheckboxField label="Human approval" value={node.approval !== undefined} onChange={(on) => set({ approval: on ? {} : undefined }, "approval")} testId="field-approval" />
          {node.approval && (
            <fieldset>
              <legend>Approval</legend>
              <ListField label="Approvers" value={node.approval.approvers} onChange={(v) => set({ approval: patched(node.approval!, { approvers: v }) }, "approval.approvers")} problems={of("approval.approvers")} testId="field-approvers" hint="Users who may decide, comma-separated" />
              <ListField label="Groups" value={node.approval.groups} onChange={(v) => set({ approval: patched(node.approval!, { groups: v }) }, "approval.groups")} problems={of("approval.groups")} testId="field-groups" />
              <CheckboxField
                label="Not the person who started the instance"
                value={node.approval.excludeStarter === true}
                onChange={(on) => set({ approval: patched(node.approval!, { excludeStarter: on ? true : undefined }) }, "approval.excludeStarter")}
                testId="field-exclude-starter"
              />
              <ExpressionField label="Summary" value={node.approval.summary ?? ""} onChange={(v) => set({ approval: patched(node.approval!, { summary: v === "" ? undefined : v }) }, "approval.summary")} problems={of("approval.summary")} testId="field-summary" hint="What the approver sees" />
            </fieldset>
          )}
          {customStatus}
          {onError}
        </>
      );
    case "timer":
      return (
        <>
          {common}
          <DurationField label="Duration" value={node.duration} onChange={(v) => set({ duration: v ?? 0 }, "duration")} problems={of("duration")} testId="field-duration" />
          {customStatus}
          {onError}
        </>
      );
    case "decision":
      return (
        <>
          {common}
          {node.choices.map((choice, i) => (
            <fieldset key={i}>
              <legend>Choice {i + 1}</legend>
              <ExpressionField label="When" value={choice.when} onChange={(v) => set({ choices: node.choices.map((c, j) => (j === i ? { ...c, when: v } : c)) }, `choices.${i}.when`)} problems={of(`choices.${i}.when`)} testId={`field-choice-${i}-when`} />
              <TextField label="Label" value={choice.label ?? ""} onChange={(v) => set({ choices: node.choices.map((c, j) => (j === i ? patched(c, { label: v === "" ? undefined : v }) : c)) }, `choices.${i}.label`)} testId={`field-choice-${i}-label`} />
              {of(`choices.${i}.next`).map((p) => (
                <small key={p.message} className="error">{p.message}</small>
              ))}
              <button type="button" onClick={() => edit((def) => removeChoice(def, id, i))} disabled={node.choices.length <= 1}>
                Remove choice {i + 1}
              </button>
            </fieldset>
          ))}
          <button type="button" data-testid="add-choice" onClick={() => edit((def) => addChoice(def, id))}>
            Add a choice
          </button>
          {customStatus}
          {onError}
        </>
      );
    case "map":
      return (
        <>
          {common}
          <ExpressionField label="Items" value={node.items} onChange={(v) => set({ items: v }, "items")} problems={of("items")} testId="field-items" hint="The list to fan out over; the body sees item and index" />
          <NumberField label="Max concurrency" value={node.maxConcurrency} onChange={(v) => set({ maxConcurrency: v }, "maxConcurrency")} problems={of("maxConcurrency")} testId="field-maxConcurrency" hint="Most bodies running at once; empty: all" />
          {customStatus}
          {onError}
        </>
      );
    case "parallel":
      return (
        <>
          {common}
          <p>{node.branches.length} branch(es), run at once; the output lists each branch's output in order.</p>
          <button type="button" data-testid="add-branch" onClick={() => edit((def) => addBranch(def, id))}>
            Add a branch
          </button>
          {node.branches.map((_, i) => (
            <button key={i} type="button" disabled={node.branches.length <= 1} onClick={() => edit((def) => removeBranch(def, id, i))}>
              Remove branch {i + 1}
            </button>
          ))}
          {customStatus}
          {onError}
        </>
      );
    case "group":
      return (
        <>
          {common}
          <p>Steps inside share this group's error path: connect its error handle to the compensation steps.</p>
          {customStatus}
          {onError}
        </>
      );
    case "monitor":
      return (
        <>
          {common}
          <ExpressionField label="Initial state" value={node.state ?? ""} onChange={(v) => text("state", v)} problems={of("state")} testId="field-state" />
          <ExpressionField label="Next state" value={node.nextState ?? ""} onChange={(v) => text("nextState", v)} problems={of("nextState")} testId="field-nextState" />
          <ExpressionField label="Until" value={node.until ?? ""} onChange={(v) => text("until", v)} problems={of("until")} testId="field-until" hint="Stop condition, evaluated after the next state" />
          <DurationField label="Interval" value={node.interval} onChange={(v) => set({ interval: v ?? 0 }, "interval")} problems={of("interval")} testId="field-interval" />
          <NumberField label="Max iterations" value={node.maxIterations} onChange={(v) => set({ maxIterations: v }, "maxIterations")} problems={of("maxIterations")} testId="field-maxIterations" />
          {customStatus}
          {onError}
        </>
      );
    case "end":
      return (
        <>
          {common}
          <ExpressionField label="Output" value={node.output ?? ""} onChange={(v) => text("output", v)} problems={of("output")} testId="field-output" hint="The graph's output; the previous step's when empty" />
          {customStatus}
        </>
      );
    case "fail":
      return (
        <>
          {common}
          <TextField label="Error name" value={node.error ?? ""} onChange={(v) => text("error", v)} problems={of("error")} testId="field-error" />
          <ExpressionField label="Message" value={node.message ?? ""} onChange={(v) => text("message", v)} problems={of("message")} testId="field-message" />
          {customStatus}
        </>
      );
  }
}
