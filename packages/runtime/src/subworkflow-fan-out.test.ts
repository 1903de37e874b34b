import { afterAll, beforeAll, expect, it } from "vitest";
import { validateDefinition } from "@flowcraft/definition";
import { progressOf, type HistoryEvent } from "@flowcraft/engine";
import { eventFromRow } from "./history-rows.ts";
import { createTestRuntime, waitForInstance, type TestRuntime } from "./test-helpers.ts";

const CHILDREN = 1_000;
const MAX_CONCURRENCY = 50;

let rt: TestRuntime;

beforeAll(async () => {
  rt = await createTestRuntime();
  await rt.startWorker();
}, 60_000);

afterAll(() => rt.close());

it(`maps over ${CHILDREN} sub-workflows, at most ${MAX_CONCURRENCY} at once, each child started exactly once`, async () => {
  await rt.workflows.publish("double", {
    version: 1,
    start: "twice",
    nodes: { twice: { type: "activity", activity: "transform", input: "input * 2" } },
  });
  const parentDefinition = {
    version: 1,
    start: "fan",
    nodes: {
      fan: {
        type: "map",
        items: "input",
        maxConcurrency: MAX_CONCURRENCY,
        body: { start: "child", nodes: { child: { type: "subworkflow", workflow: "double", input: "item" } } },
      },
    },
  };
  await rt.workflows.publish("fan_out", parentDefinition);
  const items = Array.from({ length: CHILDREN }, (_, i) => i);
  const parent = await rt.instances.start("fan_out", items);
  const done = await waitForInstance(rt.instances, parent.instanceId, undefined, 240_000);
  expect(done).toMatchObject({ runtimeStatus: "COMPLETED", output: items.map((i) => i * 2) });

  const children = await rt.db.pool.query(
    `SELECT count(*)::int AS children, count(DISTINCT parent_step_id)::int AS steps, count(*) FILTER (WHERE status = 'COMPLETED')::int AS completed,
            (SELECT count(*)::int FROM history_event h JOIN instance c ON c.id = h.instance_id
             WHERE c.parent_instance_id = $1 AND h.type = 'execution_started') AS starts
     FROM instance WHERE parent_instance_id = $1`,
    [parent.instanceId],
  );
  expect(children.rows[0]).toEqual({ children: CHILDREN, steps: CHILDREN, completed: CHILDREN, starts: CHILDREN });

  const { rows } = await rt.db.pool.query("SELECT seq, type, data, at FROM history_event WHERE instance_id = $1 ORDER BY seq", [parent.instanceId]);
  const history: HistoryEvent[] = rows.map(eventFromRow);
  let running = 0;
  let most = 0;
  for (const event of history) {
    if (event.type === "child_scheduled") most = Math.max(most, ++running);
    if (event.type === "child_completed") running--;
  }
  expect(most).toBe(MAX_CONCURRENCY);

  const validated = validateDefinition(parentDefinition);
  if (!validated.ok) throw new Error("the parent's definition is invalid");
  const fan = (await progressOf(validated.definition, history)).nodes.get("fan");
  expect(fan?.fanOut).toEqual({ total: CHILDREN, byState: { completed: CHILDREN } });
}, 300_000);
