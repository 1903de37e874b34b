/** Parsing JSONata expressions the one way the engine evaluates and analyses them. */
import jsonata from "jsonata";
import { LinearRegExp } from "@flowcraft/definition";
import { EXPRESSION_SEQUENCE_BUDGET } from "./expression-budget.ts";

/** Parses an expression as the engine evaluates it: linear-time regexes, sizes capped. */
export function parseExpression(expression: string): jsonata.Expression {
  return jsonata(expression, { RegexEngine: LinearRegExp as unknown as RegExpConstructor, sequence: EXPRESSION_SEQUENCE_BUDGET } as jsonata.JsonataOptions);
}
