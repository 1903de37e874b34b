import fc from "fast-check";
import { expect, it } from "vitest";
import type { Json } from "./json.ts";
import { childScope, type Scope } from "./scope.ts";

const json = fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>;
const extras = fc.record(
  { item: json, index: fc.nat(), state: json, iteration: fc.nat(), error: fc.record({ name: fc.string(), message: fc.string() }) },
  { requiredKeys: [] },
);

it("gives a nested graph the outer scope and its extras, in the key order a spread gives, with steps of its own", () => {
  fc.assert(
    fc.property(json, fc.dictionary(fc.string(), json), extras, fc.option(extras, { nil: undefined }), (input, steps, outer, extra) => {
      // An outer scope that is itself nested: its extras come after input and steps.
      const scope = { input, steps, ...outer } as Scope;
      const child = childScope(scope, extra);
      const spread = { ...scope, ...extra, steps: { ...scope.steps } };
      // What an expression sees of its scope, `$keys($)` included.
      expect(Object.keys(child)).toEqual(Object.keys(spread));
      expect(child).toEqual(spread);
      child.steps["inner"] = 1;
      expect(Object.hasOwn(scope.steps, "inner")).toBe(Object.hasOwn(steps, "inner"));
    }),
    { numRuns: 500 },
  );
});
