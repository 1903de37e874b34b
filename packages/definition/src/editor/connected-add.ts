/**
 * Adding a step already connected, as n8n does: after a handle (in between, when the handle
 * already leads somewhere), or at the end of a graph's main path. Each is one edit, so one undo.
 */
import type { Definition, Node } from "../schema.ts";
import { parseCanvasId, startMarkerId } from "./canvas-ids.ts";
import { failed, kindPhrase, succeeded, type EditResult } from "./edit-result.ts";
import { graphAt, graphKeyOf, locateNode, TOP_LEVEL, type GraphKey } from "./graph-key.ts";
import { updateGraph } from "./graph-update.ts";
import { choiceHandle, referenceAt, sourceHandlesOf, START_HANDLE, withReference } from "./handles.ts";
import { uniqueId } from "./ids.ts";

/** Where a new step goes: connected from a handle of a canvas node, or unconnected into a graph. */
export type AddPlace = { type: "after"; source: string; handle: string } | { type: "into"; graph: GraphKey };

/**
 * Where a step added "after the selection" goes, given the one selected canvas id (or null):
 * - a plain step: after its exit (`next`; for a decision its first unconnected choice, else its
 *   default when unset, else in front of its first choice's target);
 * - a start marker: as the graph's new start;
 * - a map, group or monitor node, or a parallel branch frame: at the end of the graph inside it;
 * - an end or fail node (they have no exit): at the end of the graph it sits in;
 * - nothing (or an id that is gone): at the end of the top level.
 */
export function placeAfterSelection(definition: Definition, selected: string | null): AddPlace {
  const target = selected === null ? null : parseCanvasId(selected);
  if (!target) return endOfGraph(definition, TOP_LEVEL);
  if (target.kind === "start") return graphAt(definition, target.graph) ? { type: "after", source: selected!, handle: START_HANDLE } : endOfGraph(definition, TOP_LEVEL);
  if (target.kind === "branch") {
    const branch = graphKeyOf(target.parallelId, target.index);
    return endOfGraph(definition, graphAt(definition, branch) ? branch : TOP_LEVEL);
  }
  const located = locateNode(definition, target.id);
  if (!located) return endOfGraph(definition, TOP_LEVEL);
  const { node, graph } = located;
  if (node.type === "map" || node.type === "group" || node.type === "monitor") return endOfGraph(definition, graphKeyOf(target.id));
  const exit = exitOf(node);
  return exit === null ? endOfGraph(definition, graph) : { type: "after", source: target.id, handle: exit };
}

/** The handle a step continues through; null for end and fail nodes. */
function exitOf(node: Node): string | null {
  if (node.type === "decision") {
    const open = node.choices.findIndex((choice) => !choice.next);
    if (open >= 0) return choiceHandle(open);
    return node.default ? choiceHandle(0) : "default";
  }
  return sourceHandlesOf(node).includes("next") ? "next" : null;
}

/**
 * The end of a graph's main path, followed from its start through `next`: after its last step
 * when that step's `next` is free. An empty graph gets the step as its start. There is no obvious
 * end when the path stops at a decision, an end or a fail node, runs in a circle or points at a
 * node that is not there, or when the graph has steps but no start: the step is then added
 * unconnected.
 */
export function endOfGraph(definition: Definition, graph: GraphKey): AddPlace {
  const at = graphAt(definition, graph);
  if (!at) return { type: "into", graph: TOP_LEVEL };
  if (Object.keys(at.nodes).length === 0) return { type: "after", source: startMarkerId(graph), handle: START_HANDLE };
  const seen = new Set<string>();
  for (let id = at.start; Object.hasOwn(at.nodes, id) && !seen.has(id); ) {
    seen.add(id);
    const node = at.nodes[id]!;
    if (!sourceHandlesOf(node).includes("next")) break;
    const next = referenceAt(node, "next");
    if (next === undefined || next === "") return { type: "after", source: id, handle: "next" };
    id = next;
  }
  return { type: "into", graph };
}

/**
 * Adds `node` (fresh from createNode, perhaps with a field filled in) at `place`, with a new id
 * after its kind (activity1...). After a handle, it goes into the source's graph and the handle
 * points at it; what the handle pointed at before now follows the new step (through its `next`,
 * or a decision's first choice). End and fail steps have no exit: a step they displace stays in
 * the graph, unconnected. Into a graph, it becomes the start of an empty graph, else stands apart.
 */
export function addNodeAt(definition: Definition, node: Node, place: AddPlace): EditResult<{ id: string }> {
  const id = uniqueId(definition, node.type);
  const updated = place.type === "into" ? addInto(definition, node, id, place.graph) : addAfter(definition, node, id, place.source, place.handle);
  if (!updated.ok) return updated;
  return succeeded(updated.definition, { id });
}

function addInto(definition: Definition, node: Node, id: string, graph: GraphKey): EditResult {
  const target = graphAt(definition, graph);
  if (!target) return failed(`there is no graph "${graph}"`);
  const hasStart = Object.hasOwn(target.nodes, target.start);
  const updated = updateGraph(definition, graph, (g) => ({ start: hasStart ? g.start : id, nodes: { ...g.nodes, [id]: node } }));
  return updated ? succeeded(updated) : failed(`there is no graph "${graph}"`);
}

function addAfter(definition: Definition, node: Node, id: string, source: string, handle: string): EditResult {
  const from = parseCanvasId(source);
  if (!from || from.kind === "branch") return failed(`"${source}" has no handles to add a step after; add it into the branch instead`);
  if (from.kind === "start") {
    if (handle !== START_HANDLE) return failed(`a start marker has only the "${START_HANDLE}" handle, not "${handle}"`);
    const graph = graphAt(definition, from.graph);
    if (!graph) return failed(`there is no graph "${from.graph}"`);
    const before = Object.hasOwn(graph.nodes, graph.start) ? graph.start : undefined;
    const updated = updateGraph(definition, from.graph, (g) => ({ start: id, nodes: { ...g.nodes, [id]: continueTo(node, before) } }));
    return updated ? succeeded(updated) : failed(`there is no graph "${from.graph}"`);
  }
  const located = locateNode(definition, from.id);
  if (!located) return failed(`there is no node "${source}"`);
  const sourceNode = located.node;
  if (!sourceHandlesOf(sourceNode).includes(handle)) return failed(`${kindPhrase(sourceNode.type)} has no "${handle}" handle`);
  const graph = graphAt(definition, located.graph)!;
  const previous = referenceAt(sourceNode, handle);
  const before = previous !== undefined && Object.hasOwn(graph.nodes, previous) ? previous : undefined;
  const pointed = withReference(sourceNode, handle, id)!;
  const updated = updateGraph(definition, located.graph, (g) => ({ ...g, nodes: { ...g.nodes, [from.id]: pointed, [id]: continueTo(node, before) } }));
  return updated ? succeeded(updated) : failed(`there is no node "${source}"`);
}

/** The new node leading on to `target` through its `next`, or a decision's first choice. */
function continueTo(node: Node, target: string | undefined): Node {
  if (target === undefined) return node;
  if (node.type === "decision") return withReference(node, choiceHandle(0), target) ?? node;
  return withReference(node, "next", target) ?? node;
}
