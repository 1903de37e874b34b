import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Definition } from "@flowcraft/definition";
import { Autosaver, RETRY_DELAYS_MS, SAVE_DELAY_MS, type DraftSaving } from "./autosave.ts";
import { useDesigner } from "./store.ts";

const start: Definition = { version: 1, start: "done", nodes: { done: { type: "end" } } };
const addNode = (id: string) => (current: Definition) => ({ ok: true as const, definition: { ...current, nodes: { ...current.nodes, [id]: { type: "end" as const } } } });
const CONFLICT = new Error("the draft is at revision 3, not 1");
const status = () => useDesigner.getState().saveStatus;

/** A server that answers each save as told: the next revision, a failure, or a conflict. */
function fakeServer() {
  const saved: Array<{ definition: Definition; revision: number }> = [];
  const answers: Array<"ok" | "fail" | "conflict"> = [];
  const saving: DraftSaving = {
    send: async (definition, revision) => {
      const answer = answers.shift() ?? "ok";
      if (answer === "fail") throw new Error("network down");
      if (answer === "conflict") throw CONFLICT;
      saved.push({ definition, revision });
      return revision + 1;
    },
    isConflict: (error) => error === CONFLICT,
    describe: (error) => (error as Error).message,
  };
  return { saved, answers, saving };
}

describe("saving the draft automatically", () => {
  let autosaver: Autosaver;
  let server: ReturnType<typeof fakeServer>;
  let unsubscribe: () => void;

  beforeEach(() => {
    vi.useFakeTimers();
    useDesigner.getState().load("w", start, 1);
    server = fakeServer();
    autosaver = new Autosaver(useDesigner, server.saving);
    unsubscribe = useDesigner.subscribe((state, previous) => {
      if (state.definition !== previous.definition || state.saved !== previous.saved) autosaver.changed();
    });
  });

  afterEach(() => {
    unsubscribe();
    autosaver.dispose();
    vi.useRealTimers();
  });

  it("saves once, a moment after the last of several quick edits", async () => {
    useDesigner.getState().edit(addNode("a"));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS / 2);
    useDesigner.getState().edit(addNode("b"));
    expect(status()).toEqual({ state: "pending" });
    expect(autosaver.hasUnsavedEdits()).toBe(true);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(server.saved).toHaveLength(1);
    expect(Object.keys(server.saved[0]!.definition.nodes)).toEqual(["done", "a", "b"]);
    expect(status()).toEqual({ state: "saved" });
    expect(useDesigner.getState().revision).toBe(2);
    expect(autosaver.hasUnsavedEdits()).toBe(false);
  });

  it("saves at once when flushed, as before leaving", async () => {
    useDesigner.getState().edit(addNode("a"));
    expect(await autosaver.flush()).toBe(true);
    expect(server.saved).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS * 2);
    expect(server.saved).toHaveLength(1);
  });

  it("saves an edit made while a save is on its way, from the revision that save returned", async () => {
    useDesigner.getState().edit(addNode("a"));
    const first = autosaver.flush();
    expect(status()).toEqual({ state: "saving" });
    useDesigner.getState().edit(addNode("b"));
    await first;
    expect(await autosaver.flush()).toBe(true);
    expect(server.saved.map((save) => save.revision)).toEqual([1, 2]);
    expect(Object.keys(server.saved[1]!.definition.nodes)).toEqual(["done", "a", "b"]);
  });

  it("says why a save failed, keeps the edit, and retries until it succeeds", async () => {
    server.answers.push("fail", "fail");
    useDesigner.getState().edit(addNode("a"));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(status()).toEqual({ state: "failed", reason: "network down" });
    expect(Object.keys(useDesigner.getState().definition.nodes)).toEqual(["done", "a"]);
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS[0]!);
    expect(status()).toEqual({ state: "failed", reason: "network down" });
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS[1]!);
    expect(status()).toEqual({ state: "saved" });
    expect(server.saved).toHaveLength(1);
  });

  it("stops at a conflict until it is resolved, then saves from the revision now stored", async () => {
    server.answers.push("conflict");
    useDesigner.getState().edit(addNode("mine"));
    expect(await autosaver.flush()).toBe(false);
    expect(status()).toEqual({ state: "conflict", reason: CONFLICT.message });
    useDesigner.getState().edit(addNode("more"));
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS.at(-1)! * 2);
    expect(server.saved).toHaveLength(0);
    expect(await autosaver.flush()).toBe(false);

    const theirs = addNode("theirs")(start).definition;
    useDesigner.getState().keepMine(theirs, 3);
    autosaver.resume();
    expect(await autosaver.flush()).toBe(true);
    expect(server.saved).toEqual([{ definition: useDesigner.getState().definition, revision: 3 }]);
    // Theirs stays one Undo away.
    useDesigner.getState().undo();
    expect(useDesigner.getState().definition).toBe(theirs);
  });

  it("taking theirs shows their draft as saved, with mine one Undo away", () => {
    useDesigner.getState().edit(addNode("mine"));
    const mine = useDesigner.getState().definition;
    const theirs = addNode("theirs")(start).definition;
    useDesigner.getState().takeTheirs(theirs, 3);
    expect(autosaver.hasUnsavedEdits()).toBe(false);
    expect(useDesigner.getState().revision).toBe(3);
    useDesigner.getState().undo();
    expect(useDesigner.getState().definition).toBe(mine);
  });
});
