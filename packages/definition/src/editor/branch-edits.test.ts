import { describe, expect, it } from "vitest";
import type { Definition } from "../schema.ts";
import { addBranch, removeBranch } from "./branch-edits.ts";
import { graphAt, graphKeysOf } from "./graph-key.ts";
import { addNode } from "./node-edits.ts";
import { readPositions } from "./positions.ts";
import { expectOk, nestedDefinition, soundnessProblems } from "./test-fixtures.ts";

describe("addBranch", () => {
  it("appends an empty branch whose first node becomes its start", () => {
    const added = expectOk(addBranch(nestedDefinition(), "split"));
    expect(added.graph).toBe("split#2");
    expect(graphAt(added.definition, "split#2")).toEqual({ start: "", nodes: {} });
    const filled = expectOk(addNode(added.definition, "end", added.graph));
    expect(graphAt(filled.definition, "split#2")).toEqual({ start: "end1", nodes: { end1: { type: "end" } } });
  });

  it("adds to a parallel node nested in a group", () => {
    const definition: Definition = {
      version: 1,
      start: "g",
      nodes: { g: { type: "group", body: { start: "p", nodes: { p: { type: "parallel", branches: [{ start: "", nodes: {} }] } } } } },
    };
    expect(graphKeysOf(expectOk(addBranch(definition, "p")).definition)).toEqual(["", "g", "p#0", "p#1"]);
  });
});

describe("removeBranch", () => {
  it("removes a branch with the map inside it; later branches and their positions move up", () => {
    const definition = expectOk(removeBranch(nestedDefinition(), "split", 0)).definition;
    expect(graphKeysOf(definition)).toEqual(["", "split#0"]);
    expect(graphAt(definition, "split#0")?.start).toBe("pause");
    expect(readPositions(definition)).toEqual({
      begin: { x: 0, y: 0 },
      split: { x: 100, y: 0 },
      "branch:split#0": { x: 6, y: 6 },
      "start:split#0": { x: 7, y: 7 },
      pause: { x: 8, y: 8 },
    });
    expect(soundnessProblems(definition)).toEqual([]);
  });

  it("removes the last branch of several, leaving earlier positions", () => {
    const definition = expectOk(removeBranch(nestedDefinition(), "split", 1)).definition;
    expect(Object.keys(readPositions(definition))).toEqual(["begin", "split", "branch:split#0", "start:split#0", "fan", "start:fan", "work"]);
    expect(soundnessProblems(definition)).toEqual([]);
  });

  it.each([
    ["the only branch", (d: Definition) => removeBranch(expectOk(removeBranch(d, "split", 0)).definition, "split", 0), "a parallel node needs at least one branch"],
    ["a branch out of range", (d: Definition) => removeBranch(d, "split", 2), '"split" has no branch 2 (it has 2)'],
    ["a branch of a map", (d: Definition) => removeBranch(d, "fan", 0), '"fan" is a map node, not a parallel node'],
    ["a branch of an unknown node", (d: Definition) => addBranch(d, "ghost"), 'there is no node "ghost"'],
  ])("refuses %s", (_name, edit, error) => {
    expect(edit(nestedDefinition())).toEqual({ ok: false, error });
  });
});
