/** How a schedule reads: its timing in words, and run times in its own time zone. */
import type { Schedule } from "./schedule-form.tsx";

const UNIT_WORDS: Array<[number, string]> = [
  [86_400, "day"],
  [3_600, "hour"],
  [60, "minute"],
  [1, "second"],
];

export function timingWords(schedule: Pick<Schedule, "cron" | "intervalSeconds">): string {
  if (schedule.cron !== null) return `cron ${schedule.cron}`;
  const seconds = schedule.intervalSeconds ?? 0;
  const [size, unit] = UNIT_WORDS.find(([size]) => seconds % size === 0)!;
  const count = seconds / size;
  return count === 1 ? `every ${unit}` : `every ${count} ${unit}s`;
}

/** The time in the zone, or in the browser's when the browser does not know the zone. */
export function inZone(at: string, timeZone: string): string {
  // Fields one by one: dateStyle and timeStyle refuse to be combined with timeZoneName.
  const options: Intl.DateTimeFormatOptions = { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", second: "2-digit", timeZoneName: "short" };
  try {
    return new Date(at).toLocaleString(undefined, { ...options, timeZone });
  } catch {
    return new Date(at).toLocaleString(undefined, options);
  }
}

export function RunTimes({ runs, timeZone, label }: { runs: string[]; timeZone: string; label: string }) {
  if (runs.length === 0) return <p className="hint">No runs ahead.</p>;
  return (
    <div className="run-times">
      <span className="hint">{label}</span>
      <ol data-testid="next-runs">
        {runs.map((at) => (
          <li key={at}>
            <time dateTime={at}>{inZone(at, timeZone)}</time>
          </li>
        ))}
      </ol>
    </div>
  );
}
