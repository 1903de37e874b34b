/** Tick marks of a time axis: round steps, about one per hundred pixels. */

const STEPS_MS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 10e3, 15e3, 30e3, 60e3, 120e3, 300e3, 600e3, 900e3, 1800e3, 3600e3, 7200e3, 21600e3, 43200e3, 86400e3];

export interface Tick {
  at: number;
  label: string;
}

export function ticksOf(from: number, to: number, widthPx: number): Tick[] {
  const span = Math.max(1, to - from);
  const wanted = span / Math.max(1, widthPx / 100);
  const step = STEPS_MS.find((candidate) => candidate >= wanted) ?? STEPS_MS.at(-1)!;
  const ticks: Tick[] = [];
  for (let at = Math.ceil(from / step) * step; at <= to; at += step) ticks.push({ at, label: labelOf(at, step) });
  return ticks;
}

const MINUTES = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const SECONDS = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
const MILLISECONDS = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit", fractionalSecondDigits: 3, hourCycle: "h23" });

function labelOf(at: number, step: number): string {
  return (step < 1e3 ? MILLISECONDS : step < 60e3 ? SECONDS : MINUTES).format(at);
}
