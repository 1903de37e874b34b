/**
 * How nodes look on the canvas. Each is memoised: a canvas of hundreds re-renders only what changed.
 * Handles are placed by canvas.css, and React Flow is told where they are (flow-elements.ts).
 */
import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import type { StepFlowNode } from "./flow-elements.ts";
import { KIND_LABELS } from "./kinds.ts";

/** What a source handle means, shown beside it; "next" is the plain continuation. */
function handleLabel(handle: string): string | null {
  if (handle === "next" || handle === "start") return null;
  if (handle.startsWith("choice-")) return `${Number(handle.slice(7)) + 1}`;
  return handle;
}

function SourceHandles({ nodeId, handles }: { nodeId: string; handles: string[] }) {
  return handles.map((handle, i) => {
    const left = `${((i + 1) / (handles.length + 1)) * 100}%`;
    const label = handleLabel(handle);
    return (
      <Handle
        key={handle}
        id={handle}
        type="source"
        position={Position.Bottom}
        style={{ left }}
        className={`handle handle-${handle.startsWith("choice-") ? "choice" : handle}`}
        data-testid={`handle-${nodeId}-${handle}`}
        aria-label={`${handle} of ${nodeId}`}
      >
        {label && <span className="handle-label">{label}</span>}
      </Handle>
    );
  });
}

export const StepNode = memo(function StepNode({ data, selected }: NodeProps<StepFlowNode>) {
  return (
    <div className={`step step-${data.kind}${selected ? " selected" : ""}${data.problems > 0 ? " has-problems" : ""}`} data-testid={`node-${data.nodeId}`}>
      <Handle id="in" type="target" position={Position.Top} className="handle" data-testid={`handle-${data.nodeId}-in`} />
      <div className="step-kind">{KIND_LABELS[data.kind]}</div>
      <div className="step-title">{data.title}</div>
      {data.detail && <div className="step-detail">{data.detail}</div>}
      {data.problems > 0 && (
        <span className="problem-badge" title={`${data.problems} problem(s)`} data-testid={`problems-${data.nodeId}`}>
          {data.problems}
        </span>
      )}
      <SourceHandles nodeId={data.nodeId} handles={data.handles} />
    </div>
  );
});

export const ContainerNode = memo(function ContainerNode({ data, selected }: NodeProps<StepFlowNode>) {
  const isBranch = data.kind === "branch";
  return (
    <div className={`container container-${data.kind}${selected ? " selected" : ""}${data.problems > 0 ? " has-problems" : ""}`} data-testid={`node-${data.nodeId}`}>
      {!isBranch && <Handle id="in" type="target" position={Position.Top} className="handle" data-testid={`handle-${data.nodeId}-in`} />}
      <div className="container-header">
        <span className="step-kind">{KIND_LABELS[data.kind]}</span> <span className="step-title">{data.title}</span>
        {data.detail && <span className="step-detail"> · {data.detail}</span>}
        {data.problems > 0 && (
          <span className="problem-badge" data-testid={`problems-${data.nodeId}`}>
            {data.problems}
          </span>
        )}
      </div>
      {!isBranch && <SourceHandles nodeId={data.nodeId} handles={data.handles} />}
    </div>
  );
});

export const StartNode = memo(function StartNode({ data }: NodeProps<StepFlowNode>) {
  return (
    <div className="start-marker" data-testid={`node-${data.nodeId}`}>
      <span className="start-label">Start</span>
      <Handle id="start" type="source" position={Position.Bottom} className="handle" data-testid={`handle-${data.nodeId}-start`} />
    </div>
  );
});

export const NODE_TYPES = { step: StepNode, container: ContainerNode, start: StartNode };
