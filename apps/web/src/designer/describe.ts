/** The one line under a node's title that says what it does, and the handles it offers. */
import type { Definition, Node } from "@flowcraft/definition";
import { locateNode, type CanvasNode } from "@flowcraft/definition/editor";

export function describeNode(definition: Definition, canvasNode: CanvasNode): { detail: string; handles: string[] } {
  const node = canvasNode.kind === "start" || canvasNode.kind === "branch" ? undefined : locateNode(definition, canvasNode.id)?.node;
  return { detail: node ? detailOf(node) : "", handles: canvasNode.handles };
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
