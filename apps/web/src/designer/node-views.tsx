/**
 * How nodes look on the canvas. Each is memoised: a canvas of hundreds re-renders only what changed.
 * Handles are placed by canvas.css, and React Flow is told where they are (flow-elements.ts).
 */
import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import type { StepData, StepFlowNode } from "./flow-elements.ts";
import { KIND_LABELS } from "./kinds.ts";
import { useStepPicker } from "./step-picker.tsx";

/**
 * The exits of a node along its bottom edge, each with its words (a choice's label or condition,
 * "default", "error"...) on a background that edges pass under. A free exit offers a "+" that
 * adds a step after it. Neighbouring labels alternate between two rows when there are more than
 * two exits, so that they do not run into each other. The error exit is drawn only while the
 * node is hovered or selected, or once it leads somewhere (canvas.css).
 */
function SourceHandles({ data }: { data: StepData }) {
  const openPicker = useStepPicker((s) => s.open);
  const { nodeId, handles, exitLabels, connected } = data;
  return handles.map((handle, i) => {
    const left = `${((i + 1) / (handles.length + 1)) * 100}%`;
    const label = exitLabels[i] ?? "";
    const free = !connected.includes(handle);
    const row = handles.length > 2 && i % 2 === 1 ? " second-row" : "";
    const name = `${label || handle} of ${nodeId}`;
    return (
      <Handle
        key={handle}
        id={handle}
        type="source"
        position={Position.Bottom}
        style={{ left }}
        className={`handle handle-${handle.startsWith("choice-") ? "choice" : handle}${free ? "" : " connected"}`}
        data-testid={`handle-${nodeId}-${handle}`}
        aria-label={`${handle} of ${nodeId}`}
        title={label || undefined}
      >
        {(label || free) && (
          <span className={`handle-label${row}`}>
            {free && (
              <button
                type="button"
                className="handle-add nodrag nopan"
                data-testid={`add-after-${nodeId}-${handle}`}
                aria-label={`Add a step after ${name}`}
                title="Add a step here"
                // Not the start of a connection drawn from the handle, nor a click on the node.
                onMouseDown={(event) => event.stopPropagation()}
                onPointerDown={(event) => event.stopPropagation()}
                onClick={(event) => {
                  event.stopPropagation();
                  const box = event.currentTarget.getBoundingClientRect();
                  openPicker({ source: nodeId, handle, name, at: { x: box.left, y: box.bottom } });
                }}
              />
            )}
            {label && <span className="handle-text">{label}</span>}
          </span>
        )}
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
      <SourceHandles data={data} />
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
      {!isBranch && <SourceHandles data={data} />}
    </div>
  );
});

export const StartNode = memo(function StartNode({ data }: NodeProps<StepFlowNode>) {
  return (
    <div className="start-marker" data-testid={`node-${data.nodeId}`}>
      <span className="start-label">Start</span>
      <SourceHandles data={data} />
    </div>
  );
});

export const NODE_TYPES = { step: StepNode, container: ContainerNode, start: StartNode };
