import { describe, expect, it } from "vitest";
import { toCanvasModel } from "./canvas-model.ts";
import { graphAt, graphKeysOf } from "./graph-key.ts";
import { readPositions, setPositions } from "./positions.ts";
import { renameNode } from "./rename-node.ts";
import { expectOk, nestedDefinition, soundnessProblems } from "./test-fixtures.ts";

const renamed = (oldId: string, newId: string) => expectOk(renameNode(nestedDefinition(), oldId, newId)).definition;

describe("renameNode", () => {
  it("renames a map inside a branch: its place, the branch start, its body's key and positions", () => {
    const definition = renamed("fan", "fanOut");
    expect(graphAt(definition, "split#0")?.start).toBe("fanOut");
    expect(Object.keys(graphAt(definition, "split#0")!.nodes)).toEqual(["fanOut", "after"]);
    expect(graphKeysOf(definition)).toEqual(["", "split#0", "fanOut", "split#1"]);
    const positions = readPositions(definition);
    expect(positions.fanOut).toEqual({ x: 10, y: 20 });
    expect(positions["start:fanOut"]).toEqual({ x: 0, y: 0 });
    expect(Object.keys(positions)).not.toContain("fan");
    expect(Object.keys(positions)).not.toContain("start:fan");
    expect(toCanvasModel(definition).nodes.find((node) => node.id === "work")?.parent).toBe("fanOut");
    expect(soundnessProblems(definition)).toEqual([]);
  });

  it("renames a parallel node's branch frames and branch start markers", () => {
    const positions = readPositions(renamed("split", "fork"));
    expect(Object.keys(positions)).toEqual(["begin", "fork", "branch:fork#0", "start:fork#0", "fan", "start:fan", "work", "branch:fork#1", "start:fork#1", "pause"]);
  });

  it("updates every kind of reference", () => {
    const definition = renamed("oops", "failed");
    expect(definition.nodes.begin).toMatchObject({ onError: { next: "failed", errors: ["Timeout"] } });
    expect(definition.nodes.check).toMatchObject({ default: "failed" });
    expect(definition.nodes.approve).toMatchObject({ onTimeout: "failed" });
    const choices = renamed("finish", "done_ok").nodes.check;
    expect(choices?.type === "decision" && choices.choices[0]?.next).toBe("done_ok");
    expect(renamed("begin", "first").start).toBe("first");
    expect(graphAt(renamed("done", "end_"), "fan")?.nodes.work).toMatchObject({ next: "end_" });
  });

  it("leaves expressions alone", () => {
    const definition = { ...nestedDefinition(), nodes: { ...nestedDefinition().nodes, finish: { type: "end" as const, output: "steps.begin" } } };
    expect(expectOk(renameNode(definition, "begin", "first")).definition.nodes.finish).toEqual({ type: "end", output: "steps.begin" });
  });

  it("drops a stale position left for the new id", () => {
    const withStale = expectOk(setPositions(nestedDefinition(), { fresh: { x: 9, y: 9 }, "start:fresh": { x: 9, y: 9 } })).definition;
    const positions = readPositions(expectOk(renameNode(withStale, "finish", "fresh")).definition);
    expect(positions.fresh).toBeUndefined();
    expect(positions["start:fresh"]).toBeUndefined();
  });

  it("is a no-op for the same id", () => {
    const definition = nestedDefinition();
    expect(expectOk(renameNode(definition, "fan", "fan")).definition).toBe(definition);
  });

  it.each([
    ["missing", "x", 'there is no node "missing"'],
    ["fan", "a-b", 'node id "a-b" must start with a letter or _ and hold only letters, digits and _ (at most 64), so expressions can use it as steps.<id>'],
    ["fan", "x:y", expect.stringContaining('node id "x:y" must start')],
    ["fan", "", 'node id "" is empty: choose a node'],
    ["fan", "constructor", 'node id "constructor" is reserved: every JavaScript object has a property by that name; choose another node id'],
    ["fan", "begin", 'node id "begin" is already used: node ids must be unique in the whole definition'],
    ["begin", "work", 'node id "work" is already used: node ids must be unique in the whole definition'],
  ])("refuses to rename %j to %j", (oldId, newId, error) => {
    expect(renameNode(nestedDefinition(), oldId, newId)).toEqual({ ok: false, error });
  });
});
