/**
 * JSONata built-ins that can build a value far larger than their arguments within one call, which
 * the budget's per-step size check would only see after the allocation. `$pad('x', 400000000)`
 * asks for 400 million characters at once; `$string` of a value that shares one array in many
 * places writes out every copy. These versions check the size first and fail with the budget,
 * then leave the work to JSONata's own implementation, so results are JSONata's.
 */
import jsonata from "jsonata";
import { BudgetExceeded, EXPRESSION_STRING_BUDGET } from "./expression-budget.ts";
import { jsonFitsIn } from "./json-size.ts";

type Implementation = (this: unknown, ...args: never[]) => unknown;

interface JsonataFunction {
  implementation: Implementation;
}

/** JSONata's own implementations, looked up once through an expression that names them. */
let builtIns: Promise<Record<"pad" | "join" | "string", Implementation>> | undefined;

function builtInsOnce() {
  builtIns ??= jsonata("[$pad, $join, $string]")
    .evaluate({})
    .then((found: JsonataFunction[]) => ({ pad: found[0]!.implementation, join: found[1]!.implementation, string: found[2]!.implementation }));
  return builtIns;
}

async function pad(this: unknown, text: string | undefined, width: number, fill?: string) {
  // JSONata repeats the fill to the whole width, then cuts it: that intermediate is what is checked.
  if (text !== undefined && Math.abs(Math.trunc(width)) * Math.max(1, fill?.length ?? 1) > EXPRESSION_STRING_BUDGET) throw new BudgetExceeded("string");
  return ((await builtInsOnce()).pad as (...args: unknown[]) => unknown).call(this, text, width, fill);
}

async function join(this: unknown, strings: string[] | undefined, separator?: string) {
  if (Array.isArray(strings)) {
    let length = Math.max(0, strings.length - 1) * (separator?.length ?? 0);
    for (const s of strings) length += typeof s === "string" ? s.length : 0;
    if (length > EXPRESSION_STRING_BUDGET) throw new BudgetExceeded("string");
  }
  return ((await builtInsOnce()).join as (...args: unknown[]) => unknown).call(this, strings, separator);
}

async function string(this: unknown, value: unknown, prettify?: boolean) {
  if (value !== undefined && typeof value !== "string" && !jsonFitsIn(value, EXPRESSION_STRING_BUDGET, prettify ? 2 : 0)) {
    throw new BudgetExceeded("string");
  }
  return ((await builtInsOnce()).string as (...args: unknown[]) => unknown).call(this, value, prettify);
}

/** Replaces the built-ins above, with JSONata's signatures, in one compiled expression. */
export function guardFunctions(expression: jsonata.Expression) {
  expression.registerFunction("pad", pad, "<s-ns?:s>");
  expression.registerFunction("join", join, "<a<s>s?:s>");
  expression.registerFunction("string", string, "<x-b?:s>");
}
