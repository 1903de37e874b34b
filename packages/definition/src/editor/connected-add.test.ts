import { describe, expect, it } from "vitest";
import type { Definition } from "../schema.ts";
import { addNodeAt, endOfGraph, placeAfterSelection, type AddPlace } from "./connected-add.ts";
import { createNode } from "./create-node.ts";
import { graphAt } from "./graph-key.ts";
import { deepFreeze, expectOk, nestedDefinition, soundnessProblems } from "./test-fixtures.ts";

const chain = (): Definition =>
  deepFreeze({
    version: 1,
    start: "a",
    nodes: {
      a: { type: "activity", activity: "x", next: "b" },
      b: { type: "timer", duration: 1 },
      lone: { type: "end" },
    },
  });

describe("placeAfterSelection", () => {
  it.each<[string, Definition, string | null, AddPlace]>([
    ["nothing: after the main path's last step", chain(), null, { type: "after", source: "b", handle: "next" }],
    ["a gone id: as with nothing", chain(), "gone", { type: "after", source: "b", handle: "next" }],
    ["a step with a free next: after it", chain(), "b", { type: "after", source: "b", handle: "next" }],
    ["a step whose next is taken: in between", chain(), "a", { type: "after", source: "a", handle: "next" }],
    ["an end node: the end of its graph", chain(), "lone", { type: "after", source: "b", handle: "next" }],
    ["a start marker: the new start", chain(), "start:", { type: "after", source: "start:", handle: "start" }],
    ["a map whose body ends at an end: unconnected in its body", nestedDefinition(), "fan", { type: "into", graph: "fan" }],
    ["a branch frame: the end of its branch", nestedDefinition(), "branch:split#1", { type: "after", source: "pause", handle: "next" }],
    ["a parallel node: after it, in between", nestedDefinition(), "split", { type: "after", source: "split", handle: "next" }],
    ["a decision with every exit taken: in front of its first choice's target", nestedDefinition(), "check", { type: "after", source: "check", handle: "choice-0" }],
    ["a wait: after its next", nestedDefinition(), "approve", { type: "after", source: "approve", handle: "next" }],
  ])("%s", (_, definition, selected, place) => {
    expect(placeAfterSelection(definition, selected)).toEqual(place);
  });

  it("picks a decision's first unconnected choice, then its default", () => {
    const definition: Definition = {
      version: 1,
      start: "d",
      nodes: { d: { type: "decision", choices: [{ when: "a", next: "e" }, { when: "b", next: "" }] }, e: { type: "end" } },
    };
    expect(placeAfterSelection(definition, "d")).toEqual({ type: "after", source: "d", handle: "choice-1" });
    const choicesTaken: Definition = { ...definition, nodes: { ...definition.nodes, d: { type: "decision", choices: [{ when: "a", next: "e" }] } } };
    expect(placeAfterSelection(choicesTaken, "d")).toEqual({ type: "after", source: "d", handle: "default" });
  });
});

describe("endOfGraph", () => {
  const graph = (nodes: Definition["nodes"], start: string): Definition => ({ version: 1, start, nodes });
  it.each<[string, Definition, AddPlace]>([
    ["an empty graph: its start marker", graph({}, ""), { type: "after", source: "start:", handle: "start" }],
    ["steps but no start: unconnected", graph({ a: { type: "end" } }, ""), { type: "into", graph: "" }],
    ["a path ending in a decision: unconnected", graph({ a: { type: "activity", activity: "x", next: "d" }, d: { type: "decision", choices: [{ when: "true", next: "" }] } }, "a"), { type: "into", graph: "" }],
    ["a path ending in an end: unconnected", graph({ a: { type: "activity", activity: "x", next: "e" }, e: { type: "end" } }, "a"), { type: "into", graph: "" }],
    ["a circle: unconnected", graph({ a: { type: "timer", duration: 1, next: "b" }, b: { type: "timer", duration: 1, next: "a" } }, "a"), { type: "into", graph: "" }],
    ["a next naming no node: unconnected", graph({ a: { type: "timer", duration: 1, next: "gone" } }, "a"), { type: "into", graph: "" }],
  ])("%s", (_, definition, place) => {
    expect(endOfGraph(definition, "")).toEqual(place);
  });

  it("falls back to the top level for a graph that is not there", () => {
    expect(endOfGraph(chain(), "nobody#3")).toEqual({ type: "into", graph: "" });
  });
});

describe("addNodeAt", () => {
  it("adds after a free next, connected", () => {
    const { definition, id } = expectOk(addNodeAt(chain(), createNode("end"), { type: "after", source: "b", handle: "next" }));
    expect(id).toBe("end1");
    expect(definition.nodes.b).toEqual({ type: "timer", duration: 1, next: "end1" });
    expect(definition.nodes.end1).toEqual({ type: "end" });
    expect(soundnessProblems(definition)).toEqual([]);
  });

  it("inserts between a step and its successor", () => {
    const { definition, id } = expectOk(addNodeAt(chain(), createNode("timer"), { type: "after", source: "a", handle: "next" }));
    expect(id).toBe("timer1");
    expect(definition.nodes.a).toMatchObject({ next: "timer1" });
    expect(definition.nodes.timer1).toEqual({ type: "timer", duration: 60, next: "b" });
  });

  it("inserts a decision through its first choice", () => {
    const { definition } = expectOk(addNodeAt(chain(), createNode("decision"), { type: "after", source: "a", handle: "next" }));
    expect(definition.nodes.decision1).toEqual({ type: "decision", choices: [{ when: "true", next: "b" }] });
  });

  it("leaves the displaced successor of an end unconnected, in its graph", () => {
    const { definition } = expectOk(addNodeAt(chain(), createNode("end"), { type: "after", source: "a", handle: "next" }));
    expect(definition.nodes.a).toMatchObject({ next: "end1" });
    expect(definition.nodes.end1).toEqual({ type: "end" });
    expect(definition.nodes.b).toBeDefined();
  });

  it("adds a filled-in activity from a decision's choice and error handles", () => {
    const { definition } = expectOk(
      addNodeAt(nestedDefinition(), { ...createNode("activity"), activity: "notify" } as never, { type: "after", source: "check", handle: "choice-1" }),
    );
    expect(definition.nodes.check).toMatchObject({ choices: [{ next: "finish" }, { when: "input.retry", next: "activity1" }] });
    expect(definition.nodes.activity1).toEqual({ type: "activity", activity: "notify", next: "approve" });
    const onError = expectOk(addNodeAt(chain(), createNode("fail"), { type: "after", source: "b", handle: "error" })).definition;
    expect(onError.nodes.b).toEqual({ type: "timer", duration: 1, onError: { next: "fail1" } });
  });

  it("becomes a graph's start from its start marker, in front of the old start", () => {
    const { definition } = expectOk(addNodeAt(nestedDefinition(), createNode("timer"), { type: "after", source: "start:fan", handle: "start" }));
    const body = graphAt(definition, "fan")!;
    expect(body.start).toBe("timer1");
    expect(body.nodes.timer1).toEqual({ type: "timer", duration: 60, next: "work" });
    expect(soundnessProblems(definition)).toEqual([]);
  });

  it("adds inside a nested graph, next to its source", () => {
    const { definition } = expectOk(addNodeAt(nestedDefinition(), createNode("end"), { type: "after", source: "pause", handle: "next" }));
    expect(graphAt(definition, "split#1")!.nodes).toMatchObject({ pause: { next: "end1" }, end1: { type: "end" } });
    expect(soundnessProblems(definition)).toEqual([]);
  });

  it("adds unconnected into a graph, as its start when it has none", () => {
    expect(expectOk(addNodeAt(chain(), createNode("end"), { type: "into", graph: "" })).definition.start).toBe("a");
    const empty: Definition = { version: 1, start: "", nodes: {} };
    expect(expectOk(addNodeAt(empty, createNode("end"), { type: "into", graph: "" })).definition).toMatchObject({ start: "end1", nodes: { end1: { type: "end" } } });
  });

  it.each<[string, AddPlace, string]>([
    ["a missing source", { type: "after", source: "gone", handle: "next" }, 'there is no node "gone"'],
    ["a handle the source lacks", { type: "after", source: "lone", handle: "next" }, 'an end node has no "next" handle'],
    ["a branch frame", { type: "after", source: "branch:x#0", handle: "next" }, "has no handles"],
    ["a start marker's other handle", { type: "after", source: "start:", handle: "next" }, 'only the "start" handle'],
    ["a missing graph's start marker", { type: "after", source: "start:gone", handle: "start" }, 'there is no graph "gone"'],
    ["a missing graph", { type: "into", graph: "gone" }, 'there is no graph "gone"'],
    ["a malformed id", { type: "after", source: "what:ever", handle: "next" }, "has no handles"],
  ])("refuses %s, saying why", (_, place, error) => {
    const result = addNodeAt(chain(), createNode("end"), place);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(error);
  });
});
