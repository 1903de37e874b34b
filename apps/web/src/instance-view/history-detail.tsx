/**
 * One history event in full, below the list: every field pretty-printed, as recorded, with a
 * button that copies it. Rows stay one line high (the list draws only those in view); this is
 * where a long payload is read.
 */
import { useEffect } from "react";
import { useClipboard } from "../lib/clipboard.ts";
import { preciseTime } from "./time-words.ts";
import type { FeedEvent } from "./instance-feed.ts";

/** How long the copy button says it copied. */
const COPIED_MS = 1500;

export function HistoryDetail({ event, onClose }: { event: FeedEvent; onClose(): void }) {
  const text = JSON.stringify(event, null, 2);
  const { outcome: copied, copy, forget } = useClipboard();
  useEffect(() => forget(), [event.seq]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(forget, COPIED_MS);
    return () => clearTimeout(timer);
  }, [copied]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <section className="history-detail" data-testid="history-detail" aria-label={`Event ${event.seq}`}>
      <div className="history-detail-toolbar">
        <h3>
          #{event.seq} {event.type} <time dateTime={event.at}>{preciseTime(event.at)}</time>
        </h3>
        <span role="status" className="hint" data-testid="history-detail-copied">
          {copied === "copied" ? "Copied" : copied === "failed" ? "Could not copy: select the text instead" : ""}
        </span>
        <button type="button" onClick={() => copy(text)} data-testid="history-detail-copy">
          Copy JSON
        </button>
        <button type="button" onClick={onClose} aria-label="Close the event's details">
          ×
        </button>
      </div>
      <pre data-testid="history-detail-json">{text}</pre>
    </section>
  );
}
