import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestRuntime, type TestRuntime } from "../test-helpers.ts";
import { Schedules } from "./schedules.ts";

let rt: TestRuntime;

beforeAll(async () => {
  rt = await createTestRuntime();
  await rt.workflows.publish("tick", { version: 1, start: "done", nodes: { done: { type: "end", output: "input" } } });
}, 60_000);

afterAll(() => rt.close());

const SECONDS = 30;

it(`starts each occurrence of an every-second schedule exactly once with two workers, for ${SECONDS} s`, async () => {
  await rt.startWorker();
  await rt.startWorker();
  const schedules = new Schedules(rt.db, rt.instances);
  const first = new Date(Math.ceil(Date.now() / 1000) * 1000 + 2000);
  const last = new Date(first.getTime() + (SECONDS - 1) * 1000);
  const schedule = await schedules.create("tick", {
    cron: "* * * * * *",
    startAt: first.toISOString(),
    endAt: last.toISOString(),
    overlap: "allow_all",
    inputExpression: "scheduledAt",
  });

  // Until the schedule has no occurrence left (the last one fired), or a minute has passed.
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
    const { rows } = await rt.db.pool.query("SELECT next_run_at FROM schedule WHERE id = $1", [schedule.id]);
    if (rows[0].next_run_at === null) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  const { rows: runs } = await rt.db.pool.query<{ id: string; scheduled_at: Date; input: string; starts: string }>(
    `SELECT i.id, i.scheduled_at, i.input,
            (SELECT count(*) FROM history_event h WHERE h.instance_id = i.id AND h.type = 'execution_started') AS starts
     FROM instance i WHERE schedule_id = $1 ORDER BY scheduled_at`,
    [schedule.id],
  );
  const expected = Array.from({ length: SECONDS }, (_, i) => new Date(first.getTime() + i * 1000).toISOString());
  expect(runs.map((run) => run.scheduled_at.toISOString())).toEqual(expected);
  expect(runs.map((run) => run.input)).toEqual(expected);
  expect(runs.map((run) => run.id)).toEqual(expected.map((at) => `${schedule.id}:${at}`));
  expect(runs.every((run) => Number(run.starts) === 1)).toBe(true);
  expect((await schedules.get(schedule.id)).lastError).toBeNull();
}, 90_000);
