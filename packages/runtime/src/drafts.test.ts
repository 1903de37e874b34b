import { MAX_DEFINITION_BYTES } from "@flowcraft/definition";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Drafts, emptyDraftDefinition } from "./drafts.ts";
import { createTestRuntime, type TestRuntime } from "./test-helpers.ts";

let rt: TestRuntime;
let drafts: Drafts;

beforeAll(async () => {
  rt = await createTestRuntime();
  drafts = new Drafts(rt.db);
});
afterAll(() => rt.close());

const valid = (output: string) => ({ version: 1, start: "done", nodes: { done: { type: "end", output } } });
const broken = { version: 1, start: "missing", nodes: { a: { type: "no_such_kind" } } };

async function storedDraft(name: string) {
  const { rows } = await rt.db.pool.query("SELECT definition, revision FROM workflow_draft WHERE name = $1", [name]);
  return rows[0] as { definition: unknown; revision: number } | undefined;
}

describe("creating drafts", () => {
  it("stores an empty definition by default, or the one given", async () => {
    const created = await drafts.create("fresh");
    expect(created).toMatchObject({ name: "fresh", definition: emptyDraftDefinition(), revision: 1, basedOnVersion: null });
    expect(created.updatedAt).toEqual(expect.any(String));
    expect(await drafts.get("fresh")).toEqual(created);
    expect((await drafts.create("fresh-broken", broken)).definition).toEqual(broken);
  });

  it("refuses a name taken by a draft or a published workflow", async () => {
    await drafts.create("taken", valid("mine"));
    await expect(drafts.create("taken", valid("theirs"))).rejects.toMatchObject({ code: "conflict" });
    expect((await storedDraft("taken"))?.definition).toEqual(valid("mine"));
    await rt.workflows.publish("published-first", valid("1"));
    await expect(drafts.create("published-first")).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/published/) });
    expect(await storedDraft("published-first")).toBeUndefined();
  });

  it.each([
    ["a name that cannot be a URL segment", " spaces ", {}],
    ["an array", "array-body", []],
    ["null", "null-body", null],
    ["a string", "string-body", "{}"],
    ["a NUL character", "nul-body", { description: "a\u0000b" }],
    ["a lone surrogate", "lone-body", { description: "a\ud800b" }],
    ["nesting too deep to write out as JSON", "deep-body", { ui: Array.from({ length: 100_000 }).reduce<unknown>((inner) => [inner], 1) as never }],
    ["a definition over the size limit", "huge-body", { description: "x".repeat(MAX_DEFINITION_BYTES) }],
  ])("refuses %s and stores nothing", async (_case, name, definition) => {
    await expect(drafts.create(name, definition)).rejects.toMatchObject({ code: "invalid" });
    expect(await storedDraft(name)).toBeUndefined();
  });
});

describe("saving drafts", () => {
  it("accepts invalid definitions and counts revisions", async () => {
    await drafts.create("editing");
    const first = await drafts.save("editing", broken, 1);
    expect(first).toMatchObject({ name: "editing", revision: 2, basedOnVersion: null });
    const second = await drafts.save("editing", valid("x"), 2);
    expect(second.revision).toBe(3);
    expect(await drafts.get("editing")).toMatchObject({ definition: valid("x"), revision: 3, updatedAt: second.updatedAt });
  });

  it("creates the draft on a first save (revision 0), based on the latest version", async () => {
    expect((await drafts.save("saved-new", broken, 0)).revision).toBe(1);
    await rt.workflows.publish("saved-published", valid("1"));
    await rt.workflows.publish("saved-published", valid("2"));
    expect(await drafts.get("saved-published")).toMatchObject({ revision: 0, basedOnVersion: 2, updatedAt: null });
    expect(await drafts.save("saved-published", valid("3"), 0)).toMatchObject({ revision: 1, basedOnVersion: 2 });
    expect(await drafts.get("saved-published")).toMatchObject({ definition: valid("3"), revision: 1, basedOnVersion: 2 });
  });

  it("refuses a save from a stale revision and keeps the stored one", async () => {
    await drafts.create("contested", valid("a"));
    await drafts.save("contested", valid("b"), 1);
    await expect(drafts.save("contested", valid("c"), 1)).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/revision 2, not 1/) });
    await expect(drafts.save("contested", valid("c"), 0)).rejects.toMatchObject({ code: "conflict" });
    expect(await storedDraft("contested")).toEqual({ definition: valid("b"), revision: 2 });
    await expect(drafts.save("never-stored", valid("c"), 4)).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/gone/) });
    expect(await storedDraft("never-stored")).toBeUndefined();
  });

  it("lets exactly one of two saves from the same revision win", async () => {
    await drafts.create("raced");
    const results = await Promise.allSettled([drafts.save("raced", valid("left"), 1), drafts.save("raced", valid("right"), 1)]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((await storedDraft("raced"))?.revision).toBe(2);
  });

  it.each([
    ["an array", "bad-save-array", [], 1],
    ["a definition over the size limit", "bad-save-huge", { description: "y".repeat(MAX_DEFINITION_BYTES) }, 1],
    ["a NUL character in a key", "bad-save-nul", { "a\u0000": 1 }, 1],
    ["a negative revision", "bad-save-negative", valid("x"), -1],
    ["a fractional revision", "bad-save-fraction", valid("x"), 1.5],
  ])("refuses %s and stores nothing", async (_case, name, definition, revision) => {
    await drafts.create(name, valid("kept"));
    await expect(drafts.save(name, definition, revision)).rejects.toMatchObject({ code: "invalid" });
    expect(await storedDraft(name)).toEqual({ definition: valid("kept"), revision: 1 });
  });

  it("refuses a body over the limit with the limit in the message", async () => {
    await expect(drafts.save("too-big", { description: "z".repeat(MAX_DEFINITION_BYTES) }, 0)).rejects.toThrow(new RegExp(`limit is ${MAX_DEFINITION_BYTES} bytes`));
  });
});

describe("reading drafts", () => {
  it("answers not found for a workflow with neither draft nor version", async () => {
    await expect(drafts.get("nothing-here")).rejects.toMatchObject({ code: "not_found" });
    await expect(drafts.get("not a name")).rejects.toMatchObject({ code: "not_found" });
  });

  it("lists drafts and published workflows together, sorted by name", async () => {
    await rt.workflows.publish("list-b-published", valid("1"));
    await drafts.create("list-a-draft");
    await rt.workflows.publish("list-c-both", valid("1"));
    await drafts.save("list-c-both", broken, 0);
    const listed = (await drafts.list()).filter((entry) => entry.name.startsWith("list-"));
    expect(listed).toEqual([
      { name: "list-a-draft", hasDraft: true, latestVersion: 0, draftUpdatedAt: expect.any(String), updatedAt: expect.any(String) },
      { name: "list-b-published", hasDraft: false, latestVersion: 1, draftUpdatedAt: null, updatedAt: expect.any(String) },
      { name: "list-c-both", hasDraft: true, latestVersion: 1, draftUpdatedAt: expect.any(String), updatedAt: expect.any(String) },
    ]);
    const both = listed[2]!;
    expect(both.updatedAt).toBe(both.draftUpdatedAt);
    const names = (await drafts.list()).map((entry) => entry.name);
    expect(names).toEqual([...names].sort());
  });
});

describe("renaming, duplicating and removing drafts", () => {
  it("renames a never-published draft and keeps its revision", async () => {
    await drafts.create("old-name", broken);
    await drafts.save("old-name", valid("r"), 1);
    const renamed = await drafts.rename("old-name", "new-name");
    expect(renamed).toMatchObject({ name: "new-name", definition: valid("r"), revision: 2 });
    await expect(drafts.get("old-name")).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses to rename a published workflow, and explains why", async () => {
    await rt.workflows.publish("referenced", valid("1"));
    await drafts.save("referenced", broken, 0);
    await expect(drafts.rename("referenced", "elsewhere")).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/instances refer to it by name/) });
    expect(await storedDraft("referenced")).toBeDefined();
    expect(await storedDraft("elsewhere")).toBeUndefined();
  });

  it("refuses a taken or invalid new name, and an unknown draft", async () => {
    await drafts.create("rename-me");
    await drafts.create("rename-taken");
    await rt.workflows.publish("rename-published", valid("1"));
    await expect(drafts.rename("rename-me", "rename-taken")).rejects.toMatchObject({ code: "conflict" });
    await expect(drafts.rename("rename-me", "rename-published")).rejects.toMatchObject({ code: "conflict" });
    await expect(drafts.rename("rename-me", "bad name")).rejects.toMatchObject({ code: "invalid" });
    await expect(drafts.rename("no-such-draft", "whatever")).rejects.toMatchObject({ code: "not_found" });
    expect(await storedDraft("rename-me")).toBeDefined();
    expect(await storedDraft("whatever")).toBeUndefined();
  });

  it("duplicates a draft, or the latest version when there is no draft", async () => {
    await drafts.create("dup-source", broken);
    expect(await drafts.duplicate("dup-source", "dup-copy")).toMatchObject({ name: "dup-copy", definition: broken, revision: 1, basedOnVersion: null });
    expect(await storedDraft("dup-source")).toEqual({ definition: broken, revision: 1 });
    await rt.workflows.publish("dup-published", valid("1"));
    await rt.workflows.publish("dup-published", valid("2"));
    expect(await drafts.duplicate("dup-published", "dup-of-published")).toMatchObject({ definition: valid("2"), revision: 1, basedOnVersion: null });
  });

  it("refuses to duplicate onto a taken name or from an unknown one", async () => {
    await drafts.create("dup-a");
    await drafts.create("dup-b", valid("b"));
    await expect(drafts.duplicate("dup-a", "dup-b")).rejects.toMatchObject({ code: "conflict" });
    expect((await storedDraft("dup-b"))?.definition).toEqual(valid("b"));
    await expect(drafts.duplicate("dup-nothing", "dup-c")).rejects.toMatchObject({ code: "not_found" });
    expect(await storedDraft("dup-c")).toBeUndefined();
  });

  it("removes the draft only; published versions stay", async () => {
    await rt.workflows.publish("removable", valid("1"));
    await drafts.save("removable", broken, 0);
    await drafts.remove("removable");
    expect(await drafts.get("removable")).toMatchObject({ definition: valid("1"), revision: 0, basedOnVersion: 1 });
    await expect(drafts.remove("removable")).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("publishing from the designer", () => {
  it("refuses an invalid definition with its problems and keeps the draft", async () => {
    await drafts.create("pub-invalid", broken);
    const error = await drafts.publish("pub-invalid", broken, { revision: 1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid", problems: expect.arrayContaining([expect.objectContaining({ nodeId: "a" })]) });
    expect(await storedDraft("pub-invalid")).toEqual({ definition: broken, revision: 1 });
  });

  it("publishes and deletes the draft it was edited from", async () => {
    await drafts.create("pub-ok", broken);
    await drafts.save("pub-ok", valid("1"), 1);
    const { created, version } = await drafts.publish("pub-ok", valid("1"), { revision: 2, publishedBy: "ana" });
    expect(created).toBe(true);
    expect(version).toMatchObject({ name: "pub-ok", version: 1, publishedBy: "ana" });
    expect(await storedDraft("pub-ok")).toBeUndefined();
    expect(await drafts.get("pub-ok")).toMatchObject({ revision: 0, basedOnVersion: 1 });
  });

  it("publishes nothing when the draft moved on since the editor loaded it", async () => {
    await drafts.create("pub-stale");
    await drafts.save("pub-stale", valid("theirs"), 1);
    await expect(drafts.publish("pub-stale", valid("mine"), { revision: 1 })).rejects.toMatchObject({ code: "conflict" });
    await expect(drafts.publish("pub-stale", valid("mine"), { revision: 0 })).rejects.toMatchObject({ code: "conflict" });
    await expect(rt.workflows.get("pub-stale")).rejects.toMatchObject({ code: "not_found" });
    expect(await storedDraft("pub-stale")).toEqual({ definition: valid("theirs"), revision: 2 });
  });

  it("without a revision, deletes whatever draft there is", async () => {
    await drafts.create("pub-any", broken);
    await drafts.publish("pub-any", valid("1"));
    expect(await storedDraft("pub-any")).toBeUndefined();
    expect((await drafts.publish("pub-any", valid("1"), { revision: 0 })).created).toBe(false);
  });
});
