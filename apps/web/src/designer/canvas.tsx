/**
 * The canvas: React Flow drawing the definition. It holds no copy of the graph: nodes and edges
 * are computed from the definition on every change, and each gesture becomes one pure edit.
 * Only a drag in progress lives here, and it is written to the definition when the drag ends.
 */
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStore,
  type Connection,
  type EdgeChange,
  type FitViewOptions,
  type NodeChange,
} from "@xyflow/react";
import type { NodeKind, Problem } from "@flowcraft/definition";
import { addNode, connect, disconnect, removeNodes, setPositions, toCanvasModel, type GraphKey } from "@flowcraft/definition/editor";
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from "react";
import "./canvas.css";
import { allExitLabelsOf, detailsOf } from "./describe.ts";
import { flowEdgesOf, flowNodesOf, withDragged, withRunStates, type ElementCache, type StepFlowNode } from "./flow-elements.ts";
import { layoutModel } from "./layout.ts";
import { placeFresh } from "./placement.ts";
import { detailLevelAt } from "./level-of-detail.ts";
import { NODE_TYPES } from "./node-views.tsx";
import { problemCounts } from "./problems.ts";
import { useDesigner } from "./store.ts";
import { useTestRunOverlay } from "./test-run-overlay.ts";
import type { Point } from "./geometry.ts";

/** The drag-and-drop payload type of palette items. */
export const PALETTE_MIME = "application/x-flowcraft-kind";

/**
 * How fitting the view frames the graph: never magnified past 100%, or a new workflow's lone
 * start marker (and every step dropped next to it) would be drawn at twice its size; and clear
 * of the zoom controls (bottom left) and the minimap (bottom right, 200 px wide at a 15 px
 * margin), which would otherwise cover the nodes at the graph's edges.
 */
export const FIT_VIEW_OPTIONS: Pick<FitViewOptions, "maxZoom" | "padding"> = { maxZoom: 1, padding: { top: "24px", bottom: "24px", left: "64px", right: "240px" } };

export function Canvas({ problems }: { problems: Problem[] }) {
  const definition = useDesigner((s) => s.definition);
  const layout = useDesigner((s) => s.layout);
  const selection = useDesigner((s) => s.selection);
  const edit = useDesigner((s) => s.edit);
  const select = useDesigner((s) => s.select);
  const setLayout = useDesigner((s) => s.setLayout);
  const flow = useReactFlow<StepFlowNode>();
  // One subscription for the whole canvas: the nodes themselves do not re-render on zoom, CSS
  // hides their detail (canvas.css).
  const detail = useStore((s) => detailLevelAt(s.transform[2]));
  const readOnly = useDesigner((s) => s.readOnly) !== null;
  const [dragging, setDragging] = useState<Record<string, Point>>({});
  const cache = useRef<ElementCache>(new Map());

  const model = useMemo(() => toCanvasModel(definition), [definition]);

  // Nodes the document does not place get the automatic layout, kept beside the document so that
  // merely opening a workflow never changes it.
  const unplaced = useMemo(() => model.nodes.filter((n) => n.position === null && !layout[n.id]).map((n) => n.id), [model, layout]);
  useEffect(() => {
    if (unplaced.length === 0) return;
    let cancelled = false;
    const firstLayout = Object.keys(useDesigner.getState().layout).length === 0;
    void layoutModel(model).then((positions) => {
      if (cancelled) return;
      // Only the new nodes are placed: those already shown (the start marker among them) stay
      // where they are, and the canvas moves new ones clear of them (see arrange()).
      const shown = useDesigner.getState().layout;
      const fresh = model.nodes.filter((n) => n.position === null && !shown[n.id]).map((n) => n.id);
      const stored = Object.fromEntries(model.nodes.flatMap((n) => (n.position ? [[n.id, n.position]] : [])));
      setLayout({ ...shown, ...(firstLayout ? positions : placeFresh(model, { ...shown, ...stored }, positions, fresh)) });
      // Nothing was drawn to fit the view to before; fit it to the laid-out graph.
      if (firstLayout) window.requestAnimationFrame(() => void flow.fitView(FIT_VIEW_OPTIONS));
    }).catch((error: unknown) => {
      // Without the automatic layout the steps are still drawn, kept apart by arrange().
      console.error("laying out the workflow failed", error);
      if (!cancelled) setLayout({ ...Object.fromEntries(unplaced.map((id) => [id, { x: 0, y: 0 }])), ...useDesigner.getState().layout });
    });
    return () => {
      cancelled = true;
    };
  }, [unplaced.join("\n")]); // eslint-disable-line react-hooks/exhaustive-deps

  const positions = useMemo(() => {
    const merged: Record<string, Point> = {};
    for (const node of model.nodes) merged[node.id] = node.position ?? layout[node.id] ?? { x: 0, y: 0 };
    return merged;
  }, [model, layout]);

  const counts = useMemo(() => problemCounts(problems), [problems]);
  const selected = useMemo(() => new Set(selection), [selection]);
  // Per definition, not per frame: a drag only moves positions.
  const details = useMemo(() => detailsOf(definition), [definition]);
  const exitLabels = useMemo(() => allExitLabelsOf(definition), [definition]);
  const placed = useMemo(
    () =>
      flowNodesOf(
        {
          model,
          positions,
          problems: counts,
          selection: selected,
          describe: (node) => ({ detail: details.get(node.id) ?? "", handles: node.handles, exitLabels: exitLabels.get(node.id) ?? node.handles.map(() => "") }),
        },
        cache.current,
      ),
    [model, positions, counts, selected, details, exitLabels],
  );
  // Per frame of a drag: only the dragged nodes and the containers around them change.
  const runStates = useTestRunOverlay((s) => s.states);
  // Until the first automatic layout has answered, the nodes it places have nowhere to be: drawn
  // anyway, they would show stacked in a column and then jump.
  const awaitingFirstLayout = unplaced.length > 0 && Object.keys(layout).length === 0;
  const nodes = useMemo(
    () => (awaitingFirstLayout ? [] : withRunStates(withDragged(placed, dragging), runStates)),
    [awaitingFirstLayout, placed, dragging, runStates],
  );
  const edges = useMemo(() => flowEdgesOf(model, { labels: false }), [model]);

  const onNodesChange = useCallback(
    (changes: NodeChange<StepFlowNode>[]) => {
      const moved: Record<string, Point> = {};
      let selectionChanged = false;
      const nextSelection = new Set(useDesigner.getState().selection);
      const removed: string[] = [];
      for (const change of changes) {
        if (change.type === "position" && change.position) moved[change.id] = change.position;
        if (change.type === "select") {
          selectionChanged = true;
          if (change.selected) nextSelection.add(change.id);
          else nextSelection.delete(change.id);
        }
        if (change.type === "remove") removed.push(change.id);
      }
      if (Object.keys(moved).length > 0) setDragging((current) => ({ ...current, ...moved }));
      if (selectionChanged) select([...nextSelection]);
      if (removed.length > 0) edit((def) => removeNodes(def, removed));
    },
    [edit, select],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      for (const change of changes) if (change.type === "remove") edit((def) => disconnect(def, change.id));
    },
    [edit],
  );

  const onNodeDragStop = useCallback(() => {
    setDragging((current) => {
      if (Object.keys(current).length > 0) edit((def) => setPositions(def, current));
      return {};
    });
  }, [edit]);

  const onConnect = useCallback(
    (connection: Connection) => {
      if (!connection.sourceHandle) return;
      edit((def) => connect(def, connection.source, connection.sourceHandle!, connection.target));
    },
    [edit],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(PALETTE_MIME) as NodeKind;
      if (!kind) return;
      event.preventDefault();
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      // The innermost container under the pointer takes the node: the smallest one that holds it.
      const containers = flow
        .getIntersectingNodes({ x: point.x, y: point.y, width: 1, height: 1 })
        .filter((node) => node.data.contains !== null)
        .sort((a, b) => (a.width ?? 0) * (a.height ?? 0) - (b.width ?? 0) * (b.height ?? 0));
      const target = containers[0];
      let graph: GraphKey = "";
      let position = point;
      if (target) {
        graph = target.data.contains!;
        const origin = flow.getInternalNode(target.id)?.internals.positionAbsolute ?? { x: 0, y: 0 };
        position = { x: point.x - origin.x, y: point.y - origin.y };
      }
      const rounded = { x: Math.round(position.x), y: Math.round(position.y) };
      let added: string | null = null;
      edit((def) => {
        const result = addNode(def, kind, graph, rounded);
        if (result.ok) added = result.id;
        return result;
      });
      if (added) select([added]);
    },
    [edit, flow, select],
  );

  return (
    <div className="canvas" data-testid="canvas" data-ready={unplaced.length === 0} data-detail={detail} data-read-only={readOnly} onDragOver={(event) => {
      if (event.dataTransfer.types.includes(PALETTE_MIME)) {
        event.preventDefault();
        event.dataTransfer.dropEffect = "copy";
      }
    }} onDrop={onDrop}>
      <ReactFlow<StepFlowNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        deleteKeyCode={readOnly ? null : ["Delete", "Backspace"]}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.05}
        // Hundreds of nodes: only those in view are in the page. Edges to the others still find
        // their handles, which each node states (flow-elements.ts).
        onlyRenderVisibleElements
        proOptions={{ hideAttribution: true }}
        // Until the automatic layout has placed them, the first nodes are not drawn and later ones
        // are drawn at the origin, kept apart by arrange().
        aria-busy={unplaced.length > 0}
      >
        {awaitingFirstLayout && (
          <p className="canvas-laying-out" role="status">
            Laying out the workflow…
          </p>
        )}
        {/* Zoomed far out its dots would be a sub-pixel haze, repainted on every frame of a pan. */}
        {detail === "full" && <Background />}
        <Controls fitViewOptions={FIT_VIEW_OPTIONS} />
        <MiniMap pannable zoomable />
      </ReactFlow>
    </div>
  );
}
