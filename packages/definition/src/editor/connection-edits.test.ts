import { describe, expect, it } from "vitest";
import type { Definition } from "../schema.ts";
import { toCanvasModel } from "./canvas-model.ts";
import { addChoice, connect, disconnect, removeChoice } from "./connection-edits.ts";
import { graphAt, locateNode } from "./graph-key.ts";
import { expectOk, nestedDefinition, soundnessProblems } from "./test-fixtures.ts";

/** The node as the edit left it. */
const nodeAfter = (definition: Definition, id: string) => locateNode(definition, id)?.node;

describe("connect", () => {
  it.each([
    ["next", "begin", "next", "check", { next: "check" }],
    ["onError, keeping its errors", "begin", "error", "finish", { onError: { next: "finish", errors: ["Timeout"] } }],
    ["a new onError", "approve", "error", "oops", { onError: { next: "oops" } }],
    ["onTimeout", "approve", "timeout", "finish", { onTimeout: "finish" }],
    ["a choice", "check", "choice-1", "oops", { choices: [{ when: "input.ok", next: "finish", label: "ok" }, { when: "input.retry", next: "oops" }] }],
    ["default", "check", "default", "finish", { default: "finish" }],
    ["next inside a map inside a branch", "work", "next", "work_end", { next: "work_end" }],
    ["onError inside a branch", "fan", "error", "after", { onError: { next: "after" } }],
  ])("sets %s", (_name, source, handle, target, expected) => {
    const definition = withExtraNodes();
    const result = expectOk(connect(definition, source, handle, target));
    expect(nodeAfter(result.definition, source)).toMatchObject(expected);
    expect(toCanvasModel(result.definition).edges).toContainEqual(expect.objectContaining({ id: `${source}:${handle}`, target }));
  });

  it.each([
    ["top level", "start:", "", "check"],
    ["a map body inside a branch", "start:fan", "fan", "done"],
    ["a branch", "start:split#0", "split#0", "after"],
  ])("sets the start of %s from its start marker", (_name, marker, key, target) => {
    const result = expectOk(connect(nestedDefinition(), marker, "start", target));
    expect(graphAt(result.definition, key)?.start).toBe(target);
  });

  it.each([
    ["nodes of different graphs", "begin", "next", "work", '"begin" and "work" are in different graphs: edges only join nodes of the same graph'],
    ["a branch node to a top-level node", "pause", "next", "finish", '"pause" and "finish" are in different graphs: edges only join nodes of the same graph'],
    ["a start marker to another graph", "start:fan", "start", "after", '"after" is in another graph: a graph can only start with one of its own nodes'],
    ["to a start marker", "begin", "next", "start:", "a start marker cannot be the target of an edge"],
    ["to a branch frame", "begin", "next", "branch:split#0", "a branch frame cannot be the target of an edge; connect its start marker instead"],
    ["from a branch frame", "branch:split#0", "next", "fan", "a branch frame has no outgoing edges; connect its start marker instead"],
    ["a node to itself", "begin", "next", "begin", '"begin" cannot be connected to itself'],
    ["a handle the kind lacks", "begin", "timeout", "check", 'an activity node has no "timeout" handle'],
    ["from an end node", "finish", "next", "oops", 'an end node has no "next" handle'],
    ["a choice that does not exist", "check", "choice-2", "finish", 'a decision node has no "choice-2" handle'],
    ["next of a decision", "check", "next", "finish", 'a decision node has no "next" handle'],
    ["a start marker through another handle", "start:", "next", "check", 'a start marker has only the "start" handle, not "next"'],
    ["a start marker of no graph", "start:begin", "start", "check", 'there is no graph "begin"'],
    ["an unknown source", "ghost", "next", "check", 'there is no node "ghost"'],
    ["an unknown target", "begin", "next", "ghost", 'there is no node "ghost"'],
    ["a malformed canvas id", "begin", "next", "x:y", 'there is no node "x:y"'],
  ])("refuses %s", (_name, source, handle, target, error) => {
    expect(connect(nestedDefinition(), source, handle, target)).toEqual({ ok: false, error });
  });
});

describe("disconnect", () => {
  it.each([
    ["begin:next", "begin", { type: "activity", activity: "http", onError: { next: "oops", errors: ["Timeout"] } }],
    ["begin:error", "begin", { type: "activity", activity: "http", next: "split" }],
    ["approve:timeout", "approve", { type: "wait", event: "approved", timeout: 60, next: "finish" }],
    ["check:default", "check", { type: "decision", choices: [{ when: "input.ok", next: "finish", label: "ok" }, { when: "input.retry", next: "approve" }] }],
    ["check:choice-0", "check", { type: "decision", choices: [{ when: "input.ok", next: "", label: "ok" }, { when: "input.retry", next: "approve" }], default: "oops" }],
    ["work:next", "work", { type: "activity", activity: "w" }],
  ])("removes the reference behind %s", (edgeId, id, expected) => {
    const result = expectOk(disconnect(nestedDefinition(), edgeId));
    expect(nodeAfter(result.definition, id)).toEqual(expected);
    expect(toCanvasModel(result.definition).edges.map((edge) => edge.id)).not.toContain(edgeId);
    expect(soundnessProblems(result.definition)).toEqual([]);
  });

  it.each([
    ["start::start", ""],
    ["start:fan:start", "fan"],
    ["start:split#1:start", "split#1"],
  ])("empties a graph's start for %s", (edgeId, key) => {
    expect(graphAt(expectOk(disconnect(nestedDefinition(), edgeId)).definition, key)?.start).toBe("");
  });

  it.each(["ghost:next", "begin:timeout", "finish:next", "nonsense", ":next", "branch:split#0:start", "start::next", "start:ghost:start"])(
    "refuses %j",
    (edgeId) => {
      const result = disconnect(nestedDefinition(), edgeId);
      expect(result.ok).toBe(false);
    },
  );
});

describe("choices", () => {
  it("appends a choice without a target", () => {
    const result = expectOk(addChoice(nestedDefinition(), "check"));
    const check = nodeAfter(result.definition, "check");
    expect(check?.type === "decision" && check.choices.at(-1)).toEqual({ when: "true", next: "" });
    expect(toCanvasModel(result.definition).nodes.find((node) => node.id === "check")?.handles).toContain("choice-2");
  });

  it("removes a choice; later ones move up", () => {
    const result = expectOk(removeChoice(nestedDefinition(), "check", 0));
    expect(nodeAfter(result.definition, "check")).toMatchObject({ choices: [{ when: "input.retry", next: "approve" }] });
  });

  it.each([
    ["the last choice", (d: Definition) => removeChoice(expectOk(removeChoice(d, "check", 0)).definition, "check", 0), "a decision needs at least one choice"],
    ["a choice out of range", (d: Definition) => removeChoice(d, "check", 2), '"check" has no choice 2 (it has 2)'],
    ["a fractional index", (d: Definition) => removeChoice(d, "check", 0.5), '"check" has no choice 0.5 (it has 2)'],
    ["choices of a non-decision", (d: Definition) => addChoice(d, "begin"), '"begin" is an activity node, not a decision node'],
    ["choices of an unknown node", (d: Definition) => removeChoice(d, "ghost", 0), 'there is no node "ghost"'],
  ])("refuses to remove %s", (_name, edit, error) => {
    expect(edit(nestedDefinition())).toEqual({ ok: false, error });
  });
});

/** The nested definition with an unconnected end node in the map body. */
function withExtraNodes(): Definition {
  const definition = nestedDefinition();
  const split = definition.nodes.split;
  if (split?.type !== "parallel") throw new Error("fixture changed");
  const [first, second] = split.branches;
  const fan = first?.nodes.fan;
  if (!first || !second || fan?.type !== "map") throw new Error("fixture changed");
  const body = { ...fan.body, nodes: { ...fan.body.nodes, work_end: { type: "end" as const } } };
  return {
    ...definition,
    nodes: { ...definition.nodes, split: { ...split, branches: [{ ...first, nodes: { ...first.nodes, fan: { ...fan, body } } }, second] } },
  };
}
