/** A moment in full, date and time to the second, for tooltips and wherever the exact moment matters. */
export function fullTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { hourCycle: "h23" });
}
