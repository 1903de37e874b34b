/**
 * Hostile definitions: huge, deep or oddly keyed input gets its problems listed, never a stack
 * overflow and never a definition silently changed on the way through validation.
 */
import { describe, expect, it } from "vitest";
import { MAX_NODES } from "./limits.ts";
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
});
