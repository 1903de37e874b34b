import { describe, expect, it } from "vitest";
import { triage, type Claimed } from "./claim-triage.ts";

const LIMIT = 5;
const ids = (list: Claimed[]) => list.map((c) => c.id);

describe("triage of a claimed batch", () => {
  it("sorts instances by how many claims in a row stored nothing", () => {
    const claimed = [
      { id: "a", unfinishedClaims: 1 },
      { id: "b", unfinishedClaims: 2 },
      { id: "c", unfinishedClaims: 3 },
      { id: "d", unfinishedClaims: 4 },
      { id: "e", unfinishedClaims: 6 },
      { id: "f", unfinishedClaims: 1 },
    ];
    const sorted = triage(claimed, LIMIT, true);
    expect(ids(sorted.fresh)).toEqual(["a", "f"]);
    expect(ids(sorted.suspects)).toEqual(["b"]);
    expect(sorted.isolated?.id).toBe("d");
    expect(ids(sorted.deferred)).toEqual(["c"]);
    expect(ids(sorted.quarantined)).toEqual(["e"]);
    expect(ids(triage(claimed, LIMIT, false).deferred)).toEqual(["d", "c"]);
  });

  it("quarantines a poison instance that crashes whatever it is decided with, and none of its neighbours", () => {
    // One poison instance among 30 healthy ones, all claimed in one batch; whenever a decision
    // includes the poison instance, the worker crashes before anything of it is stored.
    const counts = new Map(Array.from({ length: 31 }, (_, i) => [i === 17 ? "poison" : `h${String(i).padStart(2, "0")}`, 0]));
    const quarantined: string[] = [];
    const completed: string[] = [];
    for (let round = 0; round < 200 && counts.size > 0; round++) {
      const claimed = [...counts].map(([id, n]) => ({ id, unfinishedClaims: n + 1 }));
      for (const c of claimed) counts.set(c.id, c.unfinishedClaims);
      const sorted = triage(claimed, LIMIT, true);
      for (const c of sorted.deferred) counts.set(c.id, c.unfinishedClaims - 1);
      for (const c of sorted.quarantined) {
        quarantined.push(c.id);
        counts.delete(c.id);
      }
      // Decided in order; the first group that holds the poison instance crashes the worker.
      for (const group of [sorted.fresh, sorted.suspects, sorted.isolated ? [sorted.isolated] : []]) {
        if (group.some((c) => c.id === "poison")) break;
        for (const c of group) {
          completed.push(c.id);
          counts.delete(c.id);
        }
      }
    }
    expect(quarantined).toEqual(["poison"]);
    expect(completed).toHaveLength(30);
  });
});
