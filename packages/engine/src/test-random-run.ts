/**
 * Runs a workflow in a Simulation as a generated script says: which of the things that could
 * happen next happens (an activity attempt ends, a child instance ends, a timer fires, an event
 * is raised), how an attempt or a child ends, and whether the engine decides after it or it shares a turn with the next. The
 * engine decides as the runtime does after each turn: on one HistoryIndex kept from turn to
 * turn, which folds in only the new events and skips the map iterations it found settled before.
 * A replay indexes the history afresh, so comparing the two also checks that what the index
 * keeps changes no decision.
 */
import type { Definition } from "@flowcraft/definition";
import fc from "fast-check";
import { decide } from "./decide.ts";
import { indexHistory } from "./facts.ts";
import type { HistoryEvent } from "./history.ts";
import { HistoryIndex } from "./history-index.ts";
import { timeoutTimerOf } from "./open-waits.ts";
import { ENDINGS, type RecordedDecision } from "./test-replay.ts";
import { Simulation } from "./test-simulation.ts";

export interface Move {
  /** Which of the things that could happen now happens, modulo their number. */
  pick: number;
  /** An attempt succeeds (or fails); an event or an output carries `value`. */
  ok: boolean;
  value: number;
  /** The engine decides after this; else the next move comes first, in the same turn. */
  decide: boolean;
}

/** Attempts mostly succeed, so that runs get past their first steps; most turns take one thing. */
export const randomMoves: fc.Arbitrary<Move[]> = fc.array(
  fc.record({ pick: fc.nat(), ok: fc.nat(4).map((n) => n > 0), value: fc.nat(9), decide: fc.nat(2).map((n) => n > 0) }),
  { maxLength: 40 },
);

/** After the script: attempts succeed, and the first thing that can happen does, a turn each. */
const DEFAULT_MOVE: Move = { pick: 0, ok: true, value: 1, decide: true };

/** Far more moves than a generated workflow needs to end; reaching it means it never would. */
const MAX_MOVES = 500;

type Happening =
  | { kind: "attempt"; activityId: string; attempt: number }
  | { kind: "child"; stepId: string; attempt: number }
  | { kind: "timer"; timerId: string }
  | { kind: "event"; name: string; waitId?: string };

export interface ScriptedRun {
  history: HistoryEvent[];
  /** Every decision taken, those that decided nothing included. */
  decisions: RecordedDecision[];
}

/** Runs the workflow with `input` until it ends or nothing more can happen. */
export async function runScripted(workflow: Definition, input: number, moves: readonly Move[]): Promise<ScriptedRun> {
  const sim = new Simulation(workflow, {});
  sim.start(input);
  const kept = new HistoryIndex();
  const decisions: RecordedDecision[] = [];
  const running: Array<{ activityId: string; attempt: number }> = [];
  const children: Array<{ stepId: string; attempt: number }> = [];
  let decideNow = true;
  for (let step = 0; step < MAX_MOVES; step++) {
    if (decideNow) {
      kept.append(sim.history.slice(kept.events.length));
      const start = sim.history.length;
      const decision = await decide(workflow, kept, sim.now);
      sim.history.push(...decision.events);
      decisions.push({ start, end: sim.history.length, at: sim.now.toISOString() });
      for (const command of decision.commands) {
        if (command.type === "schedule_activity" || command.type === "retry_activity") running.push({ activityId: command.activityId, attempt: command.attempt });
        if (command.type === "start_child") children.push({ stepId: command.stepId, attempt: command.attempt });
      }
      if (ENDINGS.has(sim.last().type)) break;
    }
    const possible = happenings(sim, running, children);
    if (possible.length === 0) {
      // What happened last still needs its turn.
      if (decideNow) break;
      decideNow = true;
      continue;
    }
    const move = moves[step] ?? DEFAULT_MOVE;
    const happening = possible[move.pick % possible.length]!;
    if (happening.kind === "attempt") {
      running.splice(running.findIndex((a) => a.activityId === happening.activityId), 1);
      const { activityId, attempt } = happening;
      const run = { startedAt: sim.now.toISOString(), worker: "test" };
      if (move.ok) sim.append({ type: "activity_completed", activityId, attempt, output: move.value, ...run });
      else sim.append({ type: "activity_failed", activityId, attempt, error: { name: "ActivityFailed", message: `attempt ${attempt} failed` }, ...run });
    } else if (happening.kind === "child") {
      children.splice(children.findIndex((c) => c.stepId === happening.stepId && c.attempt === happening.attempt), 1);
      endChild(sim, happening, move);
    } else if (happening.kind === "timer") {
      sim.fireTimer(happening.timerId);
    } else {
      sim.raise(happening.name, move.value, happening.waitId);
    }
    decideNow = move.decide;
  }
  return { history: sim.history, decisions };
}

/**
 * What could happen now: any running attempt ends; any timer fires, but the timeout of a wait
 * already answered, which the runtime drops; an event is raised by name while fewer are left
 * untaken than there are waits for it outside map bodies still unanswered, whether or not they
 * wait already (a map's wait may take one too). A wait in a map body runs once per item: it gets
 * an event addressed to it once it waits, so that the events raised by name stay few.
 */
function happenings(sim: Simulation, running: ReadonlyArray<{ activityId: string; attempt: number }>, children: ReadonlyArray<{ stepId: string; attempt: number }>): Happening[] {
  const facts = indexHistory(sim.history);
  const raised = sim.ofType("event_raised");
  const answered = new Set([...facts.consumed.keys()].map(timeoutTimerOf));
  const waits = waitNodesOf(sim.definition);
  // Outside map bodies, a wait's key is its node id.
  const unanswered = [...waits].filter(([node, wait]) => !wait.inMap && !facts.consumed.has(node)).map(([, wait]) => wait.event);
  const untaken = [...facts.unconsumed.values()].filter((e) => !e.waitId).map((e) => e.name);
  const byName = [...new Set(unanswered)].filter((name) => unanswered.filter((n) => n === name).length > untaken.filter((n) => n === name).length);
  const addressed = [...facts.openWaits].filter((waitId) => waits.get(facts.waits.get(waitId)!.node)!.inMap && !raised.some((e) => e.waitId === waitId));
  return [
    ...running.map((a) => ({ kind: "attempt" as const, ...a })),
    ...children.map((c) => ({ kind: "child" as const, ...c })),
    ...sim.openTimers.filter((timerId) => !answered.has(timerId)).map((timerId) => ({ kind: "timer" as const, timerId })),
    ...byName.map((name) => ({ kind: "event" as const, name })),
    ...addressed.map((waitId) => ({ kind: "event" as const, name: facts.waits.get(waitId)!.event, waitId })),
  ];
}

/**
 * What the runtime would record of a child: it starts and completes with the move's value, or
 * fails; one move in three that fails finds no child to start, which is not retried.
 */
function endChild(sim: Simulation, { stepId, attempt }: { stepId: string; attempt: number }, move: Move) {
  const childId = `${stepId}#${attempt}`;
  if (!move.ok && move.value % 3 === 0) {
    sim.append({ type: "child_failed", stepId, attempt, error: { name: "SubworkflowNotFound", message: "no such workflow", nonRetryable: true } });
    return;
  }
  sim.append({ type: "child_started", stepId, attempt, childId, workflowVersion: 1 });
  if (move.ok) sim.append({ type: "child_completed", stepId, attempt, childId, output: move.value });
  else sim.append({ type: "child_failed", stepId, attempt, childId, error: { name: "ChildFailed", message: `child ${childId} failed` } });
}

/** The definition's wait nodes, with their event and whether they sit in a map body. */
function waitNodesOf(workflow: Definition): Map<string, { event: string; inMap: boolean }> {
  const found = new Map<string, { event: string; inMap: boolean }>();
  const visit = (nodes: Definition["nodes"], inMap: boolean) => {
    for (const [id, node] of Object.entries(nodes)) {
      if (node.type === "wait") found.set(id, { event: node.event, inMap });
      if (node.type === "parallel") for (const branch of node.branches) visit(branch.nodes, inMap);
      if (node.type === "map" || node.type === "group" || node.type === "monitor") visit(node.body.nodes, inMap || node.type === "map");
    }
  };
  visit(workflow.nodes, false);
  return found;
}
