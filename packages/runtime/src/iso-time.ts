/**
 * Timestamps as ISO text, remembered for the last millisecond asked for. `Date#toISOString`
 * formats through printf, and a step formats several times (its events, its task, its attempt's
 * start and end): that showed in profiles of a fan-out. Most of them fall in the same
 * millisecond as the one before.
 */
let lastMs = Number.NaN;
let lastText = "";

export function isoTime(ms: number = Date.now()): string {
  if (ms !== lastMs) {
    lastText = new Date(ms).toISOString();
    lastMs = ms;
  }
  return lastText;
}
