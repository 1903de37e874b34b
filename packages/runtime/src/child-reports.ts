/**
 * Sub-workflows as a stored turn sees them: the children it creates, and what an ending child
 * reports to its parent. storeTurns writes both in the statement that stores the turn, so neither
 * a child nor its parent can be left without the other's word by a crash.
 */
import type { ChildEnd, NewChild, Turn } from "./turn.ts";

/** Events that end an instance; a turn without one did not end it, whatever state it leaves. */
const ENDING_EVENTS: ReadonlySet<string> = new Set(["execution_completed", "execution_failed", "terminated"]);

/**
 * What the turn's instance reports to its parent, if it has one: how it ended, when this turn
 * ended it (a later turn of an ended instance only drops messages, and reports nothing again).
 * The parent's linkage (generation, step, attempt) comes from the child's row.
 */
export function childEndOf(turn: Turn): ChildEnd | null {
  const ending = turn.events.find((event) => ENDING_EVENTS.has(event.type));
  if (!turn.ended || !ending) return null;
  const { runtimeStatus, output, failure } = turn.summary;
  if (runtimeStatus === "COMPLETED") return { outcome: "completed", output };
  if (runtimeStatus === "FAILED") return { outcome: "failed", error: failure ?? { name: "InternalError", message: "the child failed without an error" } };
  return { outcome: "terminated", ...(ending.type === "terminated" && ending.reason ? { reason: ending.reason } : {}) };
}

/**
 * The children to create with the turn. One that would be terminated at once is not created:
 * the turn that asks for it ends its parent, or leaves the generation that asked for it.
 */
export function childrenToStart(turn: Turn): NewChild[] {
  return turn.children.filter((child) => !(child.terminateWithParent && (turn.ended || child.parentGeneration < turn.generation)));
}
