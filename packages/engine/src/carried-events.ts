/**
 * Which raised events a new generation inherits when a monitor continues as new. Events that no
 * wait of the definition could ever take, and any beyond a bound, are left behind: otherwise a
 * stream of stray events would be copied into every generation, forever, and each copy makes
 * every later generation longer.
 */
import type { Definition, Graph } from "@flowcraft/definition";
import type { HistoryEventOf } from "./history.ts";

/** Raised events carried into a new generation at most: the oldest, which waits take first. */
export const MAX_CARRIED_EVENTS = 100;

export interface CarriedEvents {
  carried: HistoryEventOf<"event_raised">[];
  /** How many were left behind. */
  dropped: number;
}

/** Of the events the old generation did not consume (oldest first), those the new one keeps. */
export function eventsToCarry(definition: Definition, unconsumed: Iterable<HistoryEventOf<"event_raised">>): CarriedEvents {
  const names = eventNamesWaitedFor(definition);
  const carried: HistoryEventOf<"event_raised">[] = [];
  let dropped = 0;
  for (const event of unconsumed) {
    // A decision addressed to a wait of the old generation is void too: that wait is gone.
    if (event.waitId === undefined && names.has(event.name) && carried.length < MAX_CARRIED_EVENTS) carried.push(event);
    else dropped++;
  }
  return { carried, dropped };
}

/** Names of the events the definition's non-approval waits take (an approval takes only decisions addressed to it). */
function eventNamesWaitedFor(definition: Definition): Set<string> {
  const names = new Set<string>();
  const visit = (graph: Pick<Graph, "nodes">) => {
    for (const node of Object.values(graph.nodes)) {
      if (node.type === "wait" && !node.approval) names.add(node.event);
      if (node.type === "map" || node.type === "group" || node.type === "monitor") visit(node.body);
      if (node.type === "parallel") node.branches.forEach(visit);
    }
  };
  visit(definition);
  return names;
}
