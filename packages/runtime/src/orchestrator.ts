/**
 * The decision loop: claims instances with new messages, or takes the results this worker's
 * runner finished for instances it decides, runs the engine, stores the results.
 */
import type { Definition } from "@flowcraft/definition";
import { databaseUnavailable } from "@flowcraft/db";
import { HistoryIndex, type Evaluator } from "@flowcraft/engine";
import type pg from "pg";
import { DefinitionCache } from "./definitions.ts";
import type { ClaimedTask } from "./activity-sql.ts";
import { LocalResults, type FinishedTask } from "./local-results.ts";
import { triage } from "./claim-triage.ts";
import {
  claimInstances,
  loadHistories,
  nextDueInMs,
  releaseInstances,
  renewInstanceLeases,
  storeTurns,
  type ClaimedInstance,
  type ExpectedInstance,
  type StoredTurns,
  type TurnToStore,
} from "./orchestrator-sql.ts";
import type { Logger } from "./logger.ts";
import type { Signal } from "./signal.ts";
import type { RuntimeMetrics } from "./metrics/runtime-metrics.ts";
import { countStore } from "./metrics/stored-turns.ts";
import type { Telemetry, TurnScope } from "./telemetry.ts";
import { TASK_LEASE } from "./task-leases.ts";
import { SandboxUnavailableError } from "./sandbox/expression-sandbox.ts";
import { failedTurn, planTurn, quarantinedTurn, type InstanceState, type PlannedTurn, type Turn, type TurnMessage } from "./turn.ts";

/** The part of an activity runner that takes tasks leased to it by a decision. */
export interface EagerRunner {
  runs(activity: string): boolean;
  /** Takes up to `wanted` free slots at once, so that concurrent decisions cannot overfill it. */
  reserve(wanted: number): number;
  /** Runs the tasks stored leased to this worker and frees the `reserved` slots they did not use. */
  runLeased(tasks: ClaimedTask[], reserved: number): void;
  /** Reports results through the inbox: those handed over in memory that no turn could take. */
  report(results: FinishedTask[]): void;
  /** The results of these tasks, handed over in memory, were stored with a turn: their leases need no renewal. */
  recorded(taskIds: number[]): void;
}

/** How long a claimed instance stays ours; a crashed worker's instances are retaken after it. */
export const INSTANCE_LEASE_SECONDS = 10;
/**
 * Claims in a row that may end without a stored turn (the worker crashed, stalled, or the
 * database refused the turn) before the instance is quarantined: failed, unclaimed, with the
 * reason. Five crash-and-restart cycles take about a minute; a crash that happens to hit the
 * same instance five times in a row by chance is far less likely than a poison instance.
 */
export const QUARANTINE_AFTER_CLAIMS = 5;
/** How often the claims of a round being decided are renewed: well within a lease. */
const LEASE_RENEWAL_MS = (INSTANCE_LEASE_SECONDS * 1000) / 3;
/**
 * Longest planning of one turn before it counts as stalled: every evaluation is bounded by the
 * sandbox's deadline, so only a defect gets here; a large but working turn stays far below.
 */
const PLAN_DEADLINE_MS = 60_000;
/** Instances decided per transaction: larger batches mean fewer round trips per step. */
const INSTANCE_BATCH_SIZE = 100;
/** Inbox messages read per instance and turn; the rest wait for the next turn. */
const INBOX_BATCH_LIMIT = 1_000;
/** Longest sleep when idle: bounds how late a missed wake-up or an expired lease is noticed. */
export const IDLE_POLL_MS = 1_000;
/** Histories kept in memory between turns, so a busy instance is not re-read every step. */
const HISTORY_CACHE_SIZE = 5_000;

/** An instance as this worker's last stored turn left it. */
type KnownInstance = InstanceState & { createdAt: string };

/** The state and history of an instance after a turn of this worker, valid until another turn. */
interface CachedInstance {
  state: KnownInstance;
  history: HistoryIndex;
  /** A turn is being planned on `history`, which that planning extends as it goes. */
  inUse?: boolean;
}

/** A turn to plan: the instance, its history, what happened since, and how to store it. */
interface PlannedInstance {
  instance: KnownInstance;
  /** Taken from the cache, if it was there: planning extends it. */
  history: HistoryIndex;
  messages: TurnMessage[];
  messageIds: number[];
  results: FinishedTask[];
  expected?: ExpectedInstance;
}

/** Claimed instances decided together: their turns are stored in one statement. */
interface Group {
  toDecide: ClaimedInstance[];
  /** Over the limit of claims: failed, not decided. */
  quarantined: ClaimedInstance[];
}

/** The lease renewal of a round: instances drop out of it as their group is stored or released. */
interface LeaseRenewal {
  drop(ids: Set<string>): void;
  stop(): void;
}

export class Orchestrator {
  private readonly definitions: DefinitionCache;
  /** A decision of this worker decides a suspect instance alone: one at a time, see claim-triage.ts. */
  private isolating = false;
  private readonly cache = new Map<string, CachedInstance>();
  /** Results from this worker's runner, for instances whose state this worker knows. */
  readonly results: LocalResults;

  constructor(
    private readonly pool: pg.Pool,
    private readonly owner: string,
    private readonly wake: Signal,
    private readonly onError: (error: unknown, log?: Logger) => void,
    /** This worker's activity runner, which takes the tasks it can run straight from the decision. */
    private readonly runner: EagerRunner | null,
    /** Where expressions are evaluated: the worker's sandbox. */
    private readonly evaluate: Evaluator,
    /** Log lines and spans of turns. */
    private readonly telemetry: Telemetry,
    private readonly metrics?: RuntimeMetrics,
  ) {
    this.definitions = new DefinitionCache(pool);
    this.results = new LocalResults(
      (id) => this.cache.has(id),
      () => wake.fire(),
    );
  }

  async run(isRunning: () => boolean) {
    let readInbox = true;
    while (isRunning()) {
      let worked = 0;
      try {
        worked = await this.runOnce(readInbox);
      } catch (error) {
        this.onError(error);
      }
      // While results wait in memory, every other round takes only them and skips the claim, so
      // they are decided one round trip sooner; the inbox is still read every other round.
      readInbox = !readInbox || !this.results.ready;
      if (worked > 0 || !isRunning()) continue;
      const due = await nextDueInMs(this.pool).catch(() => null);
      await this.wake.wait(due === null ? IDLE_POLL_MS : Math.min(IDLE_POLL_MS, due + 5));
    }
  }

  /** One round: claims a batch and decides it; returns how many instances were decided. */
  async runOnce(readInbox = true): Promise<number> {
    const claimed = readInbox || !this.results.ready ? await claimInstances(this.pool, this.owner, INSTANCE_LEASE_SECONDS, INSTANCE_BATCH_SIZE, INBOX_BATCH_LIMIT) : [];
    const sorted = triage(claimed, QUARANTINE_AFTER_CLAIMS, !this.isolating);
    // Not tried in this round: their claim does not count, and their results wait for theirs.
    await releaseInstances(this.pool, this.owner, sorted.deferred.map((c) => c.id), true);
    // Quarantined ones need no decision, only a store: they go with the first group.
    const groups: Group[] = [
      { toDecide: sorted.fresh, quarantined: sorted.quarantined },
      { toDecide: sorted.suspects, quarantined: [] },
      { toDecide: sorted.isolated ? [sorted.isolated] : [], quarantined: [] },
    ];
    const idsOf = (group: Group) => [...group.toDecide, ...group.quarantined].map((c) => c.id);
    const claimedIds = new Set(groups.flatMap(idsOf));
    if (this.metrics) for (const c of claimed) if (claimedIds.has(c.id)) this.metrics.turnWait.observe(c.waitedSeconds);
    const { taken, orphaned } = this.results.take(claimedIds, INSTANCE_BATCH_SIZE);
    if (orphaned.length > 0) this.runner?.report(orphaned);
    // Read now, while the cache holds what `take` saw: the other decision loop may drop or
    // replace an entry while this round waits on the database, and the store checks the rest.
    const unleased = this.unleased(taken, claimedIds);
    const decided = [...new Set([...claimedIds, ...taken.keys()])];
    if (decided.length === 0) return 0;
    // Results of instances this worker decides without a claim go with the first group.
    const resultsOf = (group: Group, first: boolean) => {
      const ids = new Set(idsOf(group));
      return new Map([...taken].filter(([id]) => ids.has(id) || (first && !claimedIds.has(id))));
    };
    const renewing = this.renewLeases(claimedIds);
    if (sorted.isolated) this.isolating = true;
    let worked = 0;
    let reached = 0;
    try {
      for (; reached < groups.length; reached++) {
        const group = groups[reached]!;
        const results = resultsOf(group, reached === 0);
        if (idsOf(group).length > 0 || results.size > 0) worked += await this.decideGroup(group, results, reached === 0 ? unleased : [], renewing);
      }
      return worked;
    } catch (error) {
      // The groups after a failed one were not tried: released uncounted, their results handed back.
      for (const group of groups.slice(reached + 1)) {
        await releaseInstances(this.pool, this.owner, idsOf(group), true).catch(() => {});
        this.runner?.report([...resultsOf(group, false).values()].flat());
      }
      throw error;
    } finally {
      renewing.stop();
      if (sorted.isolated) this.isolating = false;
      this.results.done(decided);
    }
  }

  /**
   * Decides one group of a round, with the `unleased` instances decided from results alone:
   * plans each instance's turn and stores them in one statement. Returns how many were decided,
   * not counting turns left for later.
   */
  private async decideGroup(
    { toDecide, quarantined }: Group,
    taken: Map<string, FinishedTask[]>,
    unleased: PlannedInstance[],
    renewing: LeaseRenewal,
  ): Promise<number> {
    const claimed = [...toDecide, ...quarantined];
    const claimedIds = new Set(claimed.map((c) => c.id));
    const decided = [...new Set([...claimedIds, ...taken.keys()])];
    let storeSettled = false;
    /** The spans of traced turns waiting for the store. */
    const scopes = new Map<string, TurnScope>();
    try {
      const planned = [...(await this.withHistories(toDecide, taken)), ...unleased];
      const now = new Date();
      // Failed without reading their history or running the engine: either may be what crashed.
      const batch: TurnToStore[] = quarantined.map((c) => ({
        turn: quarantinedTurn(c, c.unfinishedClaims - 1, now),
        messageIds: c.messageIds,
        finishedTaskIds: (taken.get(c.id) ?? []).map((r) => r.taskId),
      }));
      for (const c of quarantined) this.telemetry.instance(c.id).warn({ claims: c.unfinishedClaims - 1 }, "instance quarantined: its turns kept ending without being stored");
      const plannedTurns = new Map<string, PlannedInstance>();
      const notCounted: string[] = [];
      for (const p of planned) {
        const scope = this.telemetry.turn(p.instance, p.messages);
        if (scope.traceparent) scopes.set(p.instance.id, scope);
        const definition = await this.definitions.get(p.instance.workflowName, p.instance.workflowVersion);
        const turn = await this.plan(p, definition, now);
        if (turn === "not its fault" && claimedIds.has(p.instance.id)) notCounted.push(p.instance.id);
        if (typeof turn === "string") {
          scope.end(turn);
          scopes.delete(p.instance.id);
          // Its history was extended by a plan that will not be stored (and a stalled one may still run).
          this.cache.delete(p.instance.id);
          continue;
        }
        if (scope.traceparent) {
          for (const task of turn.tasks) task.traceparent = scope.traceparent;
          for (const child of turn.children) child.traceparent = scope.traceparent;
        }
        plannedTurns.set(turn.instanceId, p);
        batch.push({ turn, messageIds: p.messageIds, finishedTaskIds: p.results.map((r) => r.taskId), expected: p.expected });
      }
      const reserved = this.leaseForRunner(batch.map((b) => b.turn), now);
      let result: StoredTurns;
      try {
        result = await this.store(batch);
      } catch (error) {
        this.runner?.runLeased([], reserved);
        throw error;
      }
      storeSettled = true;
      const { stored, leased } = result;
      if (this.metrics) {
        const originOf = (id: string) => plannedTurns.get(id) ?? quarantined.filter((c) => c.id === id).map((instance) => ({ instance }))[0];
        countStore(this.metrics, { turns: batch.map((b) => b.turn), stored, originOf, leased, plannedAt: now });
      }
      if (scopes.size > 0) for (const { turn } of batch) scopes.get(turn.instanceId)?.end(stored.has(turn.instanceId) ? turn.summary.runtimeStatus.toLowerCase() : "not stored");
      renewing.drop(claimedIds);
      this.runner?.recorded(batch.filter((b) => stored.has(b.turn.instanceId)).flatMap((b) => b.finishedTaskIds));
      this.runner?.runLeased(leased, reserved);
      for (const { turn } of batch) this.remember(turn, plannedTurns.get(turn.instanceId), stored.has(turn.instanceId));
      // A turn planned without a lease lost to another turn: this worker's view of the instance is old.
      const unreported = planned.filter((p) => !stored.has(p.instance.id)).flatMap((p) => p.results);
      if (unreported.length > 0) this.runner?.report(unreported);
      await releaseInstances(this.pool, this.owner, notCounted, true);
      await releaseInstances(this.pool, this.owner, claimed.filter((c) => !stored.has(c.id)).map((c) => c.id));
      // Turns left for later are not work done: with nothing else, the loop waits before claiming them again.
      return decided.length - notCounted.length;
    } catch (error) {
      if (!storeSettled) for (const scope of scopes.values()) scope.end("error");
      renewing.drop(claimedIds);
      for (const id of decided) this.cache.delete(id);
      if (!storeSettled) this.runner?.report([...taken.values()].flat());
      await releaseInstances(this.pool, this.owner, [...claimedIds], databaseUnavailable(error)).catch(() => {});
      throw error;
    }
  }

  /**
   * Keeps the claims of a round alive while it is decided, so that a round that takes longer than
   * a lease (a large fan-out, groups decided one after another) is not taken over mid-turn and
   * counted as a crash. A crashed worker renews nothing, and its claims run out as before.
   */
  private renewLeases(ids: Set<string>): LeaseRenewal {
    const pending = new Set(ids);
    const timer = setInterval(() => {
      if (pending.size > 0) void renewInstanceLeases(this.pool, this.owner, [...pending], INSTANCE_LEASE_SECONDS).catch((error: unknown) => this.onError(error));
    }, LEASE_RENEWAL_MS);
    return {
      drop: (done) => done.forEach((id) => pending.delete(id)),
      stop: () => clearInterval(timer),
    };
  }

  /**
   * Plans one turn. A turn that throws fails its instance (planning has no I/O, so a retry would
   * throw again); one that the sandbox could not evaluate for is not the instance's fault and is
   * left for a later claim; one that takes over a minute (a stall: the sandbox bounds every
   * evaluation) is given up, its claim left counted.
   */
  private async plan(p: PlannedInstance, definition: Definition, now: Date): Promise<PlannedTurn | Turn | "not its fault" | "stalled"> {
    let deadline: NodeJS.Timeout | undefined;
    const stalled = new Promise<"stalled">((resolve) => {
      deadline = setTimeout(() => {
        this.onError(new Error(`planning a turn of instance ${p.instance.id} took over ${PLAN_DEADLINE_MS / 1000} s; it was given up, and its claim counts towards quarantine`), this.telemetry.instance(p.instance.id));
        resolve("stalled");
      }, PLAN_DEADLINE_MS);
    });
    try {
      return await Promise.race([planTurn(p.instance, definition, p.history, p.messages, now, this.evaluate), stalled]);
    } catch (error) {
      this.onError(error, this.telemetry.instance(p.instance.id));
      return error instanceof SandboxUnavailableError ? "not its fault" : failedTurn(p.instance, error, now);
    } finally {
      clearTimeout(deadline);
    }
  }

  /** Claimed instances with their histories, read only past what the cache holds, and the results taken for them. */
  private async withHistories(claimed: Awaited<ReturnType<typeof claimInstances>>, taken: Map<string, FinishedTask[]>): Promise<PlannedInstance[]> {
    const known = claimed.map((c) => {
      const entry = this.cache.get(c.id);
      const usable = entry && entry.state.createdAt === c.createdAt && entry.state.generation === c.generation && entry.state.lastSeq <= c.lastSeq;
      const cached = usable ? this.checkOut(entry) : new HistoryIndex();
      return { id: c.id, generation: c.generation, afterSeq: Math.max(cached.lastSeq, c.generationStartSeq - 1), lastSeq: c.lastSeq, cached };
    });
    // A history cached up to the instance's last event needs no reading at all.
    const fresh = await loadHistories(this.pool, known.filter((k) => k.afterSeq < k.lastSeq));
    return claimed.map(({ messages, messageIds, status: _status, ...instance }, i) => {
      const results = taken.get(instance.id) ?? [];
      const history = known[i]!.cached;
      history.append(fresh.get(instance.id) ?? []);
      return {
        instance,
        history,
        messages: [...messages, ...results.map(asMessage)],
        messageIds,
        results,
      };
    });
  }

  /**
   * Instances with results in memory and no claim: planned on the state this worker's last turn
   * left, and stored only if no other turn came since. Skips the claim, the inbox row, and the
   * statement that would have written it.
   */
  private unleased(taken: Map<string, FinishedTask[]>, claimedIds: Set<string>): PlannedInstance[] {
    return [...taken]
      .filter(([id]) => !claimedIds.has(id))
      .map(([id, results]) => {
        const entry = this.cache.get(id)!;
        const { state } = entry;
        return {
          instance: state,
          history: this.checkOut(entry),
          messages: results.map(asMessage),
          messageIds: [],
          results,
          expected: { createdAt: state.createdAt, generation: state.generation, lastSeq: state.lastSeq },
        };
      });
  }

  /**
   * The cached history to plan a turn on. The two decision loops may plan a turn of the same
   * instance at once (one from a claim, one from results alone; the store keeps at most one), and
   * planning extends the history it is given: the second gets a copy of what was stored.
   */
  private checkOut(entry: CachedInstance): HistoryIndex {
    if (!entry.inUse) {
      entry.inUse = true;
      return entry.history;
    }
    const stored = entry.history.events.filter((event) => event.seq <= entry.state.lastSeq);
    return new HistoryIndex(stored);
  }

  /**
   * Eager dispatch: tasks due now whose activity this worker runs are stored already leased to
   * it, as many as its runner has free slots, and skip the round trip of being claimed. The rest
   * are stored sticky to it: this worker holds their instances in memory, so it claims them
   * first, and hands their results to its decisions without the inbox.
   */
  private leaseForRunner(turns: Turn[], now: Date): number {
    const runner = this.runner;
    if (!runner) return 0;
    const eligible = turns.flatMap((t) => t.tasks).filter((task) => Date.parse(task.visibleAt) <= now.getTime() && runner.runs(task.activity));
    const reserved = runner.reserve(eligible.length);
    for (const [i, task] of eligible.entries()) {
      if (i < reserved) task.leased = true;
      else task.sticky = true;
    }
    return reserved;
  }

  /** Stores the batch at once; if that fails, each turn alone, so one bad instance cannot hold up the rest. */
  private async store(batch: TurnToStore[]): Promise<StoredTurns> {
    try {
      return await storeTurns(this.pool, this.owner, batch, TASK_LEASE);
    } catch (error) {
      if (batch.length === 1) throw error;
      const result: StoredTurns = { stored: new Set(), leased: [] };
      for (const one of batch) {
        try {
          const single = await storeTurns(this.pool, this.owner, [one], TASK_LEASE);
          for (const id of single.stored) result.stored.add(id);
          result.leased.push(...single.leased);
        } catch (failure) {
          this.onError(failure);
        }
      }
      return result;
    }
  }

  /** Caches the instance as it stands after a stored turn; drops it when the turn was not stored. */
  private remember(turn: Turn | PlannedTurn, planned: PlannedInstance | undefined, stored: boolean) {
    this.cache.delete(turn.instanceId);
    if (!stored || turn.ended || !planned || !("history" in turn)) return;
    if (this.cache.size >= HISTORY_CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    const state = { ...planned.instance, generation: turn.generation, lastSeq: turn.lastSeq, summary: turn.summary };
    this.cache.set(turn.instanceId, { state, history: turn.history });
  }
}

const asMessage = (result: FinishedTask): TurnMessage => ({ kind: "activity_result", data: result.data });
