import { evaluate } from "@flowcraft/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestRuntime, waitForInstance, type TestRuntime } from "../test-helpers.ts";
import { fireDueSchedules } from "./schedule-firing.ts";
import { jitterMs } from "./schedule-timing.ts";
import { Schedules } from "./schedules.ts";
import type { ScheduleSpecInput } from "./schedule-spec.ts";

let rt: TestRuntime;
let schedules: Schedules;

beforeAll(async () => {
  rt = await createTestRuntime();
  schedules = new Schedules(rt.db, rt.instances);
  // Runs turns, so runs end when told; the tests fire schedules themselves, at times they choose.
  await rt.startWorker(undefined, { fireSchedules: false });
  await rt.workflows.publish("held", {
    version: 1,
    start: "wait",
    nodes: { wait: { type: "wait", event: "go", next: "done" }, done: { type: "end", output: "input" } },
  });
}, 60_000);

afterAll(() => rt.close());

/** Fires due schedules as worker `owner` would at `at`. */
const fire = (at: string, owner = "w1") => fireDueSchedules(rt.db, rt.instances, owner, { evaluate, now: new Date(at) });

/** The runs a schedule started, oldest occurrence first, as stored. */
async function runsOf(scheduleId: string) {
  const { rows } = await rt.db.pool.query<{ id: string; scheduled_at: Date; status: string; started_by: string }>(
    "SELECT id, scheduled_at, status, started_by FROM instance WHERE schedule_id = $1 ORDER BY scheduled_at",
    [scheduleId],
  );
  return rows;
}
const timesOf = async (scheduleId: string) => (await runsOf(scheduleId)).map((run) => run.scheduled_at.toISOString().slice(11, 19));

/** A schedule every minute from 2030-01-01T00:00Z, so the tests' clock is the only one that matters. */
const everyMinute = (spec: Partial<ScheduleSpecInput>) =>
  schedules.create("held", { intervalSeconds: 60, startAt: "2030-01-01T00:00:00Z", catchupWindowSeconds: 3600, ...spec });

async function finish(instanceId: string) {
  await rt.instances.raiseEvent(instanceId, "go", null);
  await waitForInstance(rt.instances, instanceId);
}

describe("catch-up after downtime", () => {
  it("starts the missed runs within the window once, and skips older ones", async () => {
    const schedule = await everyMinute({ overlap: "allow_all", catchupWindowSeconds: 180 });
    // No worker fired for ten minutes.
    expect(await fire("2030-01-01T00:10:00Z")).toBe(1);
    expect(await timesOf(schedule.id)).toEqual(["00:07:00", "00:08:00", "00:09:00", "00:10:00"]);
    const stored = await rt.db.prisma.schedule.findUniqueOrThrow({ where: { id: schedule.id } });
    expect(stored).toMatchObject({ nextRunAt: new Date("2030-01-01T00:11:00Z"), leaseOwner: null });

    // Another worker, then a worker that died before storing its round (next run set back): nothing twice.
    expect(await fire("2030-01-01T00:10:30Z", "w2")).toBe(0);
    await rt.db.pool.query("UPDATE schedule SET next_run_at = $2, next_fire_at = $2 WHERE id = $1", [schedule.id, new Date("2030-01-01T00:07:00Z")]);
    await fire("2030-01-01T00:10:30Z", "w2");
    expect(await timesOf(schedule.id)).toEqual(["00:07:00", "00:08:00", "00:09:00", "00:10:00"]);
    expect((await runsOf(schedule.id)).map((run) => run.id)).toContain(`${schedule.id}:2030-01-01T00:10:00.000Z`);
    // Finding an occurrence started already is no error.
    expect((await schedules.get(schedule.id)).lastError).toBeNull();
  });

  it("leaves a schedule claimed by a live worker alone", async () => {
    const schedule = await everyMinute({ overlap: "allow_all" });
    await rt.db.pool.query("UPDATE schedule SET lease_owner = 'w9', lease_expires_at = now() + interval '1 minute' WHERE id = $1", [schedule.id]);
    await fire("2030-01-01T00:01:00Z");
    expect(await timesOf(schedule.id)).toEqual([]);
  });
});

describe("overlap policies, while the previous run still runs", () => {
  it("skip: starts nothing until the previous run ends", async () => {
    const schedule = await everyMinute({ overlap: "skip" });
    await fire("2030-01-01T00:00:00Z");
    await fire("2030-01-01T00:01:00Z");
    expect(await timesOf(schedule.id)).toEqual(["00:00:00"]);
    await finish((await runsOf(schedule.id))[0]!.id);
    await fire("2030-01-01T00:02:00Z");
    expect(await timesOf(schedule.id)).toEqual(["00:00:00", "00:02:00"]);
  });

  it("buffer_one: keeps the first overlapping occurrence, drops the rest, and starts it when the previous run ends", async () => {
    const schedule = await everyMinute({ overlap: "buffer_one" });
    await fire("2030-01-01T00:00:00Z");
    await fire("2030-01-01T00:02:00Z");
    expect(await timesOf(schedule.id)).toEqual(["00:00:00"]);
    expect((await schedules.get(schedule.id)).bufferedAt).toBe("2030-01-01T00:01:00.000Z");
    await fire("2030-01-01T00:02:10Z");
    expect(await timesOf(schedule.id)).toEqual(["00:00:00"]);

    await finish((await runsOf(schedule.id))[0]!.id);
    await fire("2030-01-01T00:02:20Z");
    expect(await timesOf(schedule.id)).toEqual(["00:00:00", "00:01:00"]);
    expect((await schedules.get(schedule.id)).bufferedAt).toBeNull();
  });

  it("allow_all: starts every occurrence", async () => {
    const schedule = await everyMinute({ overlap: "allow_all" });
    await fire("2030-01-01T00:00:00Z");
    await fire("2030-01-01T00:01:00Z");
    expect((await runsOf(schedule.id)).map((run) => [run.scheduled_at.toISOString().slice(11, 19), run.started_by])).toEqual([
      ["00:00:00", `schedule:${schedule.id}`],
      ["00:01:00", `schedule:${schedule.id}`],
    ]);
  });

  it("terminate_previous: terminates the previous run and starts the next", async () => {
    const schedule = await everyMinute({ overlap: "terminate_previous" });
    await fire("2030-01-01T00:00:00Z");
    await fire("2030-01-01T00:01:00Z");
    const [first, second] = await runsOf(schedule.id);
    expect((await waitForInstance(rt.instances, first!.id)).runtimeStatus).toBe("TERMINATED");
    expect(second!.scheduled_at.toISOString()).toBe("2030-01-01T00:01:00.000Z");
    expect(["PENDING", "RUNNING"]).toContain((await rt.instances.get(second!.id)).runtimeStatus);
  });
});

describe("runs", () => {
  it("records the schedule and occurrence on the instance, with the input its expression makes", async () => {
    const schedule = await everyMinute({ overlap: "allow_all", inputExpression: '{"at": scheduledAt, "from": schedule.id}' });
    await fire("2030-01-01T00:00:00Z");
    const run = await rt.instances.get(`${schedule.id}:2030-01-01T00:00:00.000Z`);
    expect(run).toMatchObject({
      input: { at: "2030-01-01T00:00:00.000Z", from: schedule.id },
      schedule: { scheduleId: schedule.id, scheduledAt: "2030-01-01T00:00:00.000Z" },
      startedBy: `schedule:${schedule.id}`,
    });
    expect((await schedules.get(schedule.id)).recentRuns).toEqual([expect.objectContaining({ instanceId: run.instanceId, scheduledAt: "2030-01-01T00:00:00.000Z" })]);
  });

  it("fires a daily 02:30 New York job at 03:00 on the day 02:30 does not exist", async () => {
    const schedule = await schedules.create("held", { cron: "30 2 * * *", timeZone: "America/New_York", startAt: "2030-03-09T12:00:00Z", overlap: "allow_all" });
    // US clocks spring forward on 2030-03-10.
    await fire("2030-03-10T06:59:59Z");
    await fire("2030-03-10T07:00:00Z");
    await fire("2030-03-11T06:30:00Z");
    expect((await runsOf(schedule.id)).map((run) => run.scheduled_at.toISOString())).toEqual(["2030-03-10T07:00:00.000Z", "2030-03-11T06:30:00.000Z"]);
  });

  it("fires each occurrence its jitter late, the same delay on every worker", async () => {
    const schedule = await everyMinute({ overlap: "allow_all", jitterSeconds: 50 });
    const late = jitterMs(schedule.id, new Date("2030-01-01T00:00:00Z"), 50);
    expect(late).toBeGreaterThan(0);
    await fire(new Date(Date.parse("2030-01-01T00:00:00Z") + late - 1).toISOString());
    expect(await timesOf(schedule.id)).toEqual([]);
    await fire(new Date(Date.parse("2030-01-01T00:00:00Z") + late).toISOString(), "w2");
    // Named after the occurrence, not the moment it fired.
    expect(await timesOf(schedule.id)).toEqual(["00:00:00"]);
  });

  it("records why an occurrence did not start, and goes on with the next", async () => {
    const schedule = await everyMinute({ overlap: "allow_all", inputExpression: '$number("not a number")' });
    await fire("2030-01-01T00:00:00Z");
    expect(await timesOf(schedule.id)).toEqual([]);
    const view = await schedules.get(schedule.id);
    expect(view.lastError).toMatch(/^the run of 2030-01-01T00:00:00.000Z did not start: /);
    expect(view.nextRuns[0]).toBe("2030-01-01T00:01:00.000Z");
  });

  it("fires the other schedules of a round when one fails for a reason not its own, and frees the failed one", async () => {
    // A year of their own, so that no other test's schedule is due with them.
    const failing = await everyMinute({ startAt: "2031-01-01T00:00:00Z", overlap: "allow_all", inputExpression: '"sandbox down"' });
    const fine = await everyMinute({ startAt: "2031-01-01T00:00:00Z", overlap: "allow_all" });
    const sandboxDown = (expression: string, context: Record<string, unknown>) => (expression.includes("sandbox down") ? Promise.reject(new Error("the sandbox is unavailable")) : evaluate(expression, context));
    await expect(fireDueSchedules(rt.db, rt.instances, "w1", { evaluate: sandboxDown, now: new Date("2031-01-01T00:00:00Z") })).rejects.toThrow(/sandbox is unavailable/);
    expect(await timesOf(fine.id)).toEqual(["00:00:00"]);
    // Not skipped: the next worker to come by starts it.
    expect(await rt.db.prisma.schedule.findUniqueOrThrow({ where: { id: failing.id } })).toMatchObject({ leaseOwner: null, nextRunAt: new Date("2031-01-01T00:00:00Z") });
    await fire("2031-01-01T00:00:10Z");
    expect(await timesOf(failing.id)).toEqual(["00:00:00"]);
  });

  it("stops at the end date and fires nothing while paused", async () => {
    const ended = await everyMinute({ overlap: "allow_all", endAt: "2030-01-01T00:01:00Z" });
    const paused = await everyMinute({ overlap: "allow_all", paused: true });
    await fire("2030-01-01T00:05:00Z");
    expect(await timesOf(ended.id)).toEqual(["00:00:00", "00:01:00"]);
    expect((await schedules.get(ended.id)).nextRuns).toEqual([]);
    expect(await timesOf(paused.id)).toEqual([]);
  });
});

describe("backfill", () => {
  it("starts the runs of a past range once, however often it is asked", async () => {
    const schedule = await schedules.create("held", { cron: "0 * * * *", overlap: "skip" });
    const first = await schedules.backfill(schedule.id, { from: "2026-01-01T00:00:00Z", to: "2026-01-01T05:00:00Z" });
    expect(first.started).toHaveLength(6);
    const again = await schedules.backfill(schedule.id, { from: "2026-01-01T03:00:00Z", to: "2026-01-01T08:00:00Z" });
    expect(again).toEqual({
      started: ["06", "07", "08"].map((hour) => `${schedule.id}:2026-01-01T${hour}:00:00.000Z`),
      alreadyStarted: ["03", "04", "05"].map((hour) => `${schedule.id}:2026-01-01T${hour}:00:00.000Z`),
    });
    expect(await runsOf(schedule.id)).toHaveLength(9);
  });

  it("refuses a range in the future, backwards, or too large", async () => {
    const schedule = await schedules.create("held", { cron: "* * * * * *" });
    await expect(schedules.backfill(schedule.id, { from: "2026-01-01T00:00:00Z", to: "2999-01-01T00:00:00Z" })).rejects.toThrow(/in the future/);
    await expect(schedules.backfill(schedule.id, { from: "2026-01-02T00:00:00Z", to: "2026-01-01T00:00:00Z" })).rejects.toThrow(/must be after from/);
    await expect(schedules.backfill(schedule.id, { from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z" })).rejects.toThrow(/more than 1000 runs/);
    expect(await runsOf(schedule.id)).toEqual([]);
  });
});
