/**
 * Replay as a property: random workflows run under random orders of results, timer firings and
 * events, in turns of one or more, then every prefix of the history is replayed. Wherever a
 * decision was taken, the replay must decide it again exactly, and a decision that decided
 * nothing must decide nothing again; from any other prefix a turn could have stored, the engine
 * may decide more than was recorded there, but never anything a later event contradicts, and
 * never a second time what the prefix records already.
 */
import fc from "fast-check";
import { isDeepStrictEqual } from "node:util";
import type { Definition } from "@flowcraft/definition";
import { describe, expect, it } from "vitest";
import { decide } from "./decide.ts";
import type { HistoryEvent } from "./history.ts";
import { randomMoves, runScripted, type Move } from "./test-random-run.ts";
import { randomWorkflow } from "./test-random-workflows.ts";
import { ENDINGS, isDecided, replayDivergence, storedForm } from "./test-replay.ts";

/**
 * What an engine-written event settles, each at most once in an instance's life: a step's
 * schedule, an attempt's retry, a timer, a wait, its answer and the raised event it took, a
 * custom status, a choice, the ending.
 */
function settledBy(event: HistoryEvent): string[] {
  switch (event.type) {
    case "activity_scheduled":
      return [`the schedule of activity ${event.activityId}`];
    case "activity_retrying":
      return [`attempt ${event.attempt} of activity ${event.activityId}`];
    case "timer_created":
      return [`timer ${event.timerId}`];
    case "event_wait_started":
      return [`wait ${event.waitId}`];
    case "event_consumed":
      return [`the answer of wait ${event.waitId}`, `who takes the event at seq ${event.raisedSeq}`];
    case "custom_status_set":
      return [`the custom status of ${event.key}`];
    case "choice_recorded":
      return [`the ${event.of} choice of ${event.key}`];
    case "continued_as_new":
    case "execution_completed":
    case "execution_failed":
      return ["the ending"];
    default:
      return [];
  }
}

/** An event without its numbering: a decision from a shorter prefix numbers its events otherwise. */
const content = (event: HistoryEvent) => {
  const { seq: _seq, ...rest } = storedForm(event);
  return rest;
};

/**
 * Replays every prefix that a turn could have stored (none ends inside a decision: a turn stores
 * its decision whole) and returns the first inconsistency with the full history, in words: the
 * engine decides again what the prefix settled already, or, when `laterAgrees`, decides
 * otherwise than a later event of the history settled it.
 */
async function prefixInconsistency(workflow: Definition, history: readonly HistoryEvent[], laterAgrees: boolean): Promise<string | null> {
  const now = new Date(history[0]!.at);
  const recorded = new Map(history.flatMap((event) => settledBy(event).map((what) => [what, event] as const)));
  for (let cut = 0; cut <= history.length; cut++) {
    if (cut > 0 && cut < history.length && isDecided(history[cut - 1]!) && isDecided(history[cut]!)) continue;
    const prefix = history.slice(0, cut);
    const settled = new Set(prefix.flatMap(settledBy));
    for (const event of (await decide(workflow, prefix, now)).events) {
      for (const what of settledBy(event)) {
        const where = `after seq ${cut}, the engine decides ${what}`;
        if (settled.has(what)) return `${where} again: ${JSON.stringify(content(event))}`;
        settled.add(what);
        const later = recorded.get(what);
        if (laterAgrees && later && !isDeepStrictEqual(content(later), content(event))) {
          return `${where} otherwise than the history did:\n  recorded: ${JSON.stringify(content(later))}\n  decided:  ${JSON.stringify(content(event))}`;
        }
      }
    }
  }
  return null;
}

/** Generated runs per property: a few seconds in all. */
const RUNS = 200;

/** Runs the workflow as scripted, then replays every prefix of its history. */
async function checkReplays(workflow: Definition, input: number, moves: Move[], laterAgrees: boolean) {
  const { history, decisions } = await runScripted(workflow, input, moves);
  expect(ENDINGS.has(history.at(-1)!.type), "the instance ends").toBe(true);
  const settled = history.flatMap(settledBy);
  expect(settled.filter((what, i) => settled.indexOf(what) !== i), "settled twice in the history").toEqual([]);
  const divergence = await replayDivergence(workflow, history, decisions);
  if (divergence) expect.fail(divergence);
  const inconsistency = await prefixInconsistency(workflow, history, laterAgrees);
  if (inconsistency) expect.fail(inconsistency);
}

describe("replaying a history generated at random", () => {
  it("decides what was recorded, never twice, and from any prefix nothing the history contradicts", async () => {
    // Each wait has an event of its own: from any prefix, a wait can only take the event it took.
    await fc.assert(
      fc.asyncProperty(randomWorkflow("own"), fc.nat(9), randomMoves, (workflow, input, moves) => checkReplays(workflow, input, moves, true)),
      { numRuns: RUNS },
    );
  });

  it("decides what was recorded and never twice when waits compete for one event", async () => {
    // From a shorter prefix, another wait may be the one waiting when an event comes, and take
    // it: only a decision recorded from that very prefix must come out the same.
    await fc.assert(
      fc.asyncProperty(randomWorkflow("shared"), fc.nat(9), randomMoves, (workflow, input, moves) => checkReplays(workflow, input, moves, false)),
      { numRuns: RUNS },
    );
  });
});
