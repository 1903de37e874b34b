import { describe, expect, it } from "vitest";
import type { Definition } from "../schema.ts";
import { graphAt } from "./graph-key.ts";
import { readPositions } from "./positions.ts";
import { removeNodes } from "./remove-nodes.ts";
import { expectOk, nestedDefinition, soundnessProblems } from "./test-fixtures.ts";

const removed = (ids: string[]) => expectOk(removeNodes(nestedDefinition(), ids)).definition;

describe("removeNodes", () => {
  it("clears every reference to a removed node: next, choice, onError, onTimeout, default", () => {
    const definition = removed(["finish", "oops"]);
    expect(definition.nodes.begin).toEqual({ type: "activity", activity: "http", next: "split" });
    expect(definition.nodes.check).toEqual({
      type: "decision",
      choices: [
        { when: "input.ok", next: "", label: "ok" },
        { when: "input.retry", next: "approve" },
      ],
    });
    expect(definition.nodes.approve).toEqual({ type: "wait", event: "approved", timeout: 60 });
    expect(soundnessProblems(definition)).toEqual([]);
  });

  it("removes a map inside a parallel branch with its body and the positions drawn inside it", () => {
    const definition = removed(["fan"]);
    expect(graphAt(definition, "split#0")).toEqual({ start: "", nodes: { after: { type: "end" } } });
    expect(Object.keys(readPositions(definition))).toEqual(["begin", "split", "branch:split#0", "start:split#0", "branch:split#1", "start:split#1", "pause"]);
    expect(soundnessProblems(definition)).toEqual([]);
  });

  it("removes a parallel node with its branches, their frames and everything nested", () => {
    const definition = removed(["split"]);
    expect(Object.keys(definition.nodes)).toEqual(["begin", "check", "approve", "finish", "oops"]);
    expect(definition.nodes.begin).toEqual({ type: "activity", activity: "http", onError: { next: "oops", errors: ["Timeout"] } });
    expect(Object.keys(readPositions(definition))).toEqual(["begin"]);
    expect(definition.ui?.viewport).toEqual({ zoom: 1 });
  });

  it.each([
    ["the top-level start", ["begin"], "", ""],
    ["a nested start", ["work"], "fan", ""],
  ])("leaves a graph whose start was removed with an empty start: %s", (_name, ids, key, start) => {
    expect(graphAt(removed(ids), key)?.start).toBe(start);
  });

  it("ignores start markers, branch frames and unknown ids", () => {
    const definition = nestedDefinition();
    expect(expectOk(removeNodes(definition, ["start:", "start:fan", "branch:split#0", "missing"])).definition).toBe(definition);
  });

  it("removes a node and its container together", () => {
    const definition = removed(["fan", "work"]);
    expect(graphAt(definition, "split#0")?.nodes).toEqual({ after: { type: "end" } });
  });

  it("copes with a draft with dangling references and an empty graph", () => {
    const draft: Definition = {
      version: 1,
      start: "a",
      nodes: {
        a: { type: "activity", activity: "", next: "ghost" },
        m: { type: "map", items: "input", body: { start: "", nodes: {} }, next: "a" },
      },
    };
    expect(expectOk(removeNodes(draft, ["a"])).definition).toEqual({
      version: 1,
      start: "",
      nodes: { m: { type: "map", items: "input", body: { start: "", nodes: {} } } },
    });
  });
});
