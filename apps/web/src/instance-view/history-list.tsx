/**
 * The raw history, every generation, filterable by event type and by step. Only the rows in view
 * are drawn; a row's type replays the instance up to that event, its payload opens the event in
 * full below the list.
 */
import type { HistoryEventType } from "@flowcraft/engine";
import { useEffect, useId, useMemo, useState } from "react";
import { Words } from "./operator-lane.tsx";
import { operatorMarkOf } from "./operator-marks.ts";
import { preciseTime } from "./time-words.ts";
import type { FeedEvent } from "./instance-feed.ts";
import { filterHistory, keyOfEvent, stepOfEvent, typesIn } from "./history-filter.ts";
import { HistoryDetail } from "./history-detail.tsx";
import { StepName } from "./step-names.tsx";
import { useVirtualRows } from "./virtual-rows.ts";

const ROW_HEIGHT = 24;
/** Longest payload shown in a row; the rest is a click away in the event's details. */
const PAYLOAD_CHARS = 240;
const OWN_FIELDS = new Set(["type", "seq", "at", "generation"]);

/** The first event of a generation after a continue-as-new, where the list marks the break. */
const startsGeneration = (event: FeedEvent) => event.type === "execution_started" && event.generation > 1;

/** Index of the first event at or after `seq` in a list in seq order. */
function firstAtOrAfter(events: readonly FeedEvent[], seq: number): number {
  let low = 0;
  let high = events.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (events[middle]!.seq < seq) low = middle + 1;
    else high = middle;
  }
  return low;
}

function payloadOf(event: FeedEvent): string {
  const rest = Object.fromEntries(Object.entries(event).filter(([field]) => !OWN_FIELDS.has(field)));
  const text = JSON.stringify(rest);
  return text.length > PAYLOAD_CHARS ? `${text.slice(0, PAYLOAD_CHARS)}…` : text;
}

/** An operator's action in words (who, why, which instance a re-run started as); any other event as JSON. */
function Payload({ event }: { event: FeedEvent }) {
  const mark = operatorMarkOf(event);
  if (!mark) return <code>{payloadOf(event)}</code>;
  return (
    <span className="history-words" data-testid="history-words">
      <Words parts={mark.parts} />
    </span>
  );
}

interface HistoryListProps {
  events: readonly FeedEvent[];
  /** The newest event announced: until `events` reach it, the rest of the history is on its way. */
  lastSeq: number;
  steps: string[];
  /** Step titles by node id, shown before the ids. */
  titles: ReadonlyMap<string, string>;
  /** Height of the rows' pane. */
  height: number;
  /** The replay position, marked in the list. */
  position: number;
  /** Replaying (not live): the list keeps the position's row in view. */
  replaying: boolean;
  onReplayTo(seq: number): void;
}

export function HistoryList({ events, lastSeq, steps, titles, height, position, replaying, onReplayTo }: HistoryListProps) {
  const [type, setType] = useState<HistoryEventType | "">("");
  const [step, setStep] = useState("");
  const [openSeq, setOpenSeq] = useState<number | null>(null);
  const opened = useMemo(() => (openSeq === null ? undefined : events[firstAtOrAfter(events, openSeq)]), [events, openSeq]);
  const typeId = useId();
  const stepId = useId();
  const filtered = useMemo(
    () => filterHistory(events, type, step),
    [events, type, step],
  );
  const typeCounts = useMemo(() => typesIn(events), [events]);
  const rows = useVirtualRows(filtered.length, ROW_HEIGHT);
  const loading = (events.at(-1)?.seq ?? 0) < lastSeq;
  useEffect(() => {
    const element = rows.ref.current;
    if (!replaying || !element) return;
    const top = firstAtOrAfter(filtered, position) * ROW_HEIGHT;
    if (top < element.scrollTop || top + ROW_HEIGHT > element.scrollTop + element.clientHeight) element.scrollTop = top - element.clientHeight / 2;
  }, [replaying, position, filtered]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <section className="history-list" data-testid="history-list" aria-label="History events" aria-busy={loading}>
      <div className="history-toolbar">
        <h2>History</h2>
        <label htmlFor={typeId}>Type</label>
        <select id={typeId} value={type} onChange={(event) => setType(event.target.value as HistoryEventType | "")} data-testid="history-filter-type">
          <option value="">all types</option>
          {typeCounts.map(([name, count]) => (
            <option key={name} value={name}>
              {name} ({count.toLocaleString("en")})
            </option>
          ))}
          {type !== "" && !typeCounts.some(([name]) => name === type) && <option value={type}>{type} (0)</option>}
        </select>
        <label htmlFor={stepId}>Step</label>
        <select id={stepId} value={step} onChange={(event) => setStep(event.target.value)} data-testid="history-filter-step">
          <option value="">all steps</option>
          {steps.map((name) => (
            <option key={name} value={name}>
              {titles.has(name) ? `${titles.get(name)} (${name})` : name}
            </option>
          ))}
        </select>
        <span className="hint" data-testid="history-count">
          {filtered.length === events.length ? `${events.length} events` : `${filtered.length} of ${events.length} events`}
          {loading && `, loading the rest of ${lastSeq}…`}
        </span>
      </div>
      <div className="history-header" role="presentation">
        <span>type</span>
        <span>seq</span>
        <span>time</span>
        <span>step</span>
        <span>payload</span>
      </div>
      <div className="history-rows" style={{ height }} ref={rows.ref} onScroll={rows.onScroll} role="list">
        <div style={{ height: rows.totalHeight, position: "relative" }}>
          {filtered.slice(rows.first, rows.last).map((event, i) => (
            <div
              key={event.seq}
              role="listitem"
              className={`history-row${event.seq === openSeq ? " open" : ""}${event.seq === position ? " current" : ""}${event.seq > position ? " after" : ""}${startsGeneration(event) ? " generation-start" : ""}`}
              style={{ top: (rows.first + i) * ROW_HEIGHT, height: ROW_HEIGHT }}
              data-testid="history-row"
              data-type={event.type}
            >
              <button type="button" className="history-type" onClick={() => onReplayTo(event.seq)} aria-label={`Replay to event ${event.seq}, ${event.type}`} title="Replay to this event">
                {event.type}
              </button>
              <span>{event.seq}</span>
              <span>{preciseTime(event.at)}</span>
              <EventStep event={event} titles={titles} />
              <button
                type="button"
                className="history-payload"
                aria-expanded={event.seq === openSeq}
                aria-label={`Details of event ${event.seq}`}
                onClick={() => setOpenSeq(event.seq === openSeq ? null : event.seq)}
                data-testid="history-payload"
              >
                {startsGeneration(event) ? <span data-testid="history-generation">generation {event.generation} starts (continued as new)</span> : <Payload event={event} />}
              </button>
            </div>
          ))}
        </div>
      </div>
      {opened && <HistoryDetail event={opened} onClose={() => setOpenSeq(null)} />}
    </section>
  );
}

/** The step an event is about, by its title when it has one. */
function EventStep({ event, titles }: { event: FeedEvent; titles: ReadonlyMap<string, string> }) {
  // A scheduled activity's node is the step; its activity id says which map iteration it runs in.
  const key = event.type === "activity_scheduled" ? event.activityId : keyOfEvent(event);
  const step = stepOfEvent(event);
  if (key === null || step === null) return <span />;
  const title = titles.get(step);
  return (
    <span className="history-step" title={title ? `${title} (${key})` : key}>
      <StepName id={key} title={title} />
    </span>
  );
}
