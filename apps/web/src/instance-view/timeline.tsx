/**
 * The timeline of one generation: a lane per step and place, bars in time. Ctrl+wheel (or the
 * buttons) zooms around the pointer, Shift+wheel and dragging pan; plain wheel scrolls the lanes,
 * of which only those in view are drawn. Operator actions have a lane of their own at the top.
 */
import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent, type ReactNode } from "react";
import { OperatorLane } from "./operator-lane.tsx";
import { StepName } from "./step-names.tsx";
import type { OperatorMark } from "./operator-marks.ts";
import { ticksOf } from "./time-axis.ts";
import type { Lane } from "./timeline-model.ts";
import { useVirtualRows } from "./virtual-rows.ts";

const LANE_HEIGHT = 24;
/** Room for a step's title and the iteration it runs in, as in "Process work item [12].processItem". */
const LABEL_WIDTH = 280;
/** Narrowest window: a millisecond-level view of a burst of events. */
const MIN_SPAN_MS = 20;
/** Room for the line that says nothing has run yet. */
const EMPTY_LANES_HEIGHT = 40;

/** The lanes' height: all of them up to `limit`, beyond which they scroll, so that no empty area is left under the last. */
export function lanesHeight(laneCount: number, limit: number): number {
  return Math.min(limit, Math.max(EMPTY_LANES_HEIGHT, laneCount * LANE_HEIGHT));
}

export interface TimeRange {
  from: number;
  to: number;
}

interface TimelineProps {
  lanes: Lane[];
  /** Step titles by node id, shown in the lanes' labels. */
  titles: ReadonlyMap<string, string>;
  /** Tallest the lanes grow before they scroll. */
  heightLimit: number;
  /** The whole generation, start to end (or now). */
  range: TimeRange;
  /** What people did to the instance, drawn in a lane of their own above the steps. */
  marks: OperatorMark[];
  /** What the lanes still wait for (the rest of the history, its replay), or null when they are current. */
  loading: string | null;
  selectedKey: string | null;
  onSelect(key: string): void;
  /** Generation navigation, drawn in the toolbar. */
  children?: ReactNode;
}

export function Timeline({ lanes, titles, heightLimit, range, marks, loading, selectedKey, onSelect, children }: TimelineProps) {
  // Null follows the whole generation as it grows; a zoom or pan fixes the window.
  const [window_, setWindow] = useState<TimeRange | null>(null);
  const shown = window_ ?? range;
  const rows = useVirtualRows(lanes.length, LANE_HEIGHT);
  const trackWidth = Math.max(100, rows.width - LABEL_WIDTH);
  const span = Math.max(MIN_SPAN_MS, shown.to - shown.from);
  const x = (t: number) => ((t - shown.from) / span) * trackWidth;

  const zoom = useCallback(
    (factor: number, anchor = 0.5) => {
      const next = Math.max(MIN_SPAN_MS, span * factor);
      const at = shown.from + span * anchor;
      setWindow({ from: at - next * anchor, to: at - next * anchor + next });
    },
    [shown.from, span],
  );
  const pan = useCallback((fraction: number) => setWindow({ from: shown.from + span * fraction, to: shown.to + span * fraction }), [shown, span]);

  // A non-passive listener: the page must not scroll while the wheel zooms or pans.
  const wheel = useRef({ zoom, pan, trackWidth });
  wheel.current = { zoom, pan, trackWidth };
  useEffect(() => {
    const element = rows.ref.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      const { zoom: zoomBy, pan: panBy, trackWidth: width } = wheel.current;
      const rect = element.getBoundingClientRect();
      if (event.ctrlKey || event.metaKey) {
        event.preventDefault();
        zoomBy(event.deltaY > 0 ? 1.25 : 0.8, Math.min(1, Math.max(0, (event.clientX - rect.left - LABEL_WIDTH) / width)));
      } else if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
        event.preventDefault();
        // Shift+wheel arrives as a vertical amount in some browsers and as a horizontal one in others.
        panBy((Math.abs(event.deltaX) >= Math.abs(event.deltaY) ? event.deltaX : event.deltaY) / width);
      }
    };
    element.addEventListener("wheel", onWheel, { passive: false });
    return () => element.removeEventListener("wheel", onWheel);
  }, [rows.ref]);

  const drag = useRef<{ x: number; from: TimeRange } | null>(null);
  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    if ((event.target as HTMLElement).closest("button") || event.button !== 0) return;
    drag.current = { x: event.clientX, from: shown };
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    const shift = ((drag.current.x - event.clientX) / trackWidth) * (drag.current.from.to - drag.current.from.from);
    setWindow({ from: drag.current.from.from + shift, to: drag.current.from.to + shift });
  };
  const onPointerUp = () => {
    drag.current = null;
  };

  const ticks = ticksOf(shown.from, shown.from + span, trackWidth);
  const visible = lanes.slice(rows.first, rows.last);
  return (
    <section className="timeline" data-testid="timeline" aria-label="Timeline" aria-busy={loading !== null}>
      <div className="timeline-toolbar">
        <h2>Timeline</h2>
        {children}
        {loading && (
          <span className="hint" role="status" data-testid="timeline-loading">
            {loading}
          </span>
        )}
        <span className="timeline-buttons">
          <button type="button" aria-label="Zoom in" onClick={() => zoom(0.5)}>+</button>
          <button type="button" aria-label="Zoom out" onClick={() => zoom(2)}>−</button>
          <button type="button" aria-label="Earlier" onClick={() => pan(-0.25)}>←</button>
          <button type="button" aria-label="Later" onClick={() => pan(0.25)}>→</button>
          <button type="button" aria-label="Show the whole generation" onClick={() => setWindow(null)} aria-pressed={window_ === null}>Fit</button>
        </span>
      </div>
      <div className="timeline-axis" style={{ marginLeft: LABEL_WIDTH }} aria-hidden="true">
        {ticks.map((tick) => (
          <span key={tick.at} className="timeline-tick" style={{ left: x(tick.at) }}>
            {tick.label}
          </span>
        ))}
      </div>
      <OperatorLane marks={marks} x={x} trackWidth={trackWidth} labelWidth={LABEL_WIDTH} />
      <div className="timeline-lanes" style={{ height: lanesHeight(lanes.length, heightLimit) }} ref={rows.ref} onScroll={rows.onScroll} onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp} onPointerCancel={onPointerUp}>
        <div style={{ height: rows.totalHeight, position: "relative" }}>
          {visible.map((lane, i) => (
            <LaneRow key={lane.key} lane={lane} title={titles.get(lane.node)} top={(rows.first + i) * LANE_HEIGHT} x={x} trackWidth={trackWidth} selected={lane.key === selectedKey} onSelect={onSelect} />
          ))}
        </div>
        {lanes.length === 0 && !loading && <p className="hint">Nothing has run yet.</p>}
      </div>
    </section>
  );
}

interface LaneRowProps {
  lane: Lane;
  title: string | undefined;
  top: number;
  x(t: number): number;
  trackWidth: number;
  selected: boolean;
  onSelect(key: string): void;
}

function LaneRow({ lane, title: stepTitle, top, x, trackWidth, selected, onSelect }: LaneRowProps) {
  return (
    <div className={`timeline-lane${selected ? " selected" : ""}`} style={{ top, height: LANE_HEIGHT }} data-testid={`timeline-lane-${lane.key}`} data-state={lane.state}>
      <button type="button" className={`lane-label state-${lane.state}`} style={{ width: LABEL_WIDTH, paddingLeft: 6 + lane.depth * 12 }} onClick={() => onSelect(lane.key)} title={`${stepTitle ? `${stepTitle} (${lane.key})` : lane.key}: ${lane.state}`}>
        {/* Indented under its container's lane, which names the container: the rest of the key tells the iterations apart. */}
        <StepName id={stepTitle && lane.parent && lane.key.startsWith(lane.parent) ? lane.key.slice(lane.parent.length) : lane.key} title={stepTitle} />
      </button>
      <div className="lane-track">
        {lane.bars().map((bar) => {
          const left = x(bar.start);
          const right = x(bar.end);
          if (right < 0 || left > trackWidth) return null;
          // A bar drawn at least 3 px wide stays on the track even when it ends at the track's end.
          const clippedLeft = Math.min(Math.max(0, left), trackWidth - 3);
          const title = bar.title();
          return (
            <button
              type="button"
              key={bar.id}
              className={`bar bar-${bar.kind} state-${bar.state}${bar.open ? " open" : ""}`}
              style={{ left: clippedLeft, width: Math.max(3, Math.min(trackWidth, right) - clippedLeft) }}
              title={title}
              aria-label={title}
              data-testid="timeline-bar"
              data-attempt={bar.attempt}
              onClick={() => onSelect(lane.key)}
            />
          );
        })}
      </div>
    </div>
  );
}
