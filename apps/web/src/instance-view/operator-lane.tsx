/**
 * The timeline's operator lane: a mark at the time of each thing a person did (suspend, resume,
 * terminate, raise an event, decide an approval, re-run), saying who on hover; a click shows the
 * words below the lane, with links to the instances a re-run connects.
 */
import { useState } from "react";
import { Link } from "../lib/link.tsx";
import { plainWords, type OperatorMark, type WordPart } from "./operator-marks.ts";

/** Half a mark's width: the mark is centred on its time. */
const MARK_HALF_PX = 5;

interface OperatorLaneProps {
  marks: OperatorMark[];
  x(t: number): number;
  trackWidth: number;
  labelWidth: number;
}

export function OperatorLane({ marks, x, trackWidth, labelWidth }: OperatorLaneProps) {
  const [selectedSeq, setSelectedSeq] = useState<number | null>(null);
  if (marks.length === 0) return null;
  const selected = marks.find((mark) => mark.seq === selectedSeq);
  return (
    <div className="timeline-operator" data-testid="timeline-operator-lane">
      <div className="timeline-operator-row">
        <span className="lane-label operator-label" style={{ width: labelWidth }}>
          Operator
        </span>
        <div className="lane-track">
          {marks.map((mark) => {
            const at = x(mark.at);
            if (at < -MARK_HALF_PX || at > trackWidth + MARK_HALF_PX) return null;
            const words = plainWords(mark.parts);
            return (
              <button
                type="button"
                key={mark.seq}
                className={`operator-mark operator-${mark.action}${mark.seq === selectedSeq ? " selected" : ""}`}
                style={{ left: Math.min(trackWidth - 2 * MARK_HALF_PX, Math.max(0, at - MARK_HALF_PX)) }}
                title={words}
                aria-label={words}
                aria-pressed={mark.seq === selectedSeq}
                data-testid="operator-mark"
                data-action={mark.action}
                onClick={() => setSelectedSeq(mark.seq === selectedSeq ? null : mark.seq)}
              />
            );
          })}
        </div>
      </div>
      {selected && (
        <p className="operator-detail" data-testid="operator-detail" style={{ marginLeft: labelWidth }}>
          <Words parts={selected.parts} /> <span className="hint">(event {selected.seq})</span>
        </p>
      )}
    </div>
  );
}

/** Words with each instance they name as a link to it. */
export function Words({ parts }: { parts: readonly WordPart[] }) {
  return (
    <>
      {parts.map((part, i) =>
        typeof part === "string" ? (
          part
        ) : (
          <Link key={i} to={{ page: "instance", id: part.instanceId }}>
            {part.instanceId}
          </Link>
        ),
      )}
    </>
  );
}
