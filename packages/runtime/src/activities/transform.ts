/** Built-in `transform`: the step's input expression is the whole work, so the output is the input. */
import type { ActivityFunction } from "../sdk.ts";

export const transform: ActivityFunction = (input) => input;
