/**
 * The canvas elements (React Flow nodes and edges) computed from the definition's canvas model,
 * its positions, and the validation problems. Element objects are reused while their content is
 * unchanged, so memoised node components re-render only for the nodes an edit touched.
 */
import { Position, type Edge as FlowEdge, type Node as FlowNode, type NodeHandle } from "@xyflow/react";
import type { CanvasModel, CanvasNode } from "@flowcraft/definition/editor";
import type { StepState } from "@flowcraft/engine";
import { containerSize, HANDLE_SIZE, START_SIZE, STEP_SIZE, type Box, type Point, type Size } from "./geometry.ts";
import { separate } from "./separation.ts";

export interface StepData extends Record<string, unknown> {
  kind: CanvasNode["kind"];
  nodeId: string;
  title: string;
  detail: string;
  handles: string[];
  /** The words on each handle, in the order of `handles` ("" for none). */
  exitLabels: string[];
  /** The handles that lead somewhere: the others offer to add a step. */
  connected: string[];
  problems: number;
  /** The graph drawn inside this container, where dropped nodes go. */
  contains: string | null;
}

export type StepFlowNode = FlowNode<StepData>;

const CONTAINER_KINDS = new Set(["map", "group", "monitor", "parallel", "branch"]);

export const isContainerKind = (kind: string) => CONTAINER_KINDS.has(kind);

export interface ElementInputs {
  model: CanvasModel;
  /** Detail line, handles and their labels of each node, from its definition. */
  describe(node: CanvasNode): { detail: string; handles: string[]; exitLabels: string[] };
  positions: Record<string, Point>;
  problems: Map<string, number>;
  selection: Set<string>;
}

/** Previous elements by id, for reuse. */
export type ElementCache = Map<string, StepFlowNode>;

export function flowNodesOf(inputs: ElementInputs, cache: ElementCache): StepFlowNode[] {
  const { model } = inputs;
  const { positions, sizes } = arrange(model, inputs.positions);
  const connected = connectedHandlesOf(model);
  const nodes: StepFlowNode[] = [];
  for (const node of model.nodes) {
    const { detail, handles, exitLabels } = inputs.describe(node);
    const size = sizes.get(node.id)!;
    const position = positions[node.id] ?? { x: 0, y: 0 };
    const data: StepData = {
      kind: node.kind,
      nodeId: node.id,
      title: node.title,
      detail,
      handles,
      exitLabels,
      connected: connected.get(node.id) ?? NONE,
      problems: inputs.problems.get(node.id) ?? 0,
      contains: node.contains,
    };
    const selected = inputs.selection.has(node.id);
    const previous = cache.get(node.id);
    if (
      previous &&
      previous.position.x === position.x &&
      previous.position.y === position.y &&
      previous.width === size.width &&
      previous.height === size.height &&
      previous.selected === selected &&
      previous.parentId === (node.parent ?? undefined) &&
      sameData(previous.data, data)
    ) {
      nodes.push(previous);
      continue;
    }
    const element: StepFlowNode = {
      id: node.id,
      type: node.kind === "start" ? "start" : isContainerKind(node.kind) ? "container" : "step",
      position,
      data,
      width: size.width,
      height: size.height,
      // The size React Flow would measure: it need not wait for a measurement to draw the node.
      measured: { width: size.width, height: size.height },
      // Where the handles are, so that edges reach nodes React Flow has not drawn (it draws only
      // those in view) and follow handles that move, without React Flow measuring the DOM.
      handles: handleGeometry(node.kind, handles, size),
      selected,
      ...(node.parent !== null ? { parentId: node.parent, extent: "parent" as const } : {}),
      // Start markers and branch lanes belong to their graph: they cannot be deleted on their own.
      deletable: node.kind !== "start" && node.kind !== "branch",
      draggable: node.kind !== "branch",
    };
    cache.set(node.id, element);
    nodes.push(element);
  }
  return nodes;
}

const NONE: string[] = [];

/** The handles each node has an edge from, by node id. */
function connectedHandlesOf(model: CanvasModel): Map<string, string[]> {
  const connected = new Map<string, string[]>();
  for (const edge of model.edges) {
    const handles = connected.get(edge.source);
    if (handles) handles.push(edge.sourceHandle);
    else connected.set(edge.source, [edge.sourceHandle]);
  }
  return connected;
}

/**
 * The handles as node-views.tsx draws them and canvas.css places them: the target "in" centred on
 * the top edge (start markers and branch lanes have none), the source handles spread evenly along
 * the bottom edge (none on branch lanes).
 */
export function handleGeometry(kind: CanvasNode["kind"], sources: string[], size: Size): NodeHandle[] {
  const half = HANDLE_SIZE / 2;
  const box = { width: HANDLE_SIZE, height: HANDLE_SIZE };
  const handles: NodeHandle[] = [];
  if (kind === "branch") return handles;
  if (kind !== "start") handles.push({ id: "in", type: "target", position: Position.Top, x: size.width / 2 - half, y: -half, ...box });
  sources.forEach((id, i) => {
    const x = (size.width * (i + 1)) / (sources.length + 1) - half;
    handles.push({ id, type: "source", position: Position.Bottom, x, y: size.height - half, ...box });
  });
  return handles;
}

/**
 * The elements with the nodes of a drag in progress at their new positions. Only those nodes and
 * the containers around them (which grow to hold them, as sizesOf would make them) become new
 * objects: a frame of a drag costs what it moves, not the whole graph.
 */
export function withDragged(nodes: StepFlowNode[], dragging: Record<string, Point>): StepFlowNode[] {
  const moved = Object.keys(dragging);
  if (moved.length === 0) return nodes;
  const { index, children } = treeOf(nodes);
  const next = [...nodes];
  const containers = new Set<number>();
  for (const id of moved) {
    const i = index.get(id);
    if (i === undefined) continue;
    next[i] = { ...next[i]!, position: dragging[id]! };
    for (let parent = next[i]!.parentId; parent !== undefined; parent = next[index.get(parent)!]!.parentId) containers.add(index.get(parent)!);
  }
  // Children follow their parents in the list, so the innermost containers come last: size them first.
  for (const i of [...containers].sort((a, b) => b - a)) {
    const container = next[i]!;
    const size = containerSize((children.get(container.id) ?? []).map((c) => ({ ...next[c]!.position, width: next[c]!.width!, height: next[c]!.height! })));
    if (size.width === container.width && size.height === container.height) continue;
    next[i] = { ...container, ...size, measured: size, handles: handleGeometry(container.data.kind, container.data.handles, size) };
  }
  return next;
}

/**
 * The nodes with a test run's step states on their frames (`data-run-state`, which test-run.css
 * draws); nodes without a state in the run stay the same objects. The document is not touched.
 */
export function withRunStates(nodes: StepFlowNode[], states: ReadonlyMap<string, StepState> | null): StepFlowNode[] {
  if (!states) return nodes;
  return nodes.map((node) => {
    const state = states.get(node.data.nodeId);
    if (!state) return node;
    return { ...node, domAttributes: { "data-run-state": state, title: `${node.data.title}: ${state} in the test run` } as StepFlowNode["domAttributes"] };
  });
}

/** Where each node is in the list and which nodes each container holds; kept per list, which only changes with the definition. */
const trees = new WeakMap<StepFlowNode[], { index: Map<string, number>; children: Map<string, number[]> }>();

function treeOf(nodes: StepFlowNode[]) {
  let tree = trees.get(nodes);
  if (tree) return tree;
  tree = { index: new Map(), children: new Map() };
  nodes.forEach((node, i) => {
    tree!.index.set(node.id, i);
    if (node.parentId === undefined) return;
    const siblings = tree!.children.get(node.parentId);
    if (siblings) siblings.push(i);
    else tree!.children.set(node.parentId, [i]);
  });
  trees.set(nodes, tree);
  return tree;
}

/**
 * The edges, labelled with their decision choice unless `labels` is false: the designer writes
 * those words on the handles the edges leave from (node-views.tsx), where a label on the edge too
 * would say the same thing twice.
 */
export function flowEdgesOf(model: CanvasModel, { labels }: { labels: boolean } = { labels: true }): FlowEdge[] {
  return model.edges.map((edge) => ({
    id: edge.id,
    source: edge.source,
    sourceHandle: edge.sourceHandle,
    target: edge.target,
    targetHandle: "in",
    ...(labels && edge.label !== undefined ? { label: edge.label } : {}),
    className: `edge-${edge.sourceHandle.startsWith("choice-") ? "choice" : edge.sourceHandle}`,
    deletable: edge.sourceHandle !== "start",
  }));
}

/** Sizes bottom-up: a container encloses its children at their positions. */
export function sizesOf(model: CanvasModel, positions: Record<string, Point>): Map<string, Size> {
  return arrange(model, positions).sizes;
}

/**
 * Where each node is drawn and how large: bottom-up, the children of each container are moved
 * apart (see separation.ts) and the container sized to hold them; then the top-level nodes are
 * moved apart too. No two nodes of the canvas overlap, whatever was stored.
 */
export function arrange(model: CanvasModel, stored: Record<string, Point>): { positions: Record<string, Point>; sizes: Map<string, Size> } {
  const positions: Record<string, Point> = { ...stored };
  const sizes = new Map<string, Size>();
  const children = new Map<string | null, CanvasNode[]>();
  for (const node of model.nodes) {
    const siblings = children.get(node.parent);
    if (siblings) siblings.push(node);
    else children.set(node.parent, [node]);
  }
  const separateChildren = (parent: string | null) => {
    const inside = children.get(parent) ?? [];
    const boxes = inside.map((child) => ({ id: child.id, ...(positions[child.id] ?? { x: 0, y: 0 }), ...sizes.get(child.id)!, pinned: child.kind === "start" }));
    for (const [id, point] of separate(boxes)) positions[id] = point;
    return inside;
  };
  // Parents come before children in the model, so walking it backwards sizes children first.
  for (const node of [...model.nodes].reverse()) {
    if (children.has(node.id) || isContainerKind(node.kind)) {
      const inside = separateChildren(node.id);
      sizes.set(node.id, containerSize(inside.map((child) => ({ ...(positions[child.id] ?? { x: 0, y: 0 }), ...sizes.get(child.id)! }))));
    } else {
      sizes.set(node.id, node.kind === "start" ? START_SIZE : STEP_SIZE);
    }
  }
  separateChildren(null);
  return { positions, sizes };
}

function sameData(a: StepData, b: StepData): boolean {
  return (
    a.kind === b.kind &&
    a.nodeId === b.nodeId &&
    a.title === b.title &&
    a.detail === b.detail &&
    a.problems === b.problems &&
    a.contains === b.contains &&
    sameList(a.handles, b.handles) &&
    sameList(a.exitLabels, b.exitLabels) &&
    sameList(a.connected, b.connected)
  );
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
