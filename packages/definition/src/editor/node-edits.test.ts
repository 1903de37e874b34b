import { describe, expect, it } from "vitest";
import { NODE_KINDS, NodeSchema, type Definition, type Node } from "../schema.ts";
import { createNode } from "./create-node.ts";
import { graphAt, locateNode } from "./graph-key.ts";
import { uniqueId } from "./ids.ts";
import { addNode, updateNode } from "./node-edits.ts";
import { readPositions } from "./positions.ts";
import { expectOk, nestedDefinition, soundnessProblems } from "./test-fixtures.ts";

describe("createNode", () => {
  it.each(NODE_KINDS)("creates a %s node that only lacks what the user must fill in", (kind) => {
    const node = createNode(kind);
    expect(node.type).toBe(kind);
    const problems = NodeSchema.safeParse(node).error?.issues.map((issue) => issue.path.join(".")) ?? [];
    const blanks: Record<string, string[]> = {
      activity: ["activity"],
      subworkflow: ["workflow"],
      decision: ["choices.0.next"],
      parallel: ["branches.0.start", "branches.1.start"],
      map: ["body.start"],
      group: ["body.start"],
      monitor: ["body.start"],
    };
    expect(problems).toEqual(blanks[kind] ?? []);
  });
});

describe("uniqueId", () => {
  const definition: Definition = {
    version: 1,
    start: "activity1",
    nodes: {
      activity1: { type: "activity", activity: "x" },
      g: { type: "group", body: { start: "step1", nodes: { step1: { type: "end" } } } },
    },
    ui: { positions: { activity2: { x: 0, y: 0 } } },
  };

  it.each([
    ["activity", "activity3"],
    ["step1", "step2"],
    ["timer", "timer1"],
    ["a-b", "a_b1"],
    ["9lives", "node9lives1"],
    ["", "node1"],
    ["x".repeat(80), `${"x".repeat(63)}1`],
  ])("makes %j into %j, skipping ids in use, nested ones and stale positions included", (base, expected) => {
    expect(uniqueId(definition, base)).toBe(expected);
  });
});

describe("addNode", () => {
  it("adds to the top level under a fresh id, stores its position, keeps the start", () => {
    const result = expectOk(addNode(nestedDefinition(), "activity", "", { x: 3, y: 4 }));
    expect(result.id).toBe("activity1");
    expect(result.definition.start).toBe("begin");
    expect(result.definition.nodes.activity1).toEqual({ type: "activity", activity: "" });
    expect(readPositions(result.definition).activity1).toEqual({ x: 3, y: 4 });
    expect(result.definition.ui?.viewport).toEqual({ zoom: 1 });
  });

  it("adds into a map body inside a parallel branch", () => {
    const result = expectOk(addNode(nestedDefinition(), "timer", "fan"));
    expect(Object.keys(graphAt(result.definition, "fan")!.nodes)).toEqual(["work", "done", "timer1"]);
    expect(graphAt(result.definition, "fan")!.start).toBe("work");
    expect(readPositions(result.definition).timer1).toBeUndefined();
    expect(soundnessProblems(result.definition)).toEqual([]);
  });

  it("makes the first node of an empty graph its start, nested or top level", () => {
    const withMap = expectOk(addNode(nestedDefinition(), "map", "split#1"));
    const inBody = expectOk(addNode(withMap.definition, "end", withMap.id));
    expect(graphAt(inBody.definition, withMap.id)).toEqual({ start: "end1", nodes: { end1: { type: "end" } } });
    const empty: Definition = { version: 1, start: "", nodes: {} };
    expect(expectOk(addNode(empty, "wait", "")).definition).toEqual({ version: 1, start: "wait1", nodes: { wait1: { type: "wait", event: "event" } } });
  });

  it("replaces a start that names no node of the graph", () => {
    const draft: Definition = { version: 1, start: "gone", nodes: {} };
    expect(expectOk(addNode(draft, "end", "")).definition.start).toBe("end1");
  });

  it.each(["missing", "split", "split#5", "begin"])("refuses graph %j", (graph) => {
    expect(addNode(nestedDefinition(), "end", graph)).toEqual({ ok: false, error: `there is no graph "${graph}"` });
  });

  it("leaves untouched parts the same objects", () => {
    const before = nestedDefinition();
    const after = expectOk(addNode(before, "end", "split#1")).definition;
    expect(after.nodes.begin).toBe(before.nodes.begin);
    const branches = (node: Node | undefined) => (node?.type === "parallel" ? node.branches : []);
    expect(branches(after.nodes.split)[0]).toBe(branches(before.nodes.split)[0]);
    expect(branches(after.nodes.split)[1]).not.toBe(branches(before.nodes.split)[1]);
  });
});

describe("updateNode", () => {
  it("replaces a nested node's content in place", () => {
    const work: Node = { type: "activity", activity: "other", input: "item", next: "done" };
    const result = expectOk(updateNode(nestedDefinition(), "work", work));
    expect(graphAt(result.definition, "fan")).toEqual({ start: "work", nodes: { work, done: { type: "end" } } });
  });

  it("keeps the node's place among its siblings", () => {
    const result = expectOk(updateNode(nestedDefinition(), "check", { type: "end", title: "Now an end" }));
    expect(Object.keys(result.definition.nodes)).toEqual(["begin", "split", "check", "approve", "finish", "oops"]);
  });

  it("drops positions of nested canvas nodes that no longer exist", () => {
    const result = expectOk(updateNode(nestedDefinition(), "fan", { type: "activity", activity: "x", next: "after" }));
    const positions = readPositions(result.definition);
    expect(Object.keys(positions)).not.toContain("work");
    expect(Object.keys(positions)).not.toContain("start:fan");
    expect(positions.fan).toEqual({ x: 10, y: 20 });
    expect(soundnessProblems(result.definition)).toEqual([]);
  });

  it.each([
    ["an unknown node", "missing", { type: "end" } as Node, 'there is no node "missing"'],
    [
      "a nested id used elsewhere",
      "fan",
      { type: "group", body: { start: "begin", nodes: { begin: { type: "end" } } } } as Node,
      'node id "begin" is already used: node ids must be unique in the whole definition',
    ],
    [
      "a nested id equal to the node's own",
      "fan",
      { type: "group", body: { start: "fan", nodes: { fan: { type: "end" } } } } as Node,
      'node id "fan" is already used: node ids must be unique in the whole definition',
    ],
  ])("refuses %s", (_name, id, node, error) => {
    expect(updateNode(nestedDefinition(), id, node)).toEqual({ ok: false, error });
  });

  it("accepts nested ids the node already held", () => {
    const fan = locateNode(nestedDefinition(), "fan")!.node;
    expect(expectOk(updateNode(nestedDefinition(), "fan", { ...fan, title: "Fan" })).definition).toBeTruthy();
  });
});
