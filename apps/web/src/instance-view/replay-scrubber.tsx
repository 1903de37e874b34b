/**
 * The replay slider over the history's sequence numbers. At the newest event it is live and
 * follows new events; anywhere else it holds the instance as it was after that event.
 */
import { useId } from "react";
import { preciseTime } from "./time-words.ts";
import type { FeedEvent } from "./instance-feed.ts";

interface ReplayScrubberProps {
  events: readonly FeedEvent[];
  /** The event shown, by index into `events`. */
  index: number;
  live: boolean;
  onChange(seq: number | "live"): void;
}

export function ReplayScrubber({ events, index, live, onChange }: ReplayScrubberProps) {
  const sliderId = useId();
  const first = events[0]?.seq ?? 0;
  const last = events.at(-1)?.seq ?? 0;
  const current = events[index];
  const step = (by: number) => {
    const next = events[Math.min(events.length - 1, Math.max(0, index + by))];
    if (next) onChange(next.seq === last ? "live" : next.seq);
  };
  return (
    <div className="replay" data-testid="replay">
      <label htmlFor={sliderId}>Replay</label>
      <button type="button" aria-label="Previous event" onClick={() => step(-1)} disabled={index <= 0}>
        ‹
      </button>
      <input
        id={sliderId}
        type="range"
        min={first}
        max={last}
        step={1}
        value={current?.seq ?? last}
        disabled={events.length < 2}
        onChange={(event) => {
          const seq = Number(event.target.value);
          onChange(seq >= last ? "live" : seq);
        }}
        data-testid="replay-scrubber"
        aria-valuetext={current ? `after event ${current.seq} of ${last}, ${current.type}` : "no events yet"}
      />
      <button type="button" aria-label="Next event" onClick={() => step(1)} disabled={index >= events.length - 1}>
        ›
      </button>
      <button type="button" className={live ? "live on" : "live"} aria-pressed={live} onClick={() => onChange("live")} data-testid="replay-live">
        Live
      </button>
      <span className="replay-position" data-testid="replay-position">
        {current ? `#${current.seq} of ${last} · ${current.type} · ${preciseTime(current.at)}` : "no events yet"}
      </span>
    </div>
  );
}
