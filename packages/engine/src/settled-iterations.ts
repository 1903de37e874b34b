/**
 * What a turn learns about a map's iterations and the next turn may reuse: which have finished,
 * with their outputs. An iteration counts as settled only when it finished without a command of
 * the current pass, so history alone says it is done; history only grows, so it stays done with
 * the same output. A big map then costs each turn its iterations under way, not all of them.
 */
import type { Json } from "./json.ts";

export interface SettledIterations {
  /** By index: null until settled. */
  outputs: Json[];
  settled: boolean[];
  count: number;
  /** The latest history position among the settled iterations' outcomes. */
  at: number;
}

export function noneSettled(length: number): SettledIterations {
  return { outputs: new Array<Json>(length).fill(null), settled: new Array<boolean>(length).fill(false), count: 0, at: 0 };
}

export function settle(memo: SettledIterations, index: number, output: Json, at: number) {
  memo.outputs[index] = output;
  memo.settled[index] = true;
  memo.count++;
  memo.at = Math.max(memo.at, at);
}
