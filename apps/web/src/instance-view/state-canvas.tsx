/**
 * The instance's definition drawn read-only, laid out as the designer lays it out, each node
 * coloured by its state, at a zoom its labels can be read at. Clicking a node selects it.
 */
import { Background, ReactFlow } from "@xyflow/react";
import type { Definition } from "@flowcraft/definition";
import { toCanvasModel } from "@flowcraft/definition/editor";
import type { InstanceProgress } from "@flowcraft/engine";
import { useEffect, useMemo, useRef, useState } from "react";
import { detailsOf } from "../designer/describe.ts";
import { flowEdgesOf, flowNodesOf, type ElementCache } from "../designer/flow-elements.ts";
import type { Point } from "../designer/geometry.ts";
import { layoutModel } from "../designer/layout.ts";
import { ReadableFit } from "./readable-fit.tsx";
import { STATE_NODE_TYPES, type StateFlowNode } from "./state-nodes.tsx";
import { nodeWords } from "./state-words.ts";

const NO_PROBLEMS = new Map<string, number>();

interface StateCanvasProps {
  definition: Definition;
  progress: InstanceProgress | null;
  now: Date;
  selectedNode: string | null;
  onSelect(node: string): void;
}

export function StateCanvas({ definition, progress, now, selectedNode, onSelect }: StateCanvasProps) {
  const model = useMemo(() => toCanvasModel(definition), [definition]);
  // A definition the designer placed needs no automatic layout, which compiles a large script.
  const placed = model.nodes.every((node) => node.position !== null);
  const [layout, setLayout] = useState<Record<string, Point> | null>(placed ? {} : null);
  useEffect(() => {
    if (placed) return;
    let cancelled = false;
    void layoutModel(model).then((positions) => {
      if (!cancelled) setLayout(positions);
    });
    return () => {
      cancelled = true;
    };
  }, [model, placed]);

  const [overflows, setOverflows] = useState(false);
  const details = useMemo(() => detailsOf(definition), [definition]);
  const cache = useRef<ElementCache>(new Map());
  const base = useMemo(() => {
    if (!layout) return [];
    const positions: Record<string, Point> = {};
    for (const node of model.nodes) positions[node.id] = node.position ?? layout[node.id] ?? { x: 0, y: 0 };
    const selection = new Set(selectedNode ? [selectedNode] : []);
    return flowNodesOf({ model, positions, problems: NO_PROBLEMS, selection, describe: (node) => ({ detail: details.get(node.id) ?? "", handles: node.handles, exitLabels: node.handles.map(() => "") }) }, cache.current);
  }, [model, layout, details, selectedNode]);

  const placesByKey = useMemo(() => new Map(progress?.places.map((place) => [place.key, place])), [progress]);
  const nodes = useMemo<StateFlowNode[]>(
    () =>
      base.map((element) => {
        const node = progress?.nodes.get(element.data.nodeId);
        return {
          ...element,
          draggable: false,
          deletable: false,
          connectable: false,
          data: { ...element.data, state: node?.state ?? null, words: node ? nodeWords(node, placesByKey, now, progress!.suspended) : "" },
        };
      }),
    [base, progress, placesByKey, now],
  );
  const edges = useMemo(() => flowEdgesOf(model).map((edge) => ({ ...edge, deletable: false, selectable: false })), [model]);

  if (!layout) return <div className="canvas state-canvas" aria-busy="true">Laying out…</div>;
  return (
    <div className="canvas state-canvas" data-testid="canvas">
      <ReactFlow<StateFlowNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={STATE_NODE_TYPES}
        onNodeClick={(_, node) => {
          if (progress?.nodes.has(node.data.nodeId)) onSelect(node.data.nodeId);
        }}
        nodesDraggable={false}
        nodesConnectable={false}
        deleteKeyCode={null}
        // The wheel pans a graph bigger than its pane, and scrolls the page past one that fits; Ctrl+wheel and pinching zoom.
        panOnScroll={overflows}
        zoomOnScroll={false}
        preventScrolling={overflows}
        minZoom={0.05}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <ReadableFit onOverflow={setOverflows} />
      </ReactFlow>
    </div>
  );
}
