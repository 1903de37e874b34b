/**
 * Automatic layout with elkjs: layered, top to bottom, nested graphs laid out inside their
 * containers (hierarchy handled by ELK itself), so nodes never overlap however deep the nesting.
 */
import ElkConstructor, { type ELK, type ElkExtendedEdge, type ElkNode } from "elkjs/lib/elk-api.js";
import elkWorkerUrl from "elkjs/lib/elk-worker.min.js?url";
import type { CanvasModel } from "@flowcraft/definition/editor";
import { CONTAINER_PADDING, MIN_CONTAINER_SIZE, START_SIZE, STEP_SIZE, type Point } from "./geometry.ts";

/**
 * In the browser ELK runs in a web worker: laying out hundreds of nodes takes around a second,
 * which must not freeze the page. Tests in Node run it inline. Made on the first layout, not at
 * load: starting the worker compiles 1.6 MB of script, which pages without a canvas never need
 * and which would compete with the first render of those that have one.
 */
let elk: Promise<ELK> | null = null;
function elkInstance(): Promise<ELK> {
  elk ??=
    typeof Worker === "undefined"
      ? import("elkjs/lib/elk.bundled.js").then((bundled) => new bundled.default())
      : Promise.resolve(new ElkConstructor({ workerFactory: () => new Worker(elkWorkerUrl) }));
  return elk;
}

const LAYOUT_OPTIONS = {
  "elk.algorithm": "layered",
  "elk.direction": "DOWN",
  "elk.hierarchyHandling": "INCLUDE_CHILDREN",
  "elk.layered.spacing.nodeNodeBetweenLayers": "56",
  "elk.spacing.nodeNode": "40",
  "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
  "elk.padding": `[top=${CONTAINER_PADDING.top},left=${CONTAINER_PADDING.left},bottom=${CONTAINER_PADDING.bottom},right=${CONTAINER_PADDING.right}]`,
};

/**
 * A container is drawn at least MIN_CONTAINER_SIZE (geometry.ts), whatever it holds: ELK must lay
 * it out at that size too, or an empty branch frame, drawn wider than ELK thought, covers the next.
 */
const CONTAINER_OPTIONS = {
  ...LAYOUT_OPTIONS,
  "elk.nodeSize.constraints": "[MINIMUM_SIZE]",
  "elk.nodeSize.minimum": `(${MIN_CONTAINER_SIZE.width}, ${MIN_CONTAINER_SIZE.height})`,
};

/** Positions of every canvas node, relative to its parent as the canvas stores them. */
export async function layoutModel(model: CanvasModel): Promise<Record<string, Point>> {
  const byId = new Map<string, ElkNode>();
  const root: ElkNode = { id: "root", layoutOptions: LAYOUT_OPTIONS, children: [], edges: [] };
  const containers = new Set(model.nodes.filter((n) => n.parent !== null).map((n) => n.parent!));
  for (const node of model.nodes) {
    const size = node.kind === "start" ? START_SIZE : STEP_SIZE;
    const elkNode: ElkNode = containers.has(node.id)
      ? { id: node.id, layoutOptions: CONTAINER_OPTIONS, children: [], edges: [] }
      : { id: node.id, width: size.width, height: size.height };
    byId.set(node.id, elkNode);
    const parent = node.parent === null ? root : byId.get(node.parent);
    (parent ?? root).children!.push(elkNode);
  }
  // Empty containers still need room to drop steps into.
  for (const node of model.nodes) {
    const elkNode = byId.get(node.id)!;
    if (!elkNode.children && ["map", "group", "monitor", "parallel", "branch"].includes(node.kind)) {
      elkNode.width = Math.max(MIN_CONTAINER_SIZE.width, STEP_SIZE.width + CONTAINER_PADDING.left + CONTAINER_PADDING.right);
      elkNode.height = Math.max(MIN_CONTAINER_SIZE.height, STEP_SIZE.height + CONTAINER_PADDING.top + CONTAINER_PADDING.bottom);
    }
  }
  const edges: ElkExtendedEdge[] = model.edges.map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] }));
  root.edges = edges;
  const laidOut = await (await elkInstance()).layout(root);
  const positions: Record<string, Point> = {};
  const visit = (node: ElkNode) => {
    for (const child of node.children ?? []) {
      positions[child.id] = { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) };
      visit(child);
    }
  };
  visit(laidOut);
  return positions;
}
