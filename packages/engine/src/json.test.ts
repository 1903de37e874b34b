import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { inJsonbKeyOrder, storableJsonText, unstorableIn } from "./json.ts";

it("orders object keys as Postgres jsonb does: shorter first, then by code unit, at every depth", () => {
  const ordered = inJsonbKeyOrder({ bb: 1, a: 2, ccc: { zz: [{ y: 1, x: 2 }], y: null }, B: true });
  expect(JSON.stringify(ordered)).toBe('{"B":true,"a":2,"bb":1,"ccc":{"y":null,"zz":[{"x":2,"y":1}]}}');
});

describe("values Postgres cannot store", () => {
  // String.prototype.isWellFormed is ES2024, beyond the library the packages compile against.
  const isStorable = (s: string) => (s as unknown as { isWellFormed(): boolean }).isWellFormed() && !s.includes("\u0000");

  it("are found in JSON text exactly when a string holds a NUL character or a lone surrogate", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.string({ unit: fc.constantFrom("\\", "u", "0", "d", "8", "\u0000", "\ud800", "\udc00", "x") }), (a, b) => {
        for (const s of [a, b, a + b]) expect(unstorableIn(JSON.stringify({ [s]: [s] })) === null).toBe(isStorable(s));
      }),
      { numRuns: 2_000 },
    );
  });

  it("are replaced by U+FFFD, and nothing else changes", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("\\", "u", "0", "\u0000", "\ud800", "\udc00", "😀", "x") }), (s) => {
        const replaced = JSON.parse(storableJsonText(JSON.stringify(s))) as string;
        expect(isStorable(replaced)).toBe(true);
        if (isStorable(s)) expect(replaced).toBe(s);
      }),
      { numRuns: 2_000 },
    );
    expect(unstorableIn(JSON.stringify("a\u0000"))).toBe("a string with a NUL character (\\u0000), which cannot be stored");
    expect(unstorableIn(JSON.stringify("a\ud800"))).toBe("a string with a lone surrogate (\\ud800), which is not valid Unicode and cannot be stored");
  });
});
