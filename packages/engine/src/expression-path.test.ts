import fc from "fast-check";
import jsonata from "jsonata";
import { describe, expect, it } from "vitest";
import { evaluate } from "./expression.ts";
import { lookupPath } from "./expression-path.ts";

const name = fc.constantFrom("item", "a", "b", "and", "length", "constructor");
const json = fc.jsonValue({ maxDepth: 3 });
/** Objects keyed by the same few names as the paths, so that the paths find something. */
const context = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small" }, json, fc.array(tie("node"), { maxLength: 3 }), fc.dictionary(name, tie("node"), { minKeys: 2, maxKeys: 6 })),
})).node;

describe("plain name paths", () => {
  it("find what JSONata finds, or leave it to JSONata", async () => {
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(name, { minLength: 1, maxLength: 3 }), fc.dictionary(name, context, { minKeys: 3, maxKeys: 6 }), async (names, ctx) => {
        const expression = names.join(".");
        const found = lookupPath(expression, ctx);
        if (!found) return;
        answered++;
        expect(found.value).toEqual(await jsonata(expression).evaluate(ctx));
      }),
      { numRuns: 2_000 },
    );
    // The paths are drawn to find something often enough for the comparison to mean anything.
    expect(answered).toBeGreaterThan(200);
  });

  it("answer the common lookups themselves, and nothing else", () => {
    expect(lookupPath("item", { item: 3 })).toEqual({ value: 3 });
    expect(lookupPath("input.order.id", { input: { order: { id: "o-1" } } })).toEqual({ value: "o-1" });
    expect(lookupPath("`a b`.c", { "a b": { c: null } })).toEqual({ value: null });
    for (const [expression, ctx] of [
      ["item", { item: [5] }],
      ["item", {}],
      ["constructor", {}],
      ["a.b", { a: [{ b: 1 }] }],
      ["item[]", { item: 1 }],
      ["steps.x[0]", { steps: { x: 1 } }],
      ["$x", { x: 1 }],
      ["true", { true: 1 }],
      ["a +", { a: 1 }],
    ] as const) {
      expect(lookupPath(expression, ctx), expression).toBeUndefined();
    }
  });

  it("yield through evaluate as JSONata's would: canonical, and bounded in size", async () => {
    expect(await evaluate("item", { item: { zeta: 1, a: 2 } })).toEqual({ a: 2, zeta: 1 });
    expect(Object.keys((await evaluate("item", { item: { zeta: 1, a: 2 } })) as object)).toEqual(["a", "zeta"]);
    await expect(evaluate("item", { item: "x".repeat(2 ** 21) })).rejects.toThrow(/bytes a value in history may take/);
  });
});
