/**
 * Canvas nodes of the instance view: the designer's look, coloured by the step's state in this
 * instance, with a line that says why it is in that state. Handles are only anchors for edges.
 */
import { Handle, Position, type NodeProps, type Node as FlowNode } from "@xyflow/react";
import type { StepState } from "@flowcraft/engine";
import { memo } from "react";
import type { StepData } from "../designer/flow-elements.ts";
import { KIND_LABELS } from "../designer/kinds.ts";
import { NODE_TYPES } from "../designer/node-views.tsx";
import { STATE_LABELS } from "./state-words.ts";

export interface StateData extends StepData {
  /** Null for the canvas's own nodes (start markers, branch frames). */
  state: StepState | null;
  words: string;
}

export type StateFlowNode = FlowNode<StateData>;

function Anchors({ handles, target }: { handles: string[]; target: boolean }) {
  return (
    <>
      {target && <Handle id="in" type="target" position={Position.Top} className="handle anchor" isConnectable={false} />}
      {handles.map((handle, i) => (
        <Handle key={handle} id={handle} type="source" position={Position.Bottom} style={{ left: `${((i + 1) / (handles.length + 1)) * 100}%` }} className="handle anchor" isConnectable={false} />
      ))}
    </>
  );
}

function StateBadge({ state }: { state: StepState | null }) {
  return state ? <span className={`state-badge state-${state}`}>{STATE_LABELS[state]}</span> : null;
}

const StateStepNode = memo(function StateStepNode({ data, selected }: NodeProps<StateFlowNode>) {
  return (
    <div
      className={`step step-${data.kind} run-state state-${data.state}${selected ? " selected" : ""}`}
      data-testid={`node-${data.nodeId}`}
      data-state={data.state ?? undefined}
      title={`${data.title}: ${data.words}`}
    >
      <Anchors handles={data.handles} target />
      <div className="step-kind">
        {KIND_LABELS[data.kind]} <StateBadge state={data.state} />
      </div>
      <div className="step-title">{data.title}</div>
      <div className="step-words" data-testid={`node-words-${data.nodeId}`}>
        {data.words}
      </div>
    </div>
  );
});

const StateContainerNode = memo(function StateContainerNode({ data, selected }: NodeProps<StateFlowNode>) {
  const isBranch = data.kind === "branch";
  return (
    <div
      className={`container container-${data.kind} run-state state-${data.state}${selected ? " selected" : ""}`}
      data-testid={`node-${data.nodeId}`}
      data-state={data.state ?? undefined}
      title={`${data.title}: ${data.words}`}
    >
      <Anchors handles={isBranch ? [] : data.handles} target={!isBranch} />
      <div className="container-header run-state-header">
        <div>
          <span className="step-kind">{KIND_LABELS[data.kind]}</span> <span className="step-title">{data.title}</span>
        </div>
        {data.state && (
          <div className="step-words" data-testid={`node-words-${data.nodeId}`}>
            <StateBadge state={data.state} /> {data.words}
          </div>
        )}
      </div>
    </div>
  );
});

export const STATE_NODE_TYPES = { step: StateStepNode, container: StateContainerNode, start: NODE_TYPES.start };
