/** Times and durations as people read them: "14:02", "14:02 tomorrow", "in 8 s". */

const DAY_MS = 86_400_000;
// One formatter each: toLocaleTimeString builds a new one per call, far too slow for thousands of bars.
const CLOCK = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const PRECISE = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit", fractionalSecondDigits: 3, hourCycle: "h23" });
const DAY = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric" });

function dayNumber(date: Date): number {
  return Math.floor((date.getTime() - date.getTimezoneOffset() * 60_000) / DAY_MS);
}

/** Clock time, with the day when it is not today. */
export function clockTime(iso: string, now: Date): string {
  const date = new Date(iso);
  const time = CLOCK.format(date);
  const days = dayNumber(date) - dayNumber(now);
  if (days === 0) return time;
  if (days === 1) return `${time} tomorrow`;
  if (days === -1) return `${time} yesterday`;
  return `${DAY.format(date)} ${time}`;
}

/** Clock time to the millisecond, for event lists and tooltips. */
export function preciseTime(iso: string): string {
  return PRECISE.format(new Date(iso));
}

export function durationWords(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** "in 8 s" for the future, "8 s ago" for the past. */
export function relativeTime(iso: string, now: Date): string {
  const ms = new Date(iso).getTime() - now.getTime();
  return ms >= 0 ? `in ${durationWords(ms)}` : `${durationWords(-ms)} ago`;
}

/**
 * "8 s ago", for times that are always past (a row's last update, an approval's start). The clock
 * it is read against ticks every few seconds, so a time after it only arrived since: just now.
 */
export function timeAgo(iso: string, now: Date): string {
  const ms = now.getTime() - new Date(iso).getTime();
  return ms < 1_000 ? "just now" : `${durationWords(ms)} ago`;
}
