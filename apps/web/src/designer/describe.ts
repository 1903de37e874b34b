/** The one line under each node's title that says what it does, and the words on its exits. */
import { allGraphs, type Definition, type Node } from "@flowcraft/definition";
import { sourceHandlesOf } from "@flowcraft/definition/editor";

/** Detail lines of every node, by id, from one walk of the definition. */
export function detailsOf(definition: Definition): Map<string, string> {
  const details = new Map<string, string>();
  for (const [id, node] of nodesOf(definition)) details.set(id, detailOf(node));
  return details;
}

/** The exit labels of every node, by id (exitLabelsOf). */
export function allExitLabelsOf(definition: Definition): Map<string, string[]> {
  const labels = new Map<string, string[]>();
  for (const [id, node] of nodesOf(definition)) labels.set(id, exitLabelsOf(node));
  return labels;
}

/** Every node by id; a draft's repeated id is the first one met, as the canvas draws it. */
function nodesOf(definition: Definition): Map<string, Node> {
  const nodes = new Map<string, Node>();
  for (const { graph } of allGraphs(definition)) {
    for (const [id, node] of Object.entries(graph.nodes)) if (!nodes.has(id)) nodes.set(id, node);
  }
  return nodes;
}

function detailOf(node: Node): string {
  switch (node.type) {
    case "activity":
      return node.activity || "no activity chosen";
    case "subworkflow":
      return node.workflow ? `${node.workflow} v${node.version ?? "latest"}${node.wait === false ? ", not waiting" : ""}` : "no workflow chosen";
    case "wait":
      return node.approval ? `approval: ${node.event}` : `event: ${node.event}`;
    case "timer":
      return typeof node.duration === "number" ? `${node.duration} s` : String(node.duration);
    case "map":
      return `over ${node.items}${node.maxConcurrency ? `, ${node.maxConcurrency} at a time` : ""}`;
    case "parallel":
      return `${node.branches.length} branches`;
    case "decision":
      return `${node.choices.length} choice(s)${node.default ? " + default" : ""}`;
    case "monitor":
      return `every ${typeof node.interval === "number" ? `${node.interval} s` : node.interval}`;
    case "end":
      return node.output ?? "";
    case "fail":
      return node.error ?? "";
    case "group":
      return node.onError ? "with error handler" : "";
  }
}

/** Longest condition shown on a decision's exit; the rest is cut off with an ellipsis. */
const EXIT_LABEL_CHARS = 16;

/**
 * The words shown on each exit of a node, in the order of sourceHandlesOf ("" for the plain
 * continuation): a choice's label, else its condition without the `input.` every path starts
 * with ("cost < 1000"), shortened; "default", "error" and "timeout" for the others.
 */
export function exitLabelsOf(node: Node): string[] {
  return sourceHandlesOf(node).map((handle) => {
    const choice = /^choice-(\d+)$/.exec(handle);
    if (choice && node.type === "decision") {
      const { label, when } = node.choices[Number(choice[1])]!;
      return shorten(label?.trim() || when.replace(/(^|[^\w$.])(?:input|\$)\.(?=[A-Za-z_$])/g, "$1"));
    }
    return handle === "next" ? "" : handle;
  });
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > EXIT_LABEL_CHARS ? `${oneLine.slice(0, EXIT_LABEL_CHARS - 1)}…` : oneLine;
}
