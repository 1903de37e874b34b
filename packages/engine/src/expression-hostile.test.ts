import { describe, expect, it } from "vitest";
import fc from "fast-check";
import jsonata from "jsonata";
import { checkExpression } from "@flowcraft/definition";
import { evaluate, ExpressionError } from "./expression.ts";
import { MAX_STORED_VALUE_BYTES } from "./json.ts";
import { EXPRESSION_SEQUENCE_BUDGET, EXPRESSION_STRING_BUDGET } from "./expression-budget.ts";

const STRING_BUDGET = `exceeded the size budget of ${EXPRESSION_STRING_BUDGET} characters in one string`;
const SEQUENCE_BUDGET = `exceeded the size budget of ${EXPRESSION_SEQUENCE_BUDGET} items in one array`;
const RESULT_BUDGET = `yields a value over the ${MAX_STORED_VALUE_BYTES} bytes a value in history may take`;

describe("hostile expressions fail with the size budget they broke, before they allocate", () => {
  it.each([
    ["a pad to 400 million characters", "$length($pad('x', 400000000))", STRING_BUDGET],
    ["a pad to 100 million characters", "$pad('x', 100000000)", STRING_BUDGET],
    ["a pad with a long fill", "$pad('x', 3000000, $pad('', 1000, '-'))", STRING_BUDGET],
    ["a string doubled 27 times", "$reduce([1..27], function($a, $b){ $a & $a }, 'x')", STRING_BUDGET],
    ["a join of many long strings", "$join($map([1..1000], function($v){ $pad('', 10000, 'x') }), $pad('', 10000, 'y'))", STRING_BUDGET],
    ["$string of one array shared 40 levels deep", "$string($reduce([1..40], function($a, $b){ {'l': $a, 'r': $a} }, 1))", STRING_BUDGET],
    ["a range of ten million items", "$count([1..10000000])", SEQUENCE_BUDGET],
    ["an array doubled 30 times", "$count($reduce([1..30], function($a, $b){ $append($a, $a) }, [1]))", SEQUENCE_BUDGET],
    ["a result that shares one array 40 levels deep", "$reduce([1..40], function($a, $b){ [[$a], [$a]] }, [1])", RESULT_BUDGET],
    ["a result of two million characters", "$pad('', 2000000, 'x')", RESULT_BUDGET],
  ])("%s", async (_case, expression, budget) => {
    const error = await evaluate(expression, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExpressionError);
    expect((error as Error).message).toBe(`${expression}: ${budget}`);
  });

  it("refuses values history cannot store: a lone surrogate, a NUL character", async () => {
    await expect(evaluate("'a' & '\\ud800'", {})).rejects.toThrow("yields a string with a lone surrogate (\\ud800), which is not valid Unicode");
    await expect(evaluate("input", { input: "nul\u0000" })).rejects.toThrow("yields a string with a NUL character");
    // A backslash followed by "u0000" is four characters of text, not a NUL.
    expect(await evaluate("input", { input: "\\u0000" })).toBe("\\u0000");
  });

  it("leaves room for real work: strings of a million characters, arrays of half a million items", async () => {
    expect(await evaluate("$length($pad('', 1000000, 'ab'))", {})).toBe(1_000_000);
    expect(await evaluate("$count([1..500000])", {})).toBe(500_000);
    expect(await evaluate("$length($string([1..100000]))", {})).toBe(588_896);
  });
});

describe("functions that answer differently on every call", () => {
  it.each([["$shuffle([1, 2, 3])"], ["$random()"], ["$eval('$shuffle([1, 2, 3])')"], ["$eval('$now()')"]])("fail %s, even where validation cannot see the call", async (expression) => {
    await expect(evaluate(expression, {})).rejects.toThrow(/\$(shuffle|random|now)\(\) is not allowed in workflow expressions/);
  });
});

describe("regular expressions match in linear time", () => {
  it("answers a pattern that backtracks exponentially in JavaScript at once", async () => {
    // JavaScript's engine takes minutes here: each extra 'a' doubles its work.
    expect(await evaluate("$contains('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', /(a+)+$/)", {})).toBe(false);
    expect(await evaluate(`$contains('${"a".repeat(100_000)}!', /^(a|aa)+$/)`, {})).toBe(false);
  });

  it.each([
    ["$match('2024-01-02 and 2025-12-31', /(\\d+)-(\\d+)-(\\d+)/)"],
    ["$match('a1b22c333', /[a-z](\\d+)/)"],
    ["$replace('John Smith', /(\\w+)\\s(\\w+)/, '$2, $1')"],
    ["$replace('aaa', /a/, 'b', 2)"],
    ["$split('a, b,c ,  d', /\\s*,\\s*/)"],
    ["$contains('Hello World', /world/i)"],
    ["$match('line one\\nline two', /^line (\\w+)$/m)"],
    ["$match('abc', /(x)?b/)"],
    ["$split('abc', /x*/)"],
  ])("gives JavaScript's answer for %s", async (expression) => {
    const native = await jsonata(expression)
      .evaluate({})
      .catch((e: { code?: string }) => `error ${e.code}`);
    const linear = await evaluate(expression, {}).catch((e: Error) => `error ${/\((\w+)\)$/.exec(e.message)?.[1]}`);
    expect(linear).toEqual(JSON.parse(JSON.stringify(native ?? null)));
  });

  it("matches whole characters where JavaScript would split a surrogate pair", async () => {
    // JavaScript's `.` takes half of the emoji, a lone surrogate history could not even store.
    expect(await evaluate("$match('😀x😀y', /(.)y/)", {})).toEqual({ match: "😀y", index: 3, groups: ["😀"] });
  });

  it("refuses patterns RE2 cannot match in linear time when the definition is checked, saying why", () => {
    expect(checkExpression("$match(input, /(a)\\1/)")).toMatch(/^the regular expression \/\(a\)\\1\/ is not supported: .*no backreferences or lookaround/);
    expect(checkExpression("$contains(input, /a(?=b)/)")).toMatch(/is not supported/);
    expect(checkExpression("$contains(input, /(a+)+$/)")).toBeNull();
  });

  it("fails a step whose pattern RE2 cannot match, should one reach evaluation", async () => {
    await expect(evaluate("$contains('aa', /(a)\\1/)", {})).rejects.toThrow(ExpressionError);
  });
});

describe("the guarded built-ins give JSONata's own results", () => {
  const text = fc.string({ maxLength: 20, unit: "grapheme" });
  it("$pad, $join and $string, on any small arguments", async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.integer({ min: -40, max: 40 }), fc.option(text, { nil: undefined }), fc.array(text, { maxLength: 5 }), fc.jsonValue({ maxDepth: 3 }), fc.boolean(), async (s, width, fill, list, value, prettify) => {
        const bindings = { s, width, fill, list, value, prettify };
        for (const expression of ["$pad(s, width, fill)", "$pad(s, width)", "$join(list, fill)", "$join(list)", "$string(value, prettify)", "$string(s)"]) {
          const native = await jsonata(expression).evaluate(bindings).catch((e: { code?: string }) => `error ${e.code}`);
          const guarded = await evaluate(expression, bindings).catch((e: Error) => `error ${/\((\w+)\)$/.exec(e.message)?.[1]}`);
          expect(guarded, expression).toEqual(JSON.parse(JSON.stringify(native ?? null)));
        }
      }),
      { numRuns: 200 },
    );
  });
});
