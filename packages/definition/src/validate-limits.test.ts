/**
 * Hostile definitions: huge, deep or oddly keyed input gets its problems listed, never a stack
 * overflow and never a definition silently changed on the way through validation.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_DEFINITION_BYTES, MAX_JSON_DEPTH, MAX_NESTING_DEPTH, MAX_NODES } from "./limits.ts";
import { validateDefinition } from "./validate.ts";

type Raw = Record<string, unknown>;

function problemsOf(raw: unknown) {
  const result = validateDefinition(raw);
  return result.ok ? [] : result.problems;
}

/** a1 -> a2 -> ... -> a<n>; with `loop`, a<n> leads back to a1. */
function chain(n: number, { loop = false } = {}): Raw {
  const nodes: Raw = {};
  for (let i = 1; i <= n; i++) {
    nodes[`a${i}`] = { type: "timer", duration: 1, ...(i < n ? { next: `a${i + 1}` } : loop ? { next: "a1" } : {}) };
  }
  return { version: 1, start: "a1", nodes };
}

type Container = "group" | "map" | "parallel";

/** Containers c1 ... c<depth>, each holding the next; the innermost holds one end node. */
function nested(depth: number, kind: Container = "group"): Raw {
  let graph: Raw = { start: "leaf", nodes: { leaf: { type: "end" } } };
  for (let i = depth; i >= 1; i--) {
    const node =
      kind === "parallel" ? { type: "parallel", branches: [graph] } : kind === "map" ? { type: "map", items: "input", body: graph } : { type: "group", body: graph };
    graph = { start: `c${i}`, nodes: { [`c${i}`]: node } };
  }
  return { version: 1, ...graph };
}

/** The JSON path of container c<depth> in `nested(depth, kind)`. */
function pathOfContainer(depth: number, kind: Container): string {
  const inner = kind === "parallel" ? "branches.0" : "body";
  return Array.from({ length: depth }, (_, i) => `nodes.c${i + 1}`).join(`.${inner}.`);
}

/** A value nested `depth` arrays deep. */
function deepArray(depth: number): unknown {
  let value: unknown = 0;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

const nodeLimit = (count: number) => ({ path: "nodes", nodeId: null, field: "nodes", message: `definition has ${count} nodes; the limit is ${MAX_NODES}` });

describe("validateDefinition on large definitions", () => {
  it("lists the node limit for a 5,000-node chain instead of overflowing the stack", () => {
    expect(problemsOf(chain(5_000))).toEqual([nodeLimit(5_000)]);
  });

  it("checks a chain as long as the node limit allows, and names a loop through all of it briefly", () => {
    expect(problemsOf(chain(MAX_NODES))).toEqual([]);
    const [loop, ...rest] = problemsOf(chain(MAX_NODES, { loop: true }));
    expect(rest).toEqual([]);
    expect(loop).toMatchObject({ nodeId: `a${MAX_NODES}`, message: expect.stringMatching(/^cycle a1 → a2 → .* → a2000 → a1 \(2000 nodes\): /) });
    expect(loop!.message.length).toBeLessThan(300);
  });

  it("lists the node limit with the size limit for a definition over both", () => {
    const raw = chain(30_000);
    const size = new TextEncoder().encode(JSON.stringify(raw)).length;
    expect(size).toBeGreaterThan(MAX_DEFINITION_BYTES);
    expect(problemsOf(raw)).toEqual([
      { path: "", nodeId: null, field: null, message: `definition is ${size} bytes; the limit is ${MAX_DEFINITION_BYTES} bytes` },
      nodeLimit(30_000),
    ]);
  });
});

describe("validateDefinition on deep definitions", () => {
  it.each<Container>(["group", "map", "parallel"])("accepts %s nodes nested as deep as the limit", (kind) => {
    expect(problemsOf(nested(MAX_NESTING_DEPTH, kind))).toEqual([]);
  });

  it.each<[number, Container]>([
    [MAX_NESTING_DEPTH + 1, "group"],
    [600, "group"],
    [600, "map"],
    [600, "parallel"],
    [20_000, "group"],
  ])("refuses %i nested %s nodes at the first container over the limit", (depth, kind) => {
    expect(problemsOf(nested(depth, kind))).toEqual([
      {
        path: pathOfContainer(MAX_NESTING_DEPTH + 1, kind),
        nodeId: `c${MAX_NESTING_DEPTH + 1}`,
        field: null,
        message: `nested ${MAX_NESTING_DEPTH + 1} containers deep; the limit is ${MAX_NESTING_DEPTH} (parallel, map, group and monitor nodes inside each other)`,
      },
      ...(depth + 1 > MAX_NODES ? [nodeLimit(depth + 1)] : []),
    ]);
  });

  it("lists the node limit of a definition that is also nested too deep", () => {
    const raw = nested(600);
    const bottom = (raw as { nodes: Raw }).nodes;
    for (let i = 0; i < MAX_NODES; i++) bottom[`extra${i}`] = { type: "end" };
    expect(problemsOf(raw).map((problem) => problem.message)).toEqual([expect.stringContaining("containers deep"), nodeLimit(MAX_NODES + 601).message]);
  });

  it.each([
    ["the ui section", (value: unknown) => ({ ...chain(1), ui: { notes: value } }), "ui.notes"],
    ["a node's field", (value: unknown) => ({ ...chain(1), nodes: { a1: { type: "end", output: value } } }), "nodes.a1.output"],
  ])("refuses JSON nested deeper than the limit in %s", (_name, build, path) => {
    const problems = problemsOf(build(deepArray(100_000)));
    expect(problems).toEqual([
      expect.objectContaining({ message: `nested more than ${MAX_JSON_DEPTH} levels deep (arrays and objects); the limit is ${MAX_JSON_DEPTH}` }),
    ]);
    expect(problems[0]!.path.startsWith(`${path}.0.0`)).toBe(true);
  });

  it("never throws on deep, long or oddly keyed input", () => {
    const container = fc.constantFrom<Container>("group", "map", "parallel");
    const hostile = fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: 3_000 }), container).map(([depth, kind]) => nested(depth, kind)),
      fc.integer({ min: 1, max: 6_000 }).map((n) => chain(n, { loop: n % 2 === 0 })),
      fc.integer({ min: 0, max: 50_000 }).map((depth) => ({ ...chain(2), ui: deepArray(depth) })),
      fc
        .array(fc.constantFrom("__proto__", "constructor", "prototype", "a1", "toString", ""), { minLength: 1, maxLength: 4 })
        .map((ids) => JSON.parse(`{"version":1,"start":"a1","nodes":{${ids.map((id) => `"${id}":{"type":"end"}`).join(",")}}}`)),
    );
    fc.assert(
      fc.property(hostile, (raw) => {
        const result = validateDefinition(raw);
        if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });
});

describe("validateDefinition on ids that objects cannot hold", () => {
  const reserved = (id: string) => `node id "${id}" is reserved: every JavaScript object has a property by that name; choose another node id`;

  it("refuses a node id __proto__ instead of dropping the node", () => {
    const raw = JSON.parse('{"version":1,"start":"a","nodes":{"a":{"type":"timer","duration":1},"__proto__":{"type":"end"}}}');
    expect(problemsOf(raw)).toEqual([{ path: "nodes.__proto__", nodeId: "__proto__", field: null, message: reserved("__proto__") }]);
  });

  it("refuses __proto__ in a nested graph", () => {
    const raw = JSON.parse('{"version":1,"start":"g","nodes":{"g":{"type":"group","body":{"start":"x","nodes":{"x":{"type":"end"},"__proto__":{"type":"end"}}}}}}');
    expect(problemsOf(raw)).toEqual([{ path: "nodes.g.body.nodes.__proto__", nodeId: "__proto__", field: null, message: reserved("__proto__") }]);
  });

  it.each([
    ["the ui section", '"ui":{"__proto__":{"x":1}}', "ui.__proto__"],
    ["a node", '"ui":{}', "nodes.a.__proto__", '{"type":"end","__proto__":{}}'],
  ])("refuses __proto__ as a key of %s, once", (_name, ui, path, node = '{"type":"end"}') => {
    const raw = JSON.parse(`{"version":1,"start":"a","nodes":{"a":${node}},${ui}}`);
    expect(problemsOf(raw)).toEqual([
      expect.objectContaining({ path, message: 'the key "__proto__" is not allowed: copying the object in JavaScript would drop it' }),
    ]);
  });

  it("names other reserved ids once, without repeating the id", () => {
    expect(problemsOf({ version: 1, start: "constructor", nodes: { constructor: { type: "end" } } })).toEqual([
      { path: "start", nodeId: null, field: "start", message: "is reserved: every JavaScript object has a property by that name; choose another node id" },
      { path: "nodes.constructor", nodeId: "constructor", field: null, message: reserved("constructor") },
    ]);
  });
});
