import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { definitionJsonSchemaText } from "./json-schema.ts";
import { MAX_DEFINITION_BYTES } from "./limits.ts";
import { checkShape, validateDefinition } from "./validate.ts";

const base = (nodes: Record<string, unknown>, start = "a") => ({ version: 1, start, nodes });

function problemsOf(raw: unknown, options = {}) {
  const result = validateDefinition(raw, options);
  return result.ok ? [] : result.problems.map((p) => ({ nodeId: p.nodeId, field: p.field, message: p.message }));
}

describe("validateDefinition", () => {
  it("accepts a valid definition and keeps it unchanged, ui section included", () => {
    const raw = {
      $schema: "https://flowcraft.dev/schemas/definition-v1.json",
      ...base({ a: { type: "activity", activity: "transform", input: "input", retry: { maxAttempts: 3 }, heartbeatTimeout: 30 } }),
      ui: { nodes: { a: { x: 10, y: 20 } }, viewport: { zoom: 1 } },
    };
    const result = validateDefinition(raw);
    expect(result.ok && result.definition).toEqual(raw);
  });

  it.each([
    ["an unknown node kind", base({ a: { type: "activty" } }), { nodeId: "a", field: "type", message: expect.stringContaining('unknown node kind "activty"') }],
    ["a dangling next", base({ a: { type: "timer", duration: 1, next: "b" } }), { nodeId: "a", field: "next", message: 'there is no node "b" in this graph' }],
    ["a missing start node", base({ a: { type: "end" } }, "zz"), { nodeId: null, field: "start", message: 'start: there is no node "zz" in this graph' }],
    ["an unreachable node", base({ a: { type: "end" }, b: { type: "end" } }), { nodeId: "b", field: null, message: expect.stringContaining("unreachable") }],
    [
      "a cycle",
      base({ a: { type: "timer", duration: 1, next: "b" }, b: { type: "timer", duration: 1, next: "a" } }),
      { nodeId: "b", field: null, message: expect.stringContaining("cycle a → b → a") },
    ],
    ["invalid JSONata", base({ a: { type: "end", output: "1 +" } }), { nodeId: "a", field: "output", message: expect.stringContaining("invalid JSONata") }],
    ["a non-deterministic function", base({ a: { type: "end", output: "$now()" } }), { nodeId: "a", field: "output", message: expect.stringContaining("$now() is not allowed") }],
    ["a misspelt field", base({ a: { type: "end", outptu: "1" } }), { nodeId: "a", field: "outptu", message: 'unknown field "outptu"' }],
    ["a wrong type", base({ a: { type: "activity", activity: "x", retry: { maxAttempts: "3" } } }), { nodeId: "a", field: "retry.maxAttempts", message: expect.stringContaining("number") }],
    ["a bad node id", base({ "a-b": { type: "end" } }, "a-b"), { nodeId: "a-b", field: null, message: expect.stringContaining("letters, digits and _") }],
    [
      "a heartbeat timeout the default timeout always beats",
      base({ a: { type: "activity", activity: "x", heartbeatTimeout: 300 } }),
      { nodeId: "a", field: "heartbeatTimeout", message: "heartbeatTimeout must be shorter than the step's timeout (300 s)" },
    ],
    [
      "a heartbeat timeout longer than the step's timeout",
      base({ a: { type: "activity", activity: "x", timeout: 10, heartbeatTimeout: 20 } }),
      { nodeId: "a", field: "heartbeatTimeout", message: "heartbeatTimeout must be shorter than the step's timeout (10 s)" },
    ],
    ["onTimeout without timeout", base({ a: { type: "wait", event: "e", onTimeout: "b" }, b: { type: "end" } }), { nodeId: "a", field: "onTimeout", message: "onTimeout needs a timeout" }],
    [
      "a nested monitor",
      base({ a: { type: "group", body: { start: "m", nodes: { m: { type: "monitor", interval: 1, body: { start: "x", nodes: { x: { type: "end" } } } } } } } }),
      { nodeId: "m", field: null, message: expect.stringContaining("top-level graph") },
    ],
    [
      "a duplicate id in a nested graph",
      base({ a: { type: "group", body: { start: "a", nodes: { a: { type: "end" } } } } }),
      { nodeId: "a", field: null, message: expect.stringContaining('duplicate node id "a"') },
    ],
    ["a reference to an inherited name", base({ a: { type: "timer", duration: 1, next: "isPrototypeOf" } }), { nodeId: "a", field: "next", message: 'there is no node "isPrototypeOf" in this graph' }],
    ["a reserved node id", base({ constructor: { type: "end" } }, "constructor"), { nodeId: "constructor", field: null, message: expect.stringContaining("reserved") }],
    ["a sub-workflow version no workflow could have", base({ a: { type: "subworkflow", workflow: "w", version: 2 ** 40 } }), { nodeId: "a", field: "version", message: expect.stringContaining("at most 2147483647") }],
    ["an unsupported version", { version: 2, start: "a", nodes: { a: { type: "end" } } }, { nodeId: null, field: "version", message: expect.stringContaining("version 1") }],
  ])("reports %s, addressed by node and field", (_name, raw, expected) => {
    expect(problemsOf(raw)).toContainEqual(expected);
  });

  it("reports unknown activities only when the known activities are given (publish time)", () => {
    const raw = base({ a: { type: "activity", activity: "send_mail", next: "b" }, b: { type: "activity", activity: "http" } });
    expect(problemsOf(raw)).toEqual([]);
    expect(problemsOf(raw, { activities: ["other"] })).toEqual([
      { nodeId: "a", field: "activity", message: 'unknown activity "send_mail": no worker has registered it' },
    ]);
  });

  it("reports sub-workflows naming no published workflow or version only when the workflows are given (publish time)", () => {
    const raw = base({
      a: { type: "subworkflow", workflow: "billing", version: 2, next: "b" },
      b: { type: "subworkflow", workflow: "nowhere", next: "c" },
      c: { type: "subworkflow", workflow: "self", version: "latest" },
    });
    expect(problemsOf(raw)).toEqual([]);
    const workflows = { versions: new Map([["billing", new Set([1])]]), self: "self" };
    expect(problemsOf(raw, { workflows })).toEqual([
      { nodeId: "a", field: "version", message: 'workflow "billing" has no published version 2' },
      { nodeId: "b", field: "workflow", message: 'unknown workflow "nowhere": no version of it is published' },
    ]);
  });

  it("returns every problem at once, nested graphs included", () => {
    const raw = base({
      a: { type: "map", items: "input", body: { start: "x", nodes: { x: { type: "end", output: "(" }, y: { type: "end" } } }, next: "missing" },
    });
    const problems = problemsOf(raw);
    expect(problems.map((p) => `${p.nodeId}:${p.field}`).sort()).toEqual(["a:next", "x:output", "y:null"]);
  });

  it("still lists the graph's problems when a node breaks the schema", () => {
    const raw = base({
      a: { type: "activity", activity: "", next: "b" },
      b: { type: "decision", choices: [{ when: "true", next: "" }, { when: "1 +", next: "c" }], default: "gone" },
      c: { type: "map", items: "input", body: { start: "x", nodes: { x: { type: "end", output: 5 } } } },
      lost: { type: "end" },
    });
    expect(problemsOf(raw)).toEqual(
      expect.arrayContaining([
        { nodeId: "a", field: "activity", message: "is empty: choose an activity" },
        { nodeId: "b", field: "choices.0.next", message: "is empty: choose a node" },
        { nodeId: "x", field: "output", message: expect.stringContaining("string") },
        { nodeId: "b", field: "choices.1.when", message: expect.stringContaining("invalid JSONata") },
        { nodeId: "b", field: "default", message: 'there is no node "gone" in this graph' },
        { nodeId: "lost", field: null, message: expect.stringContaining("unreachable") },
      ]),
    );
    expect(problemsOf(raw)).toHaveLength(6);
  });

  it("says plainly what is missing", () => {
    expect(problemsOf(base({ a: { type: "wait" } }))).toEqual([{ nodeId: "a", field: "event", message: "is required (string)" }]);
    expect(problemsOf(base({ a: { type: "wait", event: "" } }))).toEqual([{ nodeId: "a", field: "event", message: "is empty: name the event" }]);
  });

  it("refuses a definition over the size limit", () => {
    const raw = base({ a: { type: "end", description: "x".repeat(2000) } });
    const huge = { ...raw, description: "y".repeat(MAX_DEFINITION_BYTES) };
    expect(problemsOf(huge)[0]?.message).toMatch(/bytes; the limit is/);
  });

  it("rejects values that are not definitions at all", () => {
    for (const raw of [null, 42, "x", [], {}]) expect(problemsOf(raw).length).toBeGreaterThan(0);
  });

  it("the committed JSON Schema is the one the zod schemas generate", () => {
    const committed = readFileSync(new URL("../definition.schema.json", import.meta.url), "utf8");
    expect(committed).toBe(definitionJsonSchemaText());
  });
});

describe("validateDefinition on malformed input", () => {
  const kinds = fc.constantFrom("activity", "parallel", "map", "group", "wait", "timer", "decision", "monitor", "end", "fail", "bogus");
  const anyValue = fc.jsonValue({ maxDepth: 3 });
  const looseNode = fc.record(
    { type: kinds, next: anyValue, onError: anyValue, choices: anyValue, branches: anyValue, body: anyValue, default: anyValue, activity: anyValue },
    { requiredKeys: ["type"] },
  );

  it("never throws, and answers with problems rather than a definition", () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, fc.record({ version: fc.constant(1), start: anyValue, nodes: fc.dictionary(fc.string(), fc.oneof(looseNode, anyValue)) })), (raw) => {
        const result = validateDefinition(raw);
        if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("checkShape", () => {
  const messagesOf = (raw: unknown) => {
    const result = checkShape(raw);
    return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
  };

  it("passes content problems that validation reports against their nodes", () => {
    expect(checkShape(base({ a: { type: "activity", activity: "", next: "nowhere" } }))).toEqual({ ok: true });
  });

  it("refuses values of the wrong type, unknown step types and fields, and missing fields", () => {
    expect(messagesOf(base({ a: { type: "activity", activity: "x", timeout: "soon" } }))).toEqual([expect.stringMatching(/^nodes\.a\.timeout: .*number/)]);
    expect(messagesOf(base({ a: { type: "activty" } }))).toEqual([expect.stringContaining('nodes.a.type: unknown node kind "activty"')]);
    expect(messagesOf(base({ a: { type: "end", colour: 1 } }))).toEqual(['nodes.a.colour: unknown field "colour"']);
    expect(messagesOf(base({ a: { type: "wait" } }))).toEqual(["nodes.a.event: is required (string)"]);
    expect(messagesOf([1])).toHaveLength(1);
  });
});
