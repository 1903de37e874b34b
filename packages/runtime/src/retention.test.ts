import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pruneRound } from "./generation-pruning.ts";
import { purgeExpiredBatch, purgeExpiredRound, WorkflowRetention } from "./retention.ts";
import { createTestRuntime, waitForInstance, type TestRuntime } from "./test-helpers.ts";

/** The fake clock every purge here counts against. */
const NOW = new Date("2031-03-01T12:00:00Z");
const DAY_MS = 24 * 3600 * 1000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS);

let rt: TestRuntime;
beforeAll(async () => {
  rt = await createTestRuntime();
  for (const name of ["plain", "short", "long", "forever"]) await rt.workflows.publish(name, { version: 1, start: "done", nodes: { done: { type: "end" } } });
});
afterAll(() => rt.close());
beforeEach(async () => {
  await rt.db.pool.query("DELETE FROM instance");
  await rt.db.pool.query("DELETE FROM audit_entry");
  await rt.db.pool.query("UPDATE workflow SET retention_days = NULL");
});

interface Seed {
  id: string;
  workflow?: string;
  status?: string;
  /** Days before NOW it ended; null while it runs. */
  endedDaysAgo?: number | null;
  events?: number;
}

/** Instances as the runtime leaves them, with something in every table an instance owns. */
async function seed(...seeds: Seed[]) {
  for (const { id, workflow = "plain", status = "COMPLETED", endedDaysAgo = null, events = 3 } of seeds) {
    const endedAt = endedDaysAgo === null ? null : daysAgo(endedDaysAgo);
    await rt.db.pool.query(
      `INSERT INTO instance (id, workflow_name, workflow_version, status, input, last_seq, created_at, updated_at, ended_at)
       VALUES ($1, $2, 1, $3::"RuntimeStatus", 'null', $4, $5, $5, $6)`,
      [id, workflow, status, events, daysAgo(400), endedAt],
    );
    await rt.db.pool.query(
      `INSERT INTO history_event (instance_id, seq, generation, type, data, at)
       SELECT $1, seq, 1, 'marker', '{}', $2 FROM generate_series(1, $3) seq`,
      [id, daysAgo(400), events],
    );
    await rt.db.pool.query("INSERT INTO inbox_message (instance_id, kind, data, dedupe_key) VALUES ($1, 'event', '{}', 'late')", [id]);
    await rt.db.pool.query("INSERT INTO raised_event (instance_id, event_id) VALUES ($1, 'e1')", [id]);
    await rt.db.pool.query(
      "INSERT INTO activity_task (instance_id, generation, activity_id, activity, node, input, attempt, timeout_seconds) VALUES ($1, 1, 'a', 'noop', 'n', 'null', 1, 10)",
      [id],
    );
    await rt.db.pool.query("INSERT INTO open_wait (instance_id, generation, wait_id, kind, node, seq, started_at) VALUES ($1, 1, 't', 'timer', 'n', 1, $2)", [id, daysAgo(400)]);
  }
}

async function left(table: string): Promise<string[]> {
  const { rows } = await rt.db.pool.query(`SELECT DISTINCT ${table === "instance" ? "id" : "instance_id"} AS id FROM ${table} ORDER BY 1`);
  return rows.map((row) => row.id as string);
}

async function auditEntries() {
  const { rows } = await rt.db.pool.query("SELECT actor, action, details FROM audit_entry WHERE action = 'instances.purged' ORDER BY id");
  return rows as Array<{ actor: string; action: string; details: { count: number; groups: Array<Record<string, unknown> & { instanceIds: string[] }> } }>;
}

/** The instance ids an audit entry names. */
const namedIn = (entry: Awaited<ReturnType<typeof auditEntries>>[number]) => entry.details.groups.flatMap((group) => group.instanceIds);

/** Purges until nothing is due, as a worker's rounds do; returns the batch sizes. */
async function purgeAll(pool: pg.Pool, owner: string, options: { defaultDays: number; limit?: number; historyRowsPerDelete?: number }) {
  const sizes: number[] = [];
  for (;;) {
    const batch = await purgeExpiredBatch(pool, owner, { ...options, now: NOW });
    if (!batch) return sizes;
    sizes.push(batch.instances.length);
  }
}

describe("retention", () => {
  it("purges ended instances past the retention period with all they own, and keeps younger and unended ones", async () => {
    await seed(
      { id: "completed-old", endedDaysAgo: 31 },
      { id: "failed-old", status: "FAILED", endedDaysAgo: 45 },
      { id: "terminated-old", status: "TERMINATED", endedDaysAgo: 30.01 },
      { id: "completed-young", endedDaysAgo: 29.9 },
      { id: "running", status: "RUNNING" },
      { id: "suspended", status: "SUSPENDED" },
      { id: "pending", status: "PENDING" },
    );
    const kept = ["completed-young", "pending", "running", "suspended"];
    await purgeAll(rt.db.pool, "w1", { defaultDays: 30 });
    for (const table of ["instance", "history_event", "inbox_message", "raised_event", "activity_task", "open_wait"]) {
      expect(await left(table), table).toEqual(kept);
    }
    expect((await rt.db.pool.query("SELECT count(*)::int AS n FROM history_event")).rows[0].n).toBe(kept.length * 3);
  });

  it("never purges a running instance, however old, nor with a retention of 0 anything", async () => {
    await seed({ id: "running", status: "RUNNING" }, { id: "suspended", status: "SUSPENDED" }, { id: "ended", endedDaysAgo: 5_000 });
    expect(await purgeAll(rt.db.pool, "w1", { defaultDays: 0 })).toEqual([]);
    expect(await purgeAll(rt.db.pool, "w1", { defaultDays: 1 })).toEqual([1]);
    expect(await left("instance")).toEqual(["running", "suspended"]);
  });

  it("follows a workflow's own retention, shorter, longer or for ever, over the installation's", async () => {
    const retention = new WorkflowRetention(rt.db, 30);
    await retention.set("short", { retentionDays: 7 });
    await retention.set("long", { retentionDays: 90 });
    await retention.set("forever", { retentionDays: 0 });
    expect(await retention.get("long")).toEqual({ workflowName: "long", retentionDays: 90, defaultRetentionDays: 30, effectiveRetentionDays: 90 });
    expect(await retention.get("plain")).toEqual({ workflowName: "plain", retentionDays: null, defaultRetentionDays: 30, effectiveRetentionDays: 30 });
    const ages = [3, 10, 40, 100];
    await seed(...["plain", "short", "long", "forever"].flatMap((workflow) => ages.map((days) => ({ id: `${workflow}-${days}`, workflow, endedDaysAgo: days }))));
    await purgeAll(rt.db.pool, "w1", { defaultDays: 30 });
    expect(await left("instance")).toEqual(["forever-10", "forever-100", "forever-3", "forever-40", "long-10", "long-3", "long-40", "plain-10", "plain-3", "short-3"]);
    // Back to the default: the long workflow's 40-day-old instance is due now.
    await retention.set("long", { retentionDays: null });
    await purgeAll(rt.db.pool, "w1", { defaultDays: 30 });
    expect(await left("instance")).not.toContain("long-40");
  });

  it("refuses a retention that is not a whole number of days from 0, or null, and a workflow that does not exist", async () => {
    const retention = new WorkflowRetention(rt.db, 30);
    for (const bad of [{ retentionDays: -1 }, { retentionDays: 1.5 }, { retentionDays: "7" }, { retentionDays: 36_501 }, {}, { retentionDays: 7, extra: 1 }, null]) {
      await expect(retention.set("plain", bad), JSON.stringify(bad)).rejects.toThrow();
    }
    await expect(retention.set("nope", { retentionDays: 1 })).rejects.toMatchObject({ code: "not_found" });
    expect((await retention.get("plain")).retentionDays).toBeNull();
  });

  it("writes one audit entry per batch naming each instance purged, by workflow, outcome and policy", async () => {
    await new WorkflowRetention(rt.db, 30).set("short", { retentionDays: 7 });
    await seed(
      { id: "a", endedDaysAgo: 31 },
      { id: "a2", endedDaysAgo: 35 },
      { id: "a-failed", status: "FAILED", endedDaysAgo: 40 },
      { id: "b", workflow: "short", status: "FAILED", endedDaysAgo: 8 },
      { id: "c", endedDaysAgo: 1 },
    );
    await purgeAll(rt.db.pool, "w1", { defaultDays: 30 });
    const entries = await auditEntries();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: "retention", details: { reason: "retention", defaultRetentionDays: 30, count: 4 } });
    const groups = entries[0]!.details.groups.map((group) => ({ ...group, instanceIds: group.instanceIds.sort() }));
    expect(groups.sort((x, y) => x.instanceIds[0]!.localeCompare(y.instanceIds[0]!))).toEqual([
      { workflowName: "plain", workflowVersion: 1, runtimeStatus: "COMPLETED", retentionDays: 30, policy: "installation", endedFrom: daysAgo(35).toISOString(), endedTo: daysAgo(31).toISOString(), instanceIds: ["a", "a2"] },
      { workflowName: "plain", workflowVersion: 1, runtimeStatus: "FAILED", retentionDays: 30, policy: "installation", endedFrom: daysAgo(40).toISOString(), endedTo: daysAgo(40).toISOString(), instanceIds: ["a-failed"] },
      { workflowName: "short", workflowVersion: 1, runtimeStatus: "FAILED", retentionDays: 7, policy: "workflow", endedFrom: daysAgo(8).toISOString(), endedTo: daysAgo(8).toISOString(), instanceIds: ["b"] },
    ]);
  });

  it("works in bounded batches, the longest ended first, history a bounded number of rows per statement", async () => {
    await seed(...Array.from({ length: 7 }, (_, i) => ({ id: `old-${i}`, endedDaysAgo: 40 + i, events: 10 })));
    expect(await purgeAll(rt.db.pool, "w1", { defaultDays: 30, limit: 3, historyRowsPerDelete: 4 })).toEqual([3, 3, 1]);
    const entries = await auditEntries();
    expect(entries.map((entry) => namedIn(entry).sort())).toEqual([
      ["old-4", "old-5", "old-6"],
      ["old-1", "old-2", "old-3"],
      ["old-0"],
    ]);
    expect(await left("history_event")).toEqual([]);
  });

  it("says a round stopped at its bound while more is due", async () => {
    await seed(...Array.from({ length: 9 }, (_, i) => ({ id: `old-${i}`, endedDaysAgo: 40, events: 1 })));
    expect(await purgeExpiredRound(rt.db.pool, "w1", { defaultDays: 30, now: NOW, limit: 2 })).toEqual({ instances: 8, historyRows: 8, more: true });
    expect(await purgeExpiredRound(rt.db.pool, "w1", { defaultDays: 30, now: NOW, limit: 2 })).toEqual({ instances: 1, historyRows: 1, more: false });
  });

  it("skips an instance another worker holds, and takes it once the lease runs out", async () => {
    await seed({ id: "held", endedDaysAgo: 40 });
    await rt.db.pool.query("UPDATE instance SET lease_owner = 'other', lease_expires_at = now() + interval '1 minute' WHERE id = 'held'");
    expect(await purgeAll(rt.db.pool, "w1", { defaultDays: 30 })).toEqual([]);
    await rt.db.pool.query("UPDATE instance SET lease_expires_at = now() - interval '1 second' WHERE id = 'held'");
    expect(await purgeAll(rt.db.pool, "w1", { defaultDays: 30 })).toEqual([1]);
  });

  it("lets two workers purge at once without errors, each instance once, in one audit entry", async () => {
    const ids = Array.from({ length: 120 }, (_, i) => `c-${String(i).padStart(3, "0")}`);
    await seed(...ids.map((id, i) => ({ id, endedDaysAgo: 31 + (i % 5), events: 5 })));
    const second = new pg.Pool({ connectionString: rt.db.url, max: 4 });
    const options = { defaultDays: 30, limit: 7, historyRowsPerDelete: 3 };
    try {
      // Each takes a batch at once first: however the two are scheduled, both purge some.
      const firsts = await Promise.all([
        purgeExpiredBatch(rt.db.pool, "w1", { ...options, now: NOW }),
        purgeExpiredBatch(second, "w2", { ...options, now: NOW }),
      ]);
      expect(firsts.map((batch) => batch?.instances.length)).toEqual([7, 7]);
      const [one, two] = await Promise.all([purgeAll(rt.db.pool, "w1", options), purgeAll(second, "w2", options)]);
      expect([...one, ...two].reduce((sum, n) => sum + n, 14)).toBe(120);
    } finally {
      await second.end();
    }
    const named = (await auditEntries()).flatMap(namedIn);
    expect(named.sort()).toEqual(ids);
    expect(await left("instance")).toEqual([]);
  });

  it("purges an instance a worker ran, counting from when it ended", async () => {
    await rt.startWorker();
    const { instanceId } = await rt.instances.start("plain", null);
    await waitForInstance(rt.instances, instanceId);
    const { rows } = await rt.db.pool.query("SELECT ended_at FROM instance WHERE id = $1", [instanceId]);
    const endedAt = rows[0].ended_at as Date;
    expect(endedAt).toBeInstanceOf(Date);
    const at = (days: number) => new Date(endedAt.getTime() + days * DAY_MS);
    expect(await purgeExpiredBatch(rt.db.pool, "w1", { defaultDays: 2, now: at(1.99) })).toBeNull();
    expect((await purgeExpiredBatch(rt.db.pool, "w1", { defaultDays: 2, now: at(2) }))?.instances.map((i) => i.instanceId)).toEqual([instanceId]);
  });

  it("keeps counting from the end when a late message gives the ended instance another turn", async () => {
    await rt.startWorker();
    const { instanceId } = await rt.instances.start("plain", null);
    await waitForInstance(rt.instances, instanceId);
    const before = (await rt.db.pool.query("SELECT ended_at, updated_at FROM instance WHERE id = $1", [instanceId])).rows[0];
    await rt.db.pool.query("INSERT INTO inbox_message (instance_id, kind, data, dedupe_key) VALUES ($1, 'event', '{\"name\":\"late\",\"payload\":null}', 'late')", [instanceId]);
    await rt.db.pool.query("NOTIFY flowcraft_inbox");
    await waitForInstance(rt.instances, instanceId, (view) => view.lastUpdatedAt !== before.updated_at.toISOString());
    const after = (await rt.db.pool.query("SELECT ended_at FROM instance WHERE id = $1", [instanceId])).rows[0];
    expect(after.ended_at).toEqual(before.ended_at);
  });
});

describe("generations under retention", () => {
  /** A long-lived instance in its fourth generation; generation n ended `ages[n-1]` days before NOW. */
  async function monitorWithGenerations(id: string, workflow: string, ages: number[]) {
    const eventsPer = 4;
    const current = ages.length + 1;
    await rt.db.pool.query(
      `INSERT INTO instance (id, workflow_name, workflow_version, status, input, generation, generation_start_seq, last_seq)
       VALUES ($1, $2, 1, 'RUNNING', 'null', $3, $4, $5)`,
      [id, workflow, current, ages.length * eventsPer + 1, current * eventsPer],
    );
    await rt.db.pool.query(
      `INSERT INTO history_event (instance_id, seq, generation, type, data, at)
       SELECT $1, seq, (seq - 1) / $2 + 1, 'marker', '{}', $3 FROM generate_series(1, $4) seq`,
      [id, eventsPer, daysAgo(400), current * eventsPer],
    );
    for (const [i, age] of ages.entries()) {
      await rt.db.pool.query("INSERT INTO ended_generation (instance_id, generation, first_seq, last_seq, ended_at) VALUES ($1, $2, $3, $4, $5)", [
        id,
        i + 1,
        i * eventsPer + 1,
        (i + 1) * eventsPer,
        daysAgo(age),
      ]);
    }
  }
  const generationsLeft = async (id: string) =>
    (await rt.db.pool.query("SELECT DISTINCT generation FROM history_event WHERE instance_id = $1 ORDER BY 1", [id])).rows.map((row) => row.generation as number);

  it("sheds the generations older than the retention period, never the current one", async () => {
    await new WorkflowRetention(rt.db, 30).set("short", { retentionDays: 7 });
    await new WorkflowRetention(rt.db, 30).set("forever", { retentionDays: 0 });
    await monitorWithGenerations("m-plain", "plain", [100, 31, 10]);
    await monitorWithGenerations("m-short", "short", [100, 31, 10]);
    await monitorWithGenerations("m-forever", "forever", [100, 31, 10]);
    expect(await pruneRound(rt.db.pool, { defaultDays: 30, now: NOW })).toEqual({ generations: 5, events: 20, more: false });
    expect(await generationsLeft("m-plain")).toEqual([3, 4]);
    expect(await generationsLeft("m-short")).toEqual([4]);
    expect(await generationsLeft("m-forever")).toEqual([1, 2, 3, 4]);
    // Long after, the current generation is all a live instance keeps.
    await pruneRound(rt.db.pool, { defaultDays: 30, now: new Date(NOW.getTime() + 10_000 * DAY_MS) });
    expect(await generationsLeft("m-plain")).toEqual([4]);
    expect(await generationsLeft("m-forever")).toEqual([1, 2, 3, 4]);
  });
});
