import { describe, expect, it } from "vitest";
import { GroupCommit } from "./group-commit.ts";

/** A store whose statements stay open until released, recording the requests of each. */
function heldStore() {
  const statements: string[][] = [];
  const releases: Array<() => void> = [];
  const store = (requests: string[]) => {
    statements.push(requests);
    return new Promise<string[]>((resolve) => releases.push(() => resolve(requests.map((r) => `stored ${r}`))));
  };
  const releaseAll = async () => {
    while (releases.length > 0) {
      releases.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { statements, store, releaseAll };
}

const keyOf = (request: string) => request.split(":")[0]!;

describe("GroupCommit", () => {
  it("stores a lone request at once, in a statement of its own", async () => {
    const { statements, store, releaseAll } = heldStore();
    const commit = new GroupCommit(store, keyOf, { maxInFlight: 3 });
    const outcome = commit.submit("a");
    expect(statements).toEqual([["a"]]);
    await releaseAll();
    expect(await outcome).toBe("stored a");
  });

  it("runs a few statements at once, so a few callers never wait for each other's commit", async () => {
    const { statements, store, releaseAll } = heldStore();
    const commit = new GroupCommit(store, keyOf, { maxInFlight: 3 });
    const outcomes = ["a", "b", "c"].map((r) => commit.submit(r));
    expect(statements).toEqual([["a"], ["b"], ["c"]]);
    await releaseAll();
    expect(await Promise.all(outcomes)).toEqual(["stored a", "stored b", "stored c"]);
  });

  it("coalesces the requests that arrive while every statement is busy into the next one", async () => {
    const { statements, store, releaseAll } = heldStore();
    const commit = new GroupCommit(store, keyOf, { maxInFlight: 2 });
    const outcomes = ["a", "b", "c", "d", "e"].map((r) => commit.submit(r));
    expect(statements).toEqual([["a"], ["b"]]);
    await releaseAll();
    expect(statements).toEqual([["a"], ["b"], ["c", "d", "e"]]);
    expect(await Promise.all(outcomes)).toEqual(["stored a", "stored b", "stored c", "stored d", "stored e"]);
  });

  it("never puts two requests of one key in the same statement", async () => {
    const { statements, store, releaseAll } = heldStore();
    const commit = new GroupCommit(store, keyOf, { maxInFlight: 1 });
    const outcomes = ["x:0", "x:1", "y:1", "x:2"].map((r) => commit.submit(r));
    await releaseAll();
    expect(statements).toEqual([["x:0"], ["x:1", "y:1"], ["x:2"]]);
    expect(await Promise.all(outcomes)).toHaveLength(4);
  });

  it("fails only the requests of a statement that failed", async () => {
    let calls = 0;
    const commit = new GroupCommit(
      async (requests: string[]) => {
        calls++;
        if (requests.includes("bad")) throw new Error("refused");
        return requests;
      },
      keyOf,
      { maxInFlight: 1 },
    );
    const good = commit.submit("good");
    const bad = commit.submit("bad");
    const later = commit.submit("later");
    await expect(good).resolves.toBe("good");
    await expect(bad).rejects.toThrow("refused");
    // "bad" and "later" shared the second statement.
    await expect(later).rejects.toThrow("refused");
    expect(calls).toBe(2);
  });
});
