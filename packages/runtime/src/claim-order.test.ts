/**
 * Claims take the instances that have waited longest: an instance is ready since its oldest
 * message became visible, and no number of busier instances keeps it waiting for long.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { claimInstances } from "./orchestrator-sql.ts";
import { createTestRuntime, type TestRuntime } from "./test-helpers.ts";

const LEASE_SECONDS = 10;
const MESSAGES_PER_INSTANCE = 1_000;

let rt: TestRuntime;

beforeAll(async () => {
  rt = await createTestRuntime();
  await rt.workflows.publish("noop", { version: 1, start: "e", nodes: { e: { type: "end" } } });
});
afterAll(() => rt.close());

beforeEach(async () => {
  await rt.db.pool.query("DELETE FROM instance");
});

/** Starts `count` instances named `<prefix>-000`…, in that order; each has its start message. */
async function startInstances(prefix: string, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(3, "0")}`);
  for (const id of ids) await rt.instances.start("noop", null, { instanceId: id });
  return ids;
}

const claim = async (limit: number, owner = "w1") => (await claimInstances(rt.db.pool, owner, LEASE_SECONDS, limit, MESSAGES_PER_INSTANCE)).map((c) => c.id).sort();

/** What storing a turn does to the claim: the messages it took are gone and the lease is free. */
async function finishTurns(ids: string[]) {
  await rt.db.pool.query("DELETE FROM inbox_message WHERE instance_id = ANY($1)", [ids]);
  await rt.db.pool.query("UPDATE instance SET lease_owner = NULL, lease_expires_at = NULL, unfinished_claims = 0 WHERE id = ANY($1)", [ids]);
}

/** A new message for each instance, visible now: it is ready again, behind those that waited already. */
async function sendMessages(ids: string[]) {
  for (const id of ids) {
    await rt.db.pool.query("INSERT INTO inbox_message (instance_id, kind, data, dedupe_key) VALUES ($1, 'event', '{}'::jsonb, 'event:' || gen_random_uuid())", [id]);
  }
}

describe("claiming instances", () => {
  it("takes those that became ready first, whatever order they were created in", async () => {
    const ids = await startInstances("ready", 120);
    // The later an instance was created, the longer it has waited: the reverse of the rows' order.
    await rt.db.pool.query(
      `UPDATE inbox_message m SET visible_at = now() - make_interval(secs => 1000 + array_position($1::text[], m.instance_id))`,
      [ids],
    );
    // A message of an old instance that falls due later does not make it any younger.
    await rt.db.pool.query(
      "INSERT INTO inbox_message (instance_id, kind, data, dedupe_key, visible_at) VALUES ($1, 'timer', '{}'::jsonb, 'timer:later', now() + interval '1 hour')",
      [ids[119]],
    );
    expect(await claim(10)).toEqual(ids.slice(110).sort());
    // The next claim goes on where that one stopped; leased instances are not taken twice.
    expect(await claim(10, "w2")).toEqual(ids.slice(100, 110).sort());
  });

  it("lets none starve while every instance it decides is ready again at once", async () => {
    const ids = await startInstances("busy", 60);
    const limit = 10;
    const rounds = 24;
    const lastClaimed = new Map<string, number>(ids.map((id) => [id, 0]));
    let longestWait = 0;
    for (let round = 1; round <= rounds; round++) {
      const claimed = await claim(limit);
      expect(claimed).toHaveLength(limit);
      for (const id of claimed) {
        longestWait = Math.max(longestWait, round - lastClaimed.get(id)!);
        lastClaimed.set(id, round);
      }
      await finishTurns(claimed);
      await sendMessages(claimed);
    }
    // Counted to the round after the last, so that one never claimed again shows as waiting too.
    for (const last of lastClaimed.values()) longestWait = Math.max(longestWait, rounds + 1 - last);
    // Sixty instances ready at all times, ten taken a round: each waits six rounds, no more.
    expect(longestWait).toBe(ids.length / limit);
  });
});
