/** The engine's entry point: from a definition and its history to the next commands. */
import type { Definition } from "@flowcraft/definition";
import { eventOf, type Command } from "./commands.ts";
import { indexHistory } from "./facts.ts";
import type { HistoryEvent } from "./history.ts";
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
 */
export async function decide(definition: Definition, history: readonly HistoryEvent[], now: Date, evaluate?: Evaluator): Promise<Decision> {
  const all = [...history];
  const commands: Command[] = [];
  let seq = history.at(-1)?.seq ?? 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const facts = indexHistory(all);
    if (facts.ended || facts.suspended) break;
    const found = (await interpret(definition, facts, evaluate)).commands;
    if (found.length === 0) break;
    for (const command of found) {
      commands.push(command);
      all.push({ ...eventOf(command, now), seq: ++seq, at: now.toISOString() } as HistoryEvent);
    }
    if (!found.some((command) => command.type === "consume_event")) break;
  }
  return { commands, events: all.slice(history.length) };
}
