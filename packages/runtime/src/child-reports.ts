/**
 * Sub-workflows as a stored turn sees them: the children it creates, and what an ending child
 * reports to its parent. storeTurns writes both in the statement that stores the turn, so neither
 * a child nor its parent can be left without the other's word by a crash.
 */
import type { ChildEnd, NewChild, Turn } from "./turn.ts";

/**
 * What the turn's instance reports to its parent, if it has one: how it ended, when the turn
 * ended it. The parent's linkage (generation, step, attempt) comes from the child's row.
 */
export function childEndOf(turn: Turn): ChildEnd | null {
  if (!turn.ended) return null;
  const { runtimeStatus, output, failure } = turn.summary;
  if (runtimeStatus === "COMPLETED") return { outcome: "completed", output };
  if (runtimeStatus === "FAILED") return { outcome: "failed", error: failure ?? { name: "InternalError", message: "the child failed without an error" } };
  const terminated = turn.events.findLast((event) => event.type === "terminated");
  return { outcome: "terminated", ...(terminated?.reason ? { reason: terminated.reason } : {}) };
}

/**
 * The children to create with the turn. One that would be terminated at once is not created:
 * the turn that asks for it ends its parent, or leaves the generation that asked for it.
 */
export function childrenToStart(turn: Turn): NewChild[] {
  return turn.children.filter((child) => !(child.terminateWithParent && (turn.ended || child.parentGeneration < turn.generation)));
}
