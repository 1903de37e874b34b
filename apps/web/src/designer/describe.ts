/** The one line under each node's title that says what it does. */
import { allGraphs, type Definition, type Node } from "@flowcraft/definition";

/** Detail lines of every node, by id, from one walk of the definition. */
export function detailsOf(definition: Definition): Map<string, string> {
  const details = new Map<string, string>();
  for (const { graph } of allGraphs(definition)) {
    for (const [id, node] of Object.entries(graph.nodes)) if (!details.has(id)) details.set(id, detailOf(node));
  }
  return details;
}

function detailOf(node: Node): string {
  switch (node.type) {
    case "activity":
      return node.activity || "no activity chosen";
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
