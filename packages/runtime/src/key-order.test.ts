/**
 * One canonical form for every value that enters history: the key order Postgres `jsonb` keeps.
 * A value handed over in memory and the same value read back from storage must look alike to
 * expressions that see key order ($keys, $string, obj.*), or a replay can take another branch.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { inJsonbKeyOrder, type Json } from "@flowcraft/engine";
import { ActivityRegistry } from "./sdk.ts";
import { createTestRuntime, waitForInstance, type TestRuntime } from "./test-helpers.ts";

let rt: TestRuntime;

beforeAll(async () => {
  rt = await createTestRuntime();
  await rt.startWorker(new ActivityRegistry().register("zeta_first", () => ({ zeta: 1, a: 2, é: 3, ab: 4 })));
}, 60_000);
afterAll(() => rt.close());

/** Keys Postgres can store: no NUL, no lone surrogate, and a mix of ASCII, accents, CJK and emoji. */
const key = fc.string({ unit: fc.constantFrom("a", "b", "z", "A", "1", "é", "ü", "ß", "中", "😀", "\u{10FFFF}", "\uFFFD", "_"), maxLength: 4 });

describe("the canonical key order", () => {
  it("is the order Postgres itself keeps, for any keys", async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(key, fc.integer(), { maxKeys: 12 }), async (object) => {
        const { rows } = await rt.db.pool.query("SELECT $1::jsonb::text AS stored", [JSON.stringify(object)]);
        expect(Object.keys(inJsonbKeyOrder(object as Json) as object)).toEqual(Object.keys(JSON.parse(rows[0].stored)));
      }),
      { numRuns: 300 },
    );
  });

  it("is what a decision sees of an activity's output, however the output was handed over", async () => {
    await rt.workflows.publish("first_key", {
      version: 1,
      start: "get",
      nodes: {
        get: { type: "activity", activity: "zeta_first", next: "which" },
        which: { type: "decision", choices: [{ when: "$keys(steps.get)[0] = 'zeta'", next: "memory_order" }], default: "storage_order" },
        memory_order: { type: "end", output: "'the order the activity wrote'" },
        storage_order: { type: "end", output: "$string(steps.get)" },
      },
    });
    const { instanceId } = await rt.instances.start("first_key", null);
    // The worker hands the result from its runner to its decision in memory; storage would give `a` first.
    expect(await waitForInstance(rt.instances, instanceId)).toMatchObject({ runtimeStatus: "COMPLETED", output: '{"a":2,"ab":4,"é":3,"zeta":1}' });
  });
});
