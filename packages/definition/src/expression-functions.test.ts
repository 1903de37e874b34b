import { describe, expect, it } from "vitest";
import { checkExpression } from "./expressions.ts";
import { validateDefinition } from "./validate.ts";

describe("the functions a workflow expression may call", () => {
  it.each([
    ["$sum(input.items.price)"],
    ["$string($count(steps.a)) & $uppercase(input.name)"],
    ["$map(input, function($v, $i){ $v * $i })"],
    ["($double := function($x){ $x * 2 }; $double(input))"],
    ["input.items#$pos.{'at': $pos}"],
    ["input.items@$item.$item.price"],
    ["$sort(input, function($a, $b){ $a > $b })"],
    ["$fromMillis(input.at) & $formatNumber(input.n, '#,##0')"],
    ["$eval('1 + 1')"],
  ])("include JSONata's deterministic built-ins and the expression's own functions: %s", (expression) => {
    expect(checkExpression(expression)).toBeNull();
  });

  it.each([
    ["$shuffle(input)", "$shuffle"],
    ["$random()", "$random"],
    ["$now()", "$now"],
    ["$millis()", "$millis"],
    ["$map(input, $random)", "$random"],
    ["($pick := $shuffle; $pick(input))", "$shuffle"],
  ])("leave out those that answer differently on every call: %s", (expression, name) => {
    expect(checkExpression(expression)).toBe(
      `${name}() is not allowed here: a workflow expression must give the same result every time history is replayed; capture the value with an activity (e.g. transform) instead`,
    );
  });

  it("leave out whatever is not known to be deterministic, a new or a misspelt function alike", () => {
    expect(checkExpression("$summ(input)")).toBe(
      "$summ is not a function a workflow expression may use: only JSONata's deterministic built-ins and functions the expression defines itself are",
    );
  });

  it("are checked at validation, naming the node and the field", () => {
    const result = validateDefinition({ version: 1, start: "a", nodes: { a: { type: "activity", activity: "transform", input: "$shuffle(input)" } } });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toContainEqual(expect.objectContaining({ nodeId: "a", field: "input", message: expect.stringContaining("$shuffle() is not allowed here") }));
  });
});
