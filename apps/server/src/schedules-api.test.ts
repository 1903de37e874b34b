/** Schedules over REST: clear refusals of bad timings, previews, and the runs a schedule starts. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./test-server.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(() => server.close());

const create = (spec: unknown, workflow = "task-chain") => server.call("POST", `/api/v1/workflows/${workflow}/schedules`, spec);

describe("refusals", () => {
  it.each([
    ["a cron croner cannot read", { cron: "61 * * * *" }, "cron", /not a cron expression.*minute/],
    ["an unknown time zone", { cron: "0 9 * * *", timeZone: "Mars/Olympus_Mons" }, "timeZone", /"Mars\/Olympus_Mons" is not an IANA time zone/],
    ["an end before the start", { cron: "0 9 * * *", startAt: "2030-01-02T00:00:00Z", endAt: "2030-01-01T00:00:00Z" }, "endAt", /must be after startAt/],
    ["a date without a zone", { cron: "0 9 * * *", startAt: "2030-01-02 09:00" }, "startAt", /ISO 8601 date-time/],
    ["both cron and an interval", { cron: "0 9 * * *", intervalSeconds: 60 }, "cron", /either cron or intervalSeconds/],
    ["neither cron nor an interval", { timeZone: "UTC" }, "cron", /either cron or intervalSeconds/],
    ["an input expression that does not parse", { intervalSeconds: 60, inputExpression: "{ at: " }, "inputExpression", /./],
    ["an unknown overlap policy", { intervalSeconds: 60, overlap: "queue" }, "overlap", /./],
    ["a field it does not know", { intervalSeconds: 60, every: "15 minutes" }, "", /every/],
  ])("refuses %s with a 400 naming the field", async (_name, spec, field, message) => {
    const { status, body } = await create(spec);
    expect(status).toBe(400);
    expect(body.error.message).toMatch(message);
    if (field) expect(body.error.problems.map((p: { path: string }) => p.path)).toContain(field);
    expect((await server.call("GET", "/api/v1/workflows/task-chain/schedules")).body.schedules).toEqual([]);
  });

  it("refuses a schedule of a workflow that does not exist, and answers 404 for an unknown schedule", async () => {
    expect((await create({ intervalSeconds: 60 }, "no-such-workflow")).status).toBe(404);
    for (const [method, path] of [["GET", ""], ["PUT", ""], ["DELETE", ""], ["POST", "/pause"], ["POST", "/trigger"]] as const) {
      const { status, body } = await server.call(method, `/api/v1/schedules/nobody${path}`, method === "PUT" ? { intervalSeconds: 60 } : undefined);
      expect(status, `${method} ${path}`).toBe(404);
      expect(body.error.message).toBe('there is no schedule "nobody"');
    }
  });
});

describe("previews", () => {
  it("shows the next five runs of a timing as it is typed, in its time zone", async () => {
    const { status, body } = await server.call("POST", "/api/v1/schedules/preview", { cron: "30 2 * * *", timeZone: "America/New_York", startAt: "2030-03-08T12:00:00Z" });
    expect(status).toBe(200);
    expect(body.runs).toEqual(["2030-03-09T07:30:00.000Z", "2030-03-10T07:00:00.000Z", "2030-03-11T06:30:00.000Z", "2030-03-12T06:30:00.000Z", "2030-03-13T06:30:00.000Z"]);
    const half = await server.call("POST", "/api/v1/schedules/preview", { cron: "30 2 * *" });
    expect(half.status).toBe(400);
    expect(half.body.error.problems[0].path).toBe("cron");
  });
});

describe("a schedule's life", () => {
  it("fires on the server's worker, records itself on its runs, pauses, resumes, triggers, backfills and goes", async () => {
    const created = await create({ cron: "* * * * * *", overlap: "allow_all", input: 1 });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.headers.get("location")).toBe(`/api/v1/schedules/${id}`);
    expect(created.body.nextRuns).toHaveLength(5);

    let runs: Array<{ instanceId: string; scheduledAt: string }> = [];
    for (let i = 0; i < 200 && runs.length === 0; i++) {
      runs = (await server.call("GET", `/api/v1/schedules/${id}`)).body.recentRuns;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const run = await server.waitFor(runs[0]!.instanceId);
    expect(run).toMatchObject({ runtimeStatus: "COMPLETED", startedBy: `schedule:${id}`, schedule: { scheduleId: id, scheduledAt: runs[0]!.scheduledAt } });

    const paused = await server.call("POST", `/api/v1/schedules/${id}/pause`);
    expect(paused.body).toMatchObject({ paused: true, nextRuns: [] });
    expect((await server.call("POST", `/api/v1/schedules/${id}/resume`)).body.nextRuns).toHaveLength(5);
    // Every second is more than a test needs: an hourly one from here on.
    const edited = await server.call("PUT", `/api/v1/schedules/${id}`, { cron: "0 * * * *", timeZone: "Asia/Kolkata", input: 2 });
    expect(edited.body).toMatchObject({ cron: "0 * * * *", timeZone: "Asia/Kolkata", overlap: "skip" });
    expect(edited.body.nextRuns.every((at: string) => at.endsWith(":30:00.000Z"))).toBe(true);

    const triggered = await server.call("POST", `/api/v1/schedules/${id}/trigger`);
    expect(triggered.status).toBe(202);
    expect(await server.waitFor(triggered.body.instanceId)).toMatchObject({ input: 2, startedBy: "token:test", schedule: { scheduleId: id } });

    const range = { from: "2026-01-01T00:00:00Z", to: "2026-01-01T02:00:00Z" };
    const backfilled = await server.call("POST", `/api/v1/schedules/${id}/backfill`, range);
    expect(backfilled.body.started).toEqual([`${id}:2026-01-01T00:30:00.000Z`, `${id}:2026-01-01T01:30:00.000Z`]);
    expect((await server.call("POST", `/api/v1/schedules/${id}/backfill`, range)).body).toEqual({ started: [], alreadyStarted: backfilled.body.started });
    const future = await server.call("POST", `/api/v1/schedules/${id}/backfill`, { from: "2026-01-01T00:00:00Z", to: "2999-01-01T00:00:00Z" });
    expect(future.status).toBe(400);
    expect(future.body.error.message).toMatch(/is in the future/);

    expect((await server.call("DELETE", `/api/v1/schedules/${id}`)).status).toBe(204);
    expect((await server.call("GET", `/api/v1/schedules/${id}`)).status).toBe(404);
    // The runs stay, and still say what started them.
    expect((await server.call("GET", `/api/v1/instances/${encodeURIComponent(run.instanceId)}`)).body.schedule).toEqual(run.schedule);
  });
});
