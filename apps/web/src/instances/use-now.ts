/** The current time, ticking so that "in 5 min" and "3 s ago" stay true while they are on screen. */
import { useEffect, useState } from "react";

export function useNow(intervalMs = 1_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}
