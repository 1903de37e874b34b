/**
 * GET /metrics on a real server over a real database: after real runs (a fan-out with retries and
 * a timer, a failure, a terminated approval), the scraped text parses, its counters and histogram
 * counts agree with the histories the runs wrote, the gauges read the database, no label carries
 * an instance id, and only the metrics token opens it.
 */
import parsePrometheusTextFormat, { type ParsedFamily } from "parse-prometheus-text-format";
import type { Json } from "@flowcraft/engine";
import { ActivityError } from "@flowcraft/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./test-server.ts";

const TOKEN = "metrics-token-for-the-test-0123456789";
const FAN_ITEMS = 12;
const FAN_RUNS = 3;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    metricsToken: TOKEN,
    activities: {
      // Odd items fail their first attempt: retries, and failed attempts to count.
      flaky_double: (input: Json, { attempt }) => {
        if ((input as number) % 2 === 1 && attempt === 1) throw new ActivityError("first attempts of odd items fail");
        return (input as number) * 2;
      },
      boom: () => {
        throw new ActivityError("always fails", "Boom", { nonRetryable: true });
      },
    },
  });
});
afterAll(async () => server?.close());

async function publish(name: string, definition: unknown) {
  const { status, body } = await server.call("PUT", `/api/v1/workflows/${name}`, definition);
  expect(status, JSON.stringify(body)).toBe(201);
}

async function start(name: string, input: unknown): Promise<string> {
  const { status, body } = await server.call("POST", `/api/v1/workflows/${name}/start`, input);
  expect(status, JSON.stringify(body)).toBe(202);
  return body.instanceId as string;
}

async function scrape(headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) {
  return fetch(`${server.url}/metrics`, { headers });
}

async function scrapeParsed(): Promise<Map<string, ParsedFamily>> {
  const response = await scrape();
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return new Map(parsePrometheusTextFormat(await response.text()).map((family) => [family.name, family]));
}

/** The value of each sample of a counter or gauge, by the value of `label` ("" without one). */
function valuesBy(family: ParsedFamily | undefined, label?: string): Record<string, number> {
  const values: Record<string, number> = {};
  for (const sample of family?.metrics ?? []) values[label ? (sample.labels?.[label] ?? "") : ""] = Number(sample.value);
  return values;
}

/**
 * The observation count of each series of a labelled histogram, by the given labels joined with
 * "/", from prom-client's JSON: the text parser keeps only unlabelled histograms whole (it drops
 * the labels of the others), so for those the text is held to the family's type alone.
 */
async function countsBy(name: string, ...labels: string[]): Promise<Record<string, number>> {
  const family = (await server.metrics.registry.getMetricsAsJSON()).find((m) => m.name === name)!;
  const counts: Record<string, number> = {};
  for (const value of family.values) {
    if ((value as { metricName?: string }).metricName === `${name}_count`) counts[labels.map((l) => String(value.labels[l] ?? "")).join("/")] = value.value;
  }
  return counts;
}

async function rows<T>(sql: string, values: unknown[] = []): Promise<T[]> {
  return (await server.db.pool.query(sql, values)).rows as T[];
}

describe("GET /metrics", () => {
  it("counts what the histories hold, reads the queues and waits, and labels no series with an instance id", async () => {
    await publish("metrics_fan", {
      version: 1,
      start: "fan",
      nodes: {
        fan: {
          type: "map",
          items: "input",
          body: { start: "double", nodes: { double: { type: "activity", activity: "flaky_double", input: "item", retry: { maxAttempts: 3, firstInterval: 0 } } } },
          next: "pause",
        },
        pause: { type: "timer", duration: 0.2, next: "done" },
        done: { type: "end" },
      },
    });
    await publish("metrics_boom", { version: 1, start: "blow", nodes: { blow: { type: "activity", activity: "boom", input: "input" } } });
    await publish("metrics_approval", {
      version: 1,
      start: "ask",
      nodes: { ask: { type: "wait", event: "approval_received", approval: { groups: ["managers"], summary: "input" }, next: "done" }, done: { type: "end" } },
    });

    const items = Array.from({ length: FAN_ITEMS }, (_, i) => i);
    const fans = await Promise.all(Array.from({ length: FAN_RUNS }, () => start("metrics_fan", items)));
    const boom = await start("metrics_boom", null);
    const asking = await start("metrics_approval", JSON.stringify("buy a boat"));
    for (const id of [...fans, boom]) await server.waitFor(id);
    expect((await server.waitFor(fans[0]!)).runtimeStatus).toBe("COMPLETED");
    expect((await server.waitFor(boom)).runtimeStatus).toBe("FAILED");
    await server.waitFor(asking, (view) => view.runtimeStatus === "RUNNING");
    // The approval's wait is stored with the turn that leaves the instance RUNNING.
    let waiting = await scrapeParsed();
    for (let i = 0; i < 100 && valuesBy(waiting.get("flowcraft_open_approvals"))[""] !== 1; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      waiting = await scrapeParsed();
    }
    expect(valuesBy(waiting.get("flowcraft_open_approvals"))).toEqual({ "": 1 });
    expect(valuesBy(waiting.get("flowcraft_open_waits"), "kind")).toEqual({ event: 0, approval: 1, timer: 0 });
    expect(valuesBy(waiting.get("flowcraft_inbox_depth"))).toEqual({ "": 0 });
    expect(valuesBy(waiting.get("flowcraft_task_queue_depth"), "activity")).toEqual({});

    expect((await server.call("POST", `/api/v1/instances/${asking}/terminate`, { reason: "no boat" })).status).toBe(202);
    expect((await server.waitFor(asking)).runtimeStatus).toBe("TERMINATED");
    const metrics = await scrapeParsed();

    // Instances, by workflow, as the instance table has them.
    const statuses = await rows<{ workflow_name: string; status: string; n: number }>(
      "SELECT workflow_name, status, count(*)::int AS n FROM instance GROUP BY 1, 2",
    );
    const byStatus = (status?: string) =>
      Object.fromEntries(
        Object.entries(
          statuses.filter((r) => status === undefined || r.status === status).reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.workflow_name]: (acc[r.workflow_name] ?? 0) + r.n }), {}),
        ),
      );
    expect(byStatus()).toEqual({ metrics_fan: FAN_RUNS, metrics_boom: 1, metrics_approval: 1 });
    expect(valuesBy(metrics.get("flowcraft_instances_started_total"), "workflow")).toEqual(byStatus());
    expect(valuesBy(metrics.get("flowcraft_instances_completed_total"), "workflow")).toEqual(byStatus("COMPLETED"));
    expect(valuesBy(metrics.get("flowcraft_instances_failed_total"), "workflow")).toEqual(byStatus("FAILED"));
    expect(valuesBy(metrics.get("flowcraft_instances_terminated_total"), "workflow")).toEqual(byStatus("TERMINATED"));

    // Attempts and failures per activity: the activity_completed and activity_failed events.
    const attempts = await rows<{ activity: string; attempts: number; failures: number }>(
      `SELECT s.data->>'activity' AS activity, count(*)::int AS attempts, count(*) FILTER (WHERE e.type = 'activity_failed')::int AS failures
       FROM history_event e
       JOIN history_event s ON s.instance_id = e.instance_id AND s.generation = e.generation AND s.type = 'activity_scheduled' AND s.data->>'activityId' = e.data->>'activityId'
       WHERE e.type IN ('activity_completed', 'activity_failed') GROUP BY 1`,
    );
    const attemptsOf = Object.fromEntries(attempts.map((a) => [a.activity, a.attempts]));
    const failuresOf = Object.fromEntries(attempts.map((a) => [a.activity, a.failures]));
    expect(attemptsOf).toEqual({ flaky_double: FAN_RUNS * FAN_ITEMS * 1.5, boom: 1 });
    expect(valuesBy(metrics.get("flowcraft_activity_attempts_total"), "activity")).toEqual(attemptsOf);
    expect(valuesBy(metrics.get("flowcraft_activity_attempt_failures_total"), "activity")).toEqual(failuresOf);
    for (const name of ["flowcraft_activity_duration_seconds", "flowcraft_activity_schedule_to_start_seconds", "flowcraft_turn_schedule_to_start_seconds", "flowcraft_timer_lateness_seconds"]) {
      expect(metrics.get(name)?.type, name).toBe("HISTOGRAM");
    }
    expect(await countsBy("flowcraft_activity_duration_seconds", "activity", "outcome")).toEqual({
      "flaky_double/completed": FAN_RUNS * FAN_ITEMS,
      "flaky_double/failed": (FAN_RUNS * FAN_ITEMS) / 2,
      "boom/failed": 1,
    });
    // Each attempt was taken by a worker once: claimed from the queue, or stored leased to the worker.
    expect(await countsBy("flowcraft_activity_schedule_to_start_seconds", "activity")).toEqual(attemptsOf);
    expect(Number(metrics.get("flowcraft_turn_schedule_to_start_seconds")?.metrics[0]?.count)).toBeGreaterThan(0);

    // Each fan-out's timer fired once; none fired before it was due.
    const [{ fired }] = (await rows<{ fired: number }>("SELECT count(*)::int AS fired FROM history_event WHERE type = 'timer_fired'")) as [{ fired: number }];
    expect(fired).toBe(FAN_RUNS);
    expect(await countsBy("flowcraft_timer_lateness_seconds", "purpose")).toEqual({ delay: fired });

    // Gauges read at the scrape: nothing waits any more, the worker's loops go round, the pool is counted.
    expect(valuesBy(metrics.get("flowcraft_open_waits"), "kind")).toEqual({ event: 0, approval: 0, timer: 0 });
    expect(valuesBy(metrics.get("flowcraft_open_approvals"))).toEqual({ "": 0 });
    expect(valuesBy(metrics.get("flowcraft_workers"))).toEqual({ "": 1 });
    const ages = valuesBy(metrics.get("flowcraft_worker_loop_age_seconds"), "loop");
    expect(Object.keys(ages).sort()).toEqual(["activity", "decision", "schedule"]);
    for (const age of Object.values(ages)) expect(age).toBeLessThan(5);
    const pool = valuesBy(metrics.get("flowcraft_db_pool_connections"), "state");
    // The scrape's own query holds one connection: some are open, none beyond the pool's size.
    expect(pool.in_use).toBeGreaterThanOrEqual(0);
    expect(pool.idle! + pool.in_use!).toBeGreaterThan(0);
    expect(pool.idle! + pool.in_use!).toBeLessThanOrEqual(valuesBy(metrics.get("flowcraft_db_pool_max_connections"))[""]!);
    expect(valuesBy(metrics.get("flowcraft_db_pool_waiting_requests"))).toEqual({ "": expect.any(Number) });
    // Node's own.
    for (const name of ["process_cpu_user_seconds_total", "nodejs_heap_size_used_bytes", "nodejs_eventloop_lag_seconds"]) expect(metrics.has(name), name).toBe(true);

    // prom-client's own view of the registry says the same as the text.
    const json = await server.metrics.registry.getMetricsAsJSON();
    const attemptsJson = json.find((m) => m.name === "flowcraft_activity_attempts_total")!;
    expect(Object.fromEntries(attemptsJson.values.map((v) => [v.labels.activity, v.value]))).toEqual(attemptsOf);

    // No label names an instance, an activity's place in one, or anything else per instance: not in
    // the text, nor in the labelled histograms, whose labels the text parser drops.
    const ids = (await rows<{ id: string }>("SELECT id FROM instance")).map((r) => r.id);
    const ours = (name: string) => name.startsWith("flowcraft_");
    const labelSets = [
      ...[...metrics.values()].flatMap((family) => family.metrics.map((sample) => sample.labels ?? {})),
      ...json.filter((family) => ours(family.name)).flatMap((family) => family.values.map((value) => value.labels as Record<string, string | number>)),
    ];
    const labelValues = labelSets.flatMap((labels) => Object.values(labels).map(String));
    expect(labelValues.length).toBeGreaterThan(100);
    for (const value of labelValues) {
      expect(ids.some((id) => value.includes(id)), value).toBe(false);
      expect(value, "a map iteration's activity id").not.toMatch(/\[\d+\]/);
    }
    const labelNames = new Set(json.filter((family) => ours(family.name)).flatMap((family) => family.values.flatMap((value) => Object.keys(value.labels))));
    expect([...labelNames].sort()).toEqual(["activity", "kind", "le", "loop", "outcome", "purpose", "state", "workflow"]);
  }, 60_000);

  it("opens only to the metrics token: not to none, a wrong one, or an API token", async () => {
    const refused = async (headers: Record<string, string>) => {
      const response = await scrape(headers);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
      expect(await response.json()).toEqual({ error: { code: "unauthenticated", message: expect.stringContaining("FLOWCRAFT_METRICS_TOKEN") } });
    };
    await refused({});
    await refused({ authorization: `Bearer ${TOKEN}x` });
    await refused({ authorization: TOKEN });
    await refused(server.auth);
    expect((await scrape()).status).toBe(200);
    // Nor does the metrics token open the API.
    expect((await fetch(`${server.url}/api/v1/workflows`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(401);
  });
});

describe("GET /metrics without a metrics token", () => {
  it("is closed, saying how to open it", async () => {
    const closed = await startTestServer();
    try {
      const response = await fetch(`${closed.url}/metrics`, { headers: closed.auth });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: { code: "not_found", message: "metrics are off: set FLOWCRAFT_METRICS_TOKEN to serve them" } });
    } finally {
      await closed.close();
    }
  });
});
