/** Drawing and deleting edges, and adding and removing decision choices. */
import type { Definition } from "../schema.ts";
import { parseCanvasId, parseEdgeId } from "./canvas-ids.ts";
import { newChoice } from "./create-node.ts";
import { failed, kindPhrase, succeeded, type EditResult } from "./edit-result.ts";
import { updateGraph, updateNodeAt } from "./graph-update.ts";
import { graphAt, locateNode } from "./graph-key.ts";
import { sourceHandlesOf, START_HANDLE, withReference } from "./handles.ts";

/**
 * Points a handle of `source` (a node id, or a start marker id with handle "start") at `target`,
 * replacing what it pointed at. Refused when the handle is not one the source offers, when the
 * target is a start marker, a branch frame or the source itself, or when source and target sit
 * in different graphs (edges only join nodes of one graph). A cycle is allowed in a draft;
 * validation reports it.
 */
export function connect(definition: Definition, source: string, handle: string, target: string): EditResult {
  const from = parseCanvasId(source);
  const to = parseCanvasId(target);
  if (!from) return failed(`there is no node "${source}"`);
  if (!to) return failed(`there is no node "${target}"`);
  if (to.kind === "start") return failed("a start marker cannot be the target of an edge");
  if (to.kind === "branch") return failed("a branch frame cannot be the target of an edge; connect its start marker instead");
  if (from.kind === "branch") return failed("a branch frame has no outgoing edges; connect its start marker instead");
  if (source === target) return failed(`"${source}" cannot be connected to itself`);
  const targetNode = locateNode(definition, to.id);
  if (!targetNode) return failed(`there is no node "${target}"`);

  if (from.kind === "start") {
    if (handle !== START_HANDLE) return failed(`a start marker has only the "${START_HANDLE}" handle, not "${handle}"`);
    if (!graphAt(definition, from.graph)) return failed(`there is no graph "${from.graph}"`);
    if (targetNode.graph !== from.graph) return failed(`"${target}" is in another graph: a graph can only start with one of its own nodes`);
    const updated = updateGraph(definition, from.graph, (graph) => ({ ...graph, start: to.id }));
    return updated ? succeeded(updated) : failed(`there is no graph "${from.graph}"`);
  }

  const sourceNode = locateNode(definition, from.id);
  if (!sourceNode) return failed(`there is no node "${source}"`);
  if (!sourceHandlesOf(sourceNode.node).includes(handle)) return failed(`${kindPhrase(sourceNode.node.type)} has no "${handle}" handle`);
  if (targetNode.graph !== sourceNode.graph) {
    return failed(`"${source}" and "${target}" are in different graphs: edges only join nodes of the same graph`);
  }
  const updated = updateNodeAt(definition, from.id, (node) => withReference(node, handle, to.id) ?? node);
  return updated ? succeeded(updated) : failed(`there is no node "${source}"`);
}

/**
 * Removes the reference behind an edge ("<source>:<handle>", as in the canvas model): the field
 * is dropped (all of `onError`), a choice keeps its condition with an empty `next`, a start
 * marker's edge leaves the graph with an empty start. Removing the choice itself is removeChoice.
 */
export function disconnect(definition: Definition, edgeId: string): EditResult {
  const edge = parseEdgeId(edgeId);
  const from = edge ? parseCanvasId(edge.source) : null;
  if (!edge || !from || from.kind === "branch") return failed(`there is no edge "${edgeId}"`);
  if (from.kind === "start") {
    if (edge.handle !== START_HANDLE) return failed(`there is no edge "${edgeId}"`);
    const updated = updateGraph(definition, from.graph, (graph) => (graph.start === "" ? graph : { ...graph, start: "" }));
    return updated ? succeeded(updated) : failed(`there is no graph "${from.graph}"`);
  }
  const located = locateNode(definition, from.id);
  if (!located || !sourceHandlesOf(located.node).includes(edge.handle)) return failed(`there is no edge "${edgeId}"`);
  const updated = updateNodeAt(definition, from.id, (node) => withReference(node, edge.handle, undefined) ?? node);
  return updated ? succeeded(updated) : failed(`there is no edge "${edgeId}"`);
}

/** Appends a choice (always true, no target yet) to a decision node. */
export function addChoice(definition: Definition, decisionId: string): EditResult {
  const located = locateNode(definition, decisionId);
  if (!located) return failed(`there is no node "${decisionId}"`);
  if (located.node.type !== "decision") return failed(`"${decisionId}" is ${kindPhrase(located.node.type)}, not a decision node`);
  const updated = updateNodeAt(definition, decisionId, (node) =>
    node.type === "decision" ? { ...node, choices: [...node.choices, newChoice()] } : node,
  );
  return updated ? succeeded(updated) : failed(`there is no node "${decisionId}"`);
}

/** Removes choice `index` of a decision node; later choices move up one place. The last choice stays: a decision needs one. */
export function removeChoice(definition: Definition, decisionId: string, index: number): EditResult {
  const located = locateNode(definition, decisionId);
  if (!located) return failed(`there is no node "${decisionId}"`);
  const node = located.node;
  if (node.type !== "decision") return failed(`"${decisionId}" is ${kindPhrase(node.type)}, not a decision node`);
  if (!Number.isInteger(index) || index < 0 || index >= node.choices.length) {
    return failed(`"${decisionId}" has no choice ${index} (it has ${node.choices.length})`);
  }
  if (node.choices.length === 1) return failed("a decision needs at least one choice");
  const updated = updateNodeAt(definition, decisionId, () => ({ ...node, choices: node.choices.filter((_, i) => i !== index) }));
  return updated ? succeeded(updated) : failed(`there is no node "${decisionId}"`);
}
