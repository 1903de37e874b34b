/** The node a designer adds from its palette: each kind with minimal defaults. */
import type { DecisionNode, Graph, Node, NodeKind } from "../schema.ts";

/** A nested graph with nothing in it yet; its empty start is filled by the first node added to it. */
export function emptyGraph(): Graph {
  return { start: "", nodes: {} };
}

/**
 * A new decision choice. The schema wants at least one choice with a target, so a decision
 * starts with one always-true choice whose `next` is empty: the canvas offers its handle at once,
 * and validation points at the missing target until the user connects it.
 */
export function newChoice(): DecisionNode["choices"][number] {
  return { when: "true", next: "" };
}

/**
 * A new node of the given kind. Required fields get the smallest sensible value: an activity's
 * name and a sub-workflow's workflow are left empty for the user to pick (validation says so
 * meanwhile), a map goes over the workflow input, durations are 60 seconds, a parallel node has two empty branches.
 */
export function createNode(kind: NodeKind): Node {
  switch (kind) {
    case "activity":
      return { type: "activity", activity: "" };
    case "subworkflow":
      return { type: "subworkflow", workflow: "" };
    case "parallel":
      return { type: "parallel", branches: [emptyGraph(), emptyGraph()] };
    case "map":
      return { type: "map", items: "input", body: emptyGraph() };
    case "group":
      return { type: "group", body: emptyGraph() };
    case "wait":
      return { type: "wait", event: "event" };
    case "timer":
      return { type: "timer", duration: 60 };
    case "decision":
      return { type: "decision", choices: [newChoice()] };
    case "monitor":
      return { type: "monitor", body: emptyGraph(), interval: 60 };
    case "end":
      return { type: "end" };
    case "fail":
      return { type: "fail" };
  }
}
