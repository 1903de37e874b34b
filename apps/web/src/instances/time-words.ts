/** Times as people read them in lists: "14:02", "Nov 3 14:02", "in 5 min", "3 h ago". */

const DAY_MS = 86_400_000;

const localDay = (date: Date) => Math.floor((date.getTime() - date.getTimezoneOffset() * 60_000) / DAY_MS);

/** Clock time, with the date when it is not today. */
export function clockTime(iso: string, now: Date): string {
  const date = new Date(iso);
  const time = date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", hour12: false });
  if (localDay(date) === localDay(now)) return time;
  return `${date.toLocaleDateString(undefined, { month: "short", day: "numeric" })} ${time}`;
}

/** Date and time to the second, for tooltips and wherever the exact moment matters. */
export function fullTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { hour12: false });
}

/** A duration rounded to what matters at its size: "8 s", "5 min", "3 h 20 min", "2 d 4 h". */
export function durationWords(ms: number): string {
  const seconds = Math.round(Math.max(0, ms) / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** "in 5 min" for the future, "5 min ago" for the past. */
export function relativeTime(iso: string, now: Date): string {
  const ms = new Date(iso).getTime() - now.getTime();
  return ms >= 0 ? `in ${durationWords(ms)}` : `${durationWords(-ms)} ago`;
}
