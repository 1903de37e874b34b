import { describe, expect, it } from "vitest";
import { problemAt } from "@flowcraft/definition";
import { definitionText, problemsInText, readDefinitionText, textChange } from "./json-text.ts";

const valid = { version: 1, start: "a", nodes: { a: { type: "end" } } };

describe("readDefinitionText", () => {
  it("reads a definition, exactly as written", () => {
    expect(readDefinitionText(definitionText(valid as never))).toEqual({ ok: true, definition: valid });
  });

  it("places a syntax error at its line and column", () => {
    const text = '{\n  "version": 1,\n  "start": "a"\n  "nodes": {}\n}';
    const reading = readDefinitionText(text);
    expect(reading).toMatchObject({ ok: false, problems: [{ line: 4, column: 3, message: "',' expected between values" }] });
  });

  it("refuses what JSON does not allow: comments, trailing commas, nothing at all", () => {
    expect(readDefinitionText('{ "version": 1, } ')).toMatchObject({ ok: false });
    expect(readDefinitionText('// note\n{ "version": 1 }')).toMatchObject({ ok: false, problems: [{ line: 1, column: 1, message: "comments are not allowed in JSON" }] });
    expect(readDefinitionText("")).toMatchObject({ ok: false, problems: [{ message: "a value expected" }] });
  });

  it("places a schema problem at the value it is about", () => {
    const text = definitionText({ ...valid, nodes: { a: { type: "activity", activity: "x", timeout: "soon" } } } as never);
    const reading = readDefinitionText(text);
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    const problem = reading.problems.find((p) => p.message.startsWith("nodes.a.timeout"));
    expect(problem, JSON.stringify(reading.problems)).toBeDefined();
    expect(text.slice(problem!.from, problem!.to)).toBe('"soon"');
    expect(problem!.line).toBe(text.slice(0, problem!.from).split("\n").length);
  });

  it("places a missing field at the property that lacks it, and an unknown one at its value", () => {
    const text = definitionText({ version: 1, start: "a", nodes: { a: { type: "end", colour: "red" } } } as never);
    const reading = readDefinitionText(text);
    if (reading.ok) throw new Error("read as valid");
    expect(reading.problems.map((p) => [p.message, text.slice(p.from, p.to)])).toContainEqual(['nodes.a.colour: unknown field "colour"', '"red"']);
    const missing = readDefinitionText('{ "start": "a", "nodes": {} }');
    if (missing.ok) throw new Error("read as valid");
    expect(missing.problems).toMatchObject([{ line: 1, column: 1, message: expect.stringMatching(/^version: /) }]);
  });

  it("refuses a value that is not a definition at all", () => {
    expect(readDefinitionText("[1, 2]")).toMatchObject({ ok: false, problems: [{ line: 1, column: 1 }] });
  });
});

describe("problemsInText", () => {
  it("places the definition's problems at their values", () => {
    const text = definitionText(valid as never);
    const [placed] = problemsInText(text, [problemAt(["nodes", "a", "type"], "not this one"), problemAt(["nodes", "b"], "gone")]) as [unknown, unknown];
    expect(placed).toMatchObject({ line: 6, message: "nodes.a.type: not this one" });
    expect(problemsInText("{ nope", [problemAt(["start"], "x")])).toEqual([]);
  });
});

describe("textChange", () => {
  it("replaces only what differs", () => {
    expect(textChange("abcdef", "abXYef")).toEqual({ from: 2, to: 4, insert: "XY" });
    expect(textChange("abc", "abc")).toBeNull();
    expect(textChange("aaa", "aaaa")).toEqual({ from: 3, to: 3, insert: "a" });
    expect(textChange("abcabc", "abc")).toEqual({ from: 3, to: 6, insert: "" });
    expect(textChange("", "x")).toEqual({ from: 0, to: 0, insert: "x" });
  });

  it("turns one text into the other", () => {
    for (const [before, after] of [["hello world", "hello there world"], ["xyz", ""], ["a\nb\nc", "a\nc"], ["same", "same!"]] as const) {
      const change = textChange(before, after)!;
      expect(before.slice(0, change.from) + change.insert + before.slice(change.to)).toBe(after);
    }
  });
});
