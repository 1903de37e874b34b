/** The engine's entry point: from a definition and its history to the next commands. */
import type { Definition } from "@flowcraft/definition";
import { eventOf, type Command } from "./commands.ts";
import type { HistoryEvent } from "./history.ts";
import { HistoryIndex } from "./history-index.ts";
import { interpret } from "./interpreter.ts";
import type { Evaluator } from "./expression.ts";

/** A pass that finds nothing new ends the loop long before this; it only bounds a bug. */
const MAX_PASSES = 1_000;

export interface Decision {
  /** What to do, in order. */
  commands: Command[];
  /** The history events that record those commands, numbered after the given history. */
  events: HistoryEvent[];
}

/**
 * Decides what happens next. The interpreter already follows, within one pass, whatever its own
 * commands unblock (a wait takes an event that is there and goes on); a pass that consumed an
 * event is still checked by another pass, so that a consumption can never leave work undone.
 * `now` only stamps the new events (timer due times); it never changes which commands are chosen.
 * `evaluate` evaluates the definition's expressions: in this process unless given.
 *
 * Given a HistoryIndex, the decision's events are appended to it, and what it learns is kept
 * there for the next decision; given a list of events, nothing given is changed.
 */
export async function decide(definition: Definition, history: readonly HistoryEvent[] | HistoryIndex, now: Date, evaluate?: Evaluator): Promise<Decision> {
  const index = history instanceof HistoryIndex ? history : new HistoryIndex(history);
  const first = index.events.length;
  const commands: Command[] = [];
  let seq = index.lastSeq;
  const at = now.toISOString();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const facts = index.facts;
    if (facts.ended || facts.suspended) break;
    const found = (await interpret(definition, facts, evaluate, index.settled)).commands;
    if (found.length === 0) break;
    commands.push(...found);
    // Stamped in place: a spread copy that gains keys costs a hidden class per event (see childScope).
    index.append(found.map((command) => Object.assign(eventOf(command, now), { seq: ++seq, at }) as HistoryEvent));
    if (!found.some((command) => command.type === "consume_event")) break;
  }
  return { commands, events: index.events.slice(first) };
}
