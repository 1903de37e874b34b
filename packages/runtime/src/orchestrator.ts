/** The decision loop: claims instances with new messages, runs the engine, stores the results. */
import type { HistoryEvent } from "@flowcraft/engine";
import type pg from "pg";
import { DefinitionCache } from "./definitions.ts";
import type { ClaimedTask } from "./activity-sql.ts";
import { claimInstances, loadHistories, nextDueInMs, releaseInstances, storeTurns, type ClaimedInstance, type StoredTurns } from "./orchestrator-sql.ts";
import type { Signal } from "./signal.ts";
import { failedTurn, planTurn, type Turn } from "./turn.ts";

/** Extra lease time past an attempt's timeout, for reporting its result. */
export const TASK_LEASE_GRACE_SECONDS = 5;

/** The part of an activity runner that takes tasks leased to it by a decision. */
export interface EagerRunner {
  runs(activity: string): boolean;
  /** Takes up to `wanted` free slots at once, so that concurrent decisions cannot overfill it. */
  reserve(wanted: number): number;
  /** Runs the tasks stored leased to this worker and frees the `reserved` slots they did not use. */
  runLeased(tasks: ClaimedTask[], reserved: number): void;
}

/** How long a claimed instance stays ours; a crashed worker's instances are retaken after it. */
export const INSTANCE_LEASE_SECONDS = 10;
/** Instances decided per transaction: larger batches mean fewer round trips per step. */
const INSTANCE_BATCH_SIZE = 100;
/** Inbox messages read per instance and turn; the rest wait for the next turn. */
const INBOX_BATCH_LIMIT = 1_000;
/** Longest sleep when idle: bounds how late a missed wake-up or an expired lease is noticed. */
export const IDLE_POLL_MS = 1_000;
/** Histories kept in memory between turns, so a busy instance is not re-read every step. */
const HISTORY_CACHE_SIZE = 5_000;

/** A history kept between turns, valid for one incarnation and generation of an instance. */
interface CachedHistory {
  createdAt: string;
  generation: number;
  events: HistoryEvent[];
}

export class Orchestrator {
  private readonly definitions: DefinitionCache;
  private readonly histories = new Map<string, CachedHistory>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly owner: string,
    private readonly wake: Signal,
    private readonly onError: (error: unknown) => void,
    /** This worker's activity runner, which takes the tasks it can run straight from the decision. */
    private readonly runner: EagerRunner | null,
  ) {
    this.definitions = new DefinitionCache(pool);
  }

  async run(isRunning: () => boolean) {
    while (isRunning()) {
      let worked = 0;
      try {
        worked = await this.runOnce();
      } catch (error) {
        this.onError(error);
      }
      if (worked > 0 || !isRunning()) continue;
      const due = await nextDueInMs(this.pool).catch(() => null);
      await this.wake.wait(due === null ? IDLE_POLL_MS : Math.min(IDLE_POLL_MS, due + 5));
    }
  }

  /** One batch: returns how many instances were decided. */
  async runOnce(): Promise<number> {
    const claimed = await claimInstances(this.pool, this.owner, INSTANCE_LEASE_SECONDS, INSTANCE_BATCH_SIZE, INBOX_BATCH_LIMIT);
    if (claimed.length === 0) return 0;
    const ids = claimed.map((c) => c.id);
    try {
      const known = claimed.map((c) => {
        const entry = this.histories.get(c.id);
        const usable = entry && entry.createdAt === c.createdAt && entry.generation === c.generation && (entry.events.at(-1)?.seq ?? 0) <= c.lastSeq;
        const cached = usable ? entry.events : [];
        return { id: c.id, generation: c.generation, afterSeq: cached.at(-1)?.seq ?? 0, lastSeq: c.lastSeq, cached };
      });
      // A history cached up to the instance's last event needs no reading at all.
      const fresh = await loadHistories(this.pool, known.filter((k) => k.afterSeq < k.lastSeq));
      const now = new Date();
      const turns: Turn[] = [];
      const used: HistoryEvent[][] = [];
      const consumed = new Map<string, number[]>();
      for (const [i, instance] of claimed.entries()) {
        const history = [...known[i]!.cached, ...(fresh.get(instance.id) ?? [])];
        const definition = await this.definitions.get(instance.workflowName, instance.workflowVersion);
        turns.push(
          await planTurn(instance, definition, history, instance.messages, now).catch((error) => {
            this.onError(error);
            return failedTurn(instance, error, now);
          }),
        );
        used.push(history);
        consumed.set(instance.id, instance.messages.map((m) => m.id));
      }
      const reserved = this.leaseForRunner(turns, now);
      let result: StoredTurns;
      try {
        result = await this.store(turns, consumed);
      } catch (error) {
        this.runner?.runLeased([], reserved);
        throw error;
      }
      const { stored, leased } = result;
      this.runner?.runLeased(leased, reserved);
      turns.forEach((turn, i) => this.remember(turn, claimed[i]!, used[i]!, stored.has(turn.instanceId)));
      await releaseInstances(this.pool, this.owner, ids.filter((id) => !stored.has(id)));
      return claimed.length;
    } catch (error) {
      for (const id of ids) this.histories.delete(id);
      await releaseInstances(this.pool, this.owner, ids).catch(() => {});
      throw error;
    }
  }

  /**
   * Eager dispatch: tasks due now whose activity this worker runs are stored already leased to
   * it, as many as its runner has free slots, and skip the round trip of being claimed.
   */
  private leaseForRunner(turns: Turn[], now: Date): number {
    const runner = this.runner;
    if (!runner) return 0;
    const eligible = turns.flatMap((t) => t.tasks).filter((task) => Date.parse(task.visibleAt) <= now.getTime() && runner.runs(task.activity));
    const reserved = runner.reserve(eligible.length);
    for (const task of eligible.slice(0, reserved)) task.leased = true;
    return reserved;
  }

  /** Stores the batch at once; if that fails, each turn alone, so one bad instance cannot hold up the rest. */
  private async store(turns: Turn[], consumed: Map<string, number[]>): Promise<StoredTurns> {
    try {
      return await storeTurns(this.pool, this.owner, turns, consumed, TASK_LEASE_GRACE_SECONDS);
    } catch (error) {
      if (turns.length === 1) throw error;
      const result: StoredTurns = { stored: new Set(), leased: [] };
      for (const turn of turns) {
        try {
          const one = await storeTurns(this.pool, this.owner, [turn], consumed, TASK_LEASE_GRACE_SECONDS);
          for (const id of one.stored) result.stored.add(id);
          result.leased.push(...one.leased);
        } catch (single) {
          this.onError(single);
        }
      }
      return result;
    }
  }

  /** Caches the history as it stands after a stored turn; drops it when the turn was not stored. */
  private remember(turn: Turn, instance: ClaimedInstance, history: HistoryEvent[], stored: boolean) {
    this.histories.delete(turn.instanceId);
    if (!stored || turn.ended) return;
    const base = instance.generation === turn.generation ? history : [];
    const events = [...base, ...turn.events.filter((e) => e.generation === turn.generation)];
    if (this.histories.size >= HISTORY_CACHE_SIZE) this.histories.delete(this.histories.keys().next().value!);
    this.histories.set(turn.instanceId, { createdAt: instance.createdAt, generation: turn.generation, events });
  }
}
