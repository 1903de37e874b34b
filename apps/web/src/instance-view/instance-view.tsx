/**
 * The instance view: the definition with each step's state, the timeline, the raw history and a
 * replay slider, all computed by the engine from the history prefix the slider selects, and kept
 * live by server push.
 */
import { allGraphs } from "@flowcraft/definition";
import { useMemo, useRef, useState } from "react";
import { InstanceApprovals } from "../approvals/instance-approvals.tsx";
import { InstanceActions } from "../instances/instance-actions.tsx";
import { InstanceLinks } from "../instances/instance-links.tsx";
import { Link } from "../lib/link.tsx";
import { HistoryList } from "./history-list.tsx";
import { InstanceFacts } from "./instance-facts.tsx";
import { generationAt, generationsOf, indexAtSeq, type Generation } from "./replay-model.ts";
import { operatorMarksOf } from "./operator-marks.ts";
import { ReplayScrubber } from "./replay-scrubber.tsx";
import { StateCanvas } from "./state-canvas.tsx";
import { SplitHandle } from "./split-handle.tsx";
import { StepPanel, type Selection } from "./step-panel.tsx";
import { stepTitlesOf } from "./step-names.tsx";
import { Timeline, lanesHeight } from "./timeline.tsx";
import { lanesOf } from "./timeline-model.ts";
import type { InstanceFeed } from "./instance-feed.ts";
import { usePaneSizes } from "./pane-sizes.ts";
import { useInstanceFeed } from "./use-instance-feed.ts";
import { useNow } from "./use-now.ts";
import { useProgress } from "./use-progress.ts";
import "./instance-view.css";

export function InstanceView({ id }: { id: string }) {
  const feed = useInstanceFeed(id);
  const { instance, events } = feed;
  const definition = feed.definition ?? undefined;

  const [position, setPosition] = useState<number | "live">("live");
  const live = position === "live";
  const generations = useMemo(() => generationsOf(events), [events]);
  const index = live ? events.length - 1 : indexAtSeq(events, position);
  const generation = generationAt(generations, index);
  // History only grows: a held position keeps its prefix while new events arrive.
  const eventsNow = useRef(events);
  eventsNow.current = events;
  const prefix = useMemo(() => (generation ? eventsNow.current.slice(generation.firstIndex, index + 1) : []), [generation?.firstIndex, index]); // eslint-disable-line react-hooks/exhaustive-deps
  // Replayed once the backlog is in: a part of the history would show a state the instance never had as its latest.
  const { progress, problem } = useProgress(feed.complete ? definition : undefined, prefix);
  const loading = loadingWords(feed, definition !== undefined, progress !== null, problem);

  const running = live && progress !== null && progress.ending === null;
  const clock = useNow(running);
  const lastAt = prefix.at(-1)?.at;
  // Replaying, the view stands at the time of the event it shows.
  const now = running || !lastAt ? clock : new Date(lastAt);
  const range = { from: prefix[0] ? Date.parse(prefix[0].at) : now.getTime(), to: now.getTime() };
  const marks = useMemo(() => operatorMarksOf(prefix), [prefix]);
  const lanes = useMemo(() => (progress ? lanesOf(progress, now.getTime()) : []), [progress, now.getTime()]); // eslint-disable-line react-hooks/exhaustive-deps

  const [selection, setSelection] = useState<Selection | null>(null);
  const selectPlace = (key: string) => {
    const place = progress?.places.find((candidate) => candidate.key === key);
    if (place) setSelection({ node: place.node, place: key });
  };
  const steps = useMemo(() => (definition ? allGraphs(definition).flatMap(({ graph }) => Object.keys(graph.nodes)) : []), [definition]);
  const titles = useMemo(() => stepTitlesOf(definition), [definition]);
  const { sizes, resize } = usePaneSizes();
  // The handle moves from where the lanes end: they stop at the last lane when it fits under the limit.
  const timelineHeight = lanesHeight(lanes.length, sizes.timeline);

  if (!instance) {
    return (
      <main className="page" data-testid="instance-page" {...(feed.error ? { role: "alert" } : {})}>
        {feed.error ? `Could not load instance ${id}: ${feed.error}` : "Loading…"}
      </main>
    );
  }
  return (
    <main className="instance-page" data-testid="instance-page">
      <div className="instance-view" data-testid="instance-view">
        <header className="instance-header">
          <p className="crumbs">
            <Link to={{ page: "workflows" }}>Workflows</Link> / <Link to={{ page: "designer", name: instance.workflowName }}>{instance.workflowName}</Link>
          </p>
          <h1>Instance {instance.instanceId}</h1>
          {instance.test && (
            <p className="test-run-banner" role="note" data-testid="test-run-banner">
              <strong>Test run of a draft.</strong> It runs the draft of {instance.workflowName} as it was when the test started, not a published version, and the
              instances list leaves it out unless test runs are included.
            </p>
          )}
          {feed.error && <p className="error" role="alert">Live updates interrupted: {feed.error}</p>}
          <InstanceFacts instance={instance} />
          <InstanceLinks instanceId={instance.instanceId} />
          <InstanceApprovals instanceId={instance.instanceId} />
          <details className="instance-steer">
            <summary>Steer and re-run</summary>
            <InstanceActions instance={instance} />
          </details>
        </header>
        <ReplayScrubber events={events} index={index} live={live} onChange={setPosition} />
        {problem && (
          <p className="message error replay-problem" role="alert" data-testid="replay-problem">
            The steps' states cannot be shown: {problem}. The history below is complete.
          </p>
        )}
        <div className="instance-main" style={{ height: sizes.graph }} data-testid="instance-graph-pane">
          {definition ? (
            <StateCanvas definition={definition} progress={progress} now={now} selectedNode={selection?.node ?? null} onSelect={(node) => setSelection({ node, place: null })} />
          ) : (
            <div className="canvas state-canvas">{feed.complete ? "The workflow definition of this instance is gone." : "Loading the definition…"}</div>
          )}
          <StepPanel progress={progress} selection={selection} titles={titles} now={now} onSelect={setSelection} />
        </div>
        <SplitHandle pane="graph" label="Resize the graph" size={sizes.graph} onResize={resize} />
        <Timeline lanes={lanes} titles={titles} heightLimit={sizes.timeline} range={range} marks={marks} loading={loading} selectedKey={selection?.place ?? null} onSelect={selectPlace}>
          <GenerationNav generations={generations} current={generation} onGo={(target) => setPosition(target === generations.at(-1) ? "live" : target.lastSeq)} />
        </Timeline>
        <SplitHandle pane="timeline" label="Resize the timeline" size={timelineHeight} onResize={resize} />
        <HistoryList events={events} lastSeq={feed.lastSeq} steps={steps} titles={titles} height={sizes.history} position={events[index]?.seq ?? 0} replaying={!live} onReplayTo={(seq) => setPosition(seq === events.at(-1)?.seq ? "live" : seq)} />
        <SplitHandle pane="history" label="Resize the history" size={sizes.history} onResize={resize} />
      </div>
    </main>
  );
}

/** What the view still waits for before its models show the instance, or null once they do. */
function loadingWords(feed: InstanceFeed, hasDefinition: boolean, hasProgress: boolean, problem: string | null): string | null {
  if (!feed.complete) return `Loading the history: ${feed.events.length.toLocaleString()} of ${feed.lastSeq.toLocaleString()} events…`;
  if (!hasDefinition) return "Loading the workflow definition…";
  if (!hasProgress) return problem ? "The history could not be replayed (see above)." : "Replaying the history…";
  return null;
}

function GenerationNav({ generations, current, onGo }: { generations: Generation[]; current: Generation | undefined; onGo(generation: Generation): void }) {
  if (generations.length < 2) return <span className="hint">generation {current?.number ?? 1}</span>;
  const at = current ? generations.indexOf(current) : generations.length - 1;
  return (
    <span className="generation-nav" role="group" aria-label="Generations" data-testid="generation-nav">
      <button type="button" aria-label="Previous generation" disabled={at <= 0} onClick={() => onGo(generations[at - 1]!)}>
        ‹
      </button>
      <span data-testid="generation-current">
        generation {current?.number} ({at + 1} of {generations.length})
      </span>
      <button type="button" aria-label="Next generation" disabled={at >= generations.length - 1} onClick={() => onGo(generations[at + 1]!)}>
        ›
      </button>
    </span>
  );
}
