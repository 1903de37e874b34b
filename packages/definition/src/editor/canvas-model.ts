/**
 * What the canvas draws, derived from the definition and independent of any UI library: one
 * canvas node per definition node, a start marker per graph, a frame per parallel branch, and
 * one edge per reference.
 */
import type { Definition, Graph, Node, NodeKind } from "../schema.ts";
import { branchFrameId, edgeIdOf, startMarkerId } from "./canvas-ids.ts";
import { graphKeyOf, TOP_LEVEL, type GraphKey } from "./graph-key.ts";
import { choiceHandle, referenceAt, sourceHandlesOf, START_HANDLE } from "./handles.ts";
import { readPositions, type Position } from "./positions.ts";

/** A node kind, or one of the canvas's virtual nodes: a graph's start marker, a parallel branch's frame. */
export type CanvasNodeKind = NodeKind | "start" | "branch";

/** One node on the canvas. */
export interface CanvasNode {
  /** The node id; "start:<graphKey>" for a start marker, "branch:<parallelId>#<i>" for a branch frame. */
  id: string;
  kind: CanvasNodeKind;
  /** The graph the node belongs to; a start marker's is the graph it starts, a branch frame's that of its parallel node. */
  graph: GraphKey;
  /** Canvas id of the enclosing container (map/group/monitor node, or branch frame); null at top level. */
  parent: string | null;
  /** The node's title, or its id when the title is absent or empty; "Start", "Branch <i+1>" for virtual nodes. */
  title: string;
  /** Stored position relative to the parent; null when none is stored (the canvas lays it out). */
  position: Position | null;
  /** Source handles it offers, in drawing order. */
  handles: string[];
  /** The graph drawn inside it (body of a map/group/monitor node, a branch frame's branch); null otherwise. */
  contains: GraphKey | null;
}

/** One edge on the canvas: a reference from a source handle to a node of the same graph. */
export interface CanvasEdge {
  /** "<source>:<handle>". */
  id: string;
  source: string;
  sourceHandle: string;
  target: string;
  label?: string;
}

/** Everything the canvas draws; parents precede their children in `nodes`, as xyflow requires. */
export interface CanvasModel {
  nodes: CanvasNode[];
  edges: CanvasEdge[];
}

/**
 * The canvas model of a definition, draft or not. References to ids that are not in the same
 * graph are not drawn (validation reports them). An id repeated in a draft is drawn once, where
 * it is first met (as locateNode finds it); edges to it from another graph are not drawn.
 */
export function toCanvasModel(definition: Definition): CanvasModel {
  const positions = readPositions(definition);
  const positionOf = (id: string): Position | null => (Object.hasOwn(positions, id) ? positions[id]! : null);
  const nodes: CanvasNode[] = [];
  const edges: CanvasEdge[] = [];
  const seen = new Set<string>();

  /** A graph to draw inside `parent`, after the frame that holds it when it is a branch. */
  interface Pending {
    graph: Graph;
    key: GraphKey;
    parent: string | null;
    frame?: CanvasNode;
  }
  // A stack of graphs still to draw, not recursion: a draft may nest deeper than the stack allows.
  const pending: Pending[] = [{ graph: { start: definition.start, nodes: definition.nodes }, key: TOP_LEVEL, parent: null }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { graph, key, parent, frame } = next;
    if (frame) nodes.push(frame);
    const marker = startMarkerId(key);
    nodes.push({ id: marker, kind: "start", graph: key, parent, title: "Start", position: positionOf(marker), handles: [START_HANDLE], contains: null });
    const drawn: [string, Node][] = [];
    for (const [id, node] of Object.entries(graph.nodes)) {
      if (seen.has(id)) continue;
      seen.add(id);
      drawn.push([id, node]);
    }
    const here = new Set(drawn.map(([id]) => id));
    if (here.has(graph.start)) {
      edges.push({ id: edgeIdOf(marker, START_HANDLE), source: marker, sourceHandle: START_HANDLE, target: graph.start });
    }
    for (const [id, node] of drawn) {
      const contains = node.type === "map" || node.type === "group" || node.type === "monitor" ? graphKeyOf(id) : null;
      const title = node.title ? node.title : id;
      const handles = sourceHandlesOf(node);
      nodes.push({ id, kind: node.type, graph: key, parent, title, position: positionOf(id), handles, contains });
      for (const handle of handles) {
        const target = referenceAt(node, handle);
        if (target === undefined || !here.has(target)) continue;
        const label = labelOf(node, handle);
        edges.push({ id: edgeIdOf(id, handle), source: id, sourceHandle: handle, target, ...(label === undefined ? {} : { label }) });
      }
    }
    // Nested graphs come after all nodes of this one: containers precede their contents, and each graph's nodes stay together.
    const nested: Pending[] = [];
    for (const [id, node] of drawn) {
      if (node.type === "parallel") {
        node.branches.forEach((branch, i) => {
          const frameId = branchFrameId(id, i);
          const branchKey = graphKeyOf(id, i);
          const frameNode: CanvasNode = { id: frameId, kind: "branch", graph: key, parent: id, title: `Branch ${i + 1}`, position: positionOf(frameId), handles: [], contains: branchKey };
          nested.push({ graph: branch, key: branchKey, parent: frameId, frame: frameNode });
        });
      } else if (node.type === "map" || node.type === "group" || node.type === "monitor") {
        nested.push({ graph: node.body, key: graphKeyOf(id), parent: id });
      }
    }
    for (let i = nested.length - 1; i >= 0; i--) pending.push(nested[i]!);
  }
  return { nodes, edges };
}

/** Decision edges are labelled: a choice by its label (or condition), the default as "default". */
function labelOf(node: Node, handle: string): string | undefined {
  if (node.type !== "decision") return undefined;
  if (handle === "default") return "default";
  const choice = node.choices.find((_, i) => choiceHandle(i) === handle);
  return choice ? choice.label || choice.when : undefined;
}
