import { describe, expect, it } from "vitest";
import { graphAt, graphKeysOf, locateNode, parseGraphKey } from "./graph-key.ts";
import { nestedDefinition } from "./test-fixtures.ts";

describe("graph keys", () => {
  const definition = nestedDefinition();

  it.each([
    ["", ["begin", "split", "check", "approve", "finish", "oops"]],
    ["split#0", ["fan", "after"]],
    ["split#1", ["pause"]],
    ["fan", ["work", "done"]],
  ])("graphAt(%j) is the graph holding %j", (key, ids) => {
    expect(Object.keys(graphAt(definition, key)?.nodes ?? {})).toEqual(ids);
  });

  it("gives the top level as a graph of the definition's start and nodes", () => {
    expect(graphAt(definition, "")).toEqual({ start: "begin", nodes: definition.nodes });
  });

  it.each(["split", "split#2", "split#-1", "split#01", "fan#0", "begin", "missing", "start:", "#0"])("graphAt(%j) is null", (key) => {
    expect(graphAt(definition, key)).toBeNull();
  });

  it("lists every graph key, parents before children", () => {
    expect(graphKeysOf(definition)).toEqual(["", "split#0", "fan", "split#1"]);
  });

  it.each([
    ["begin", ""],
    ["fan", "split#0"],
    ["work", "fan"],
    ["pause", "split#1"],
  ])("locates %s in graph %j", (id, graph) => {
    expect(locateNode(definition, id)).toEqual({ node: expect.objectContaining({ type: expect.any(String) }), graph });
  });

  it.each(["missing", "start:", "branch:split#0", "toString", ""])("does not locate %j", (id) => {
    expect(locateNode(definition, id)).toBeNull();
  });

  it("parses graph keys", () => {
    expect([parseGraphKey(""), parseGraphKey("fan"), parseGraphKey("split#3"), parseGraphKey("split#x")]).toEqual([
      null,
      { owner: "fan", branch: null },
      { owner: "split", branch: 3 },
      null,
    ]);
  });
});
