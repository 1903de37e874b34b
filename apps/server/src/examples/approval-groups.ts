/**
 * The groups the example workflows' approval steps are for. The first-run owner joins them, so
 * that the person who sets up an installation can try every example, approvals included, without
 * first making themselves a member through the admin page.
 */
import { allGraphs, type Definition } from "@flowcraft/definition";
import { EXAMPLE_WORKFLOWS } from "./index.ts";

export function exampleApprovalGroups(): string[] {
  const groups = new Set<string>();
  for (const definition of Object.values(EXAMPLE_WORKFLOWS) as Definition[]) {
    for (const { graph } of allGraphs(definition)) {
      for (const node of Object.values(graph.nodes)) {
        if (node.type === "wait") node.approval?.groups?.forEach((group) => groups.add(group));
      }
    }
  }
  return [...groups].sort();
}
