/**
 * The selected step: its state in words, times, every attempt (a sub-workflow step's with a link
 * to the child it started), and its input, output and error.
 * A step that runs in many places (map iterations) lists them to pick one.
 */
import type { InstanceProgress, Json, PlaceProgress } from "@flowcraft/engine";
import { Link } from "../lib/link.tsx";
import { choiceWords } from "./choice-words.ts";
import { StepName } from "./step-names.tsx";
import { nodeWords, placeWords, STATE_LABELS } from "./state-words.ts";
import { preciseTime } from "./time-words.ts";

/** Places listed for a node that runs in many; the timeline has all of them. */
const LISTED_PLACES = 200;

export interface Selection {
  node: string;
  /** One place of the node (a map iteration), or null for the node as a whole. */
  place: string | null;
}

interface StepPanelProps {
  progress: InstanceProgress | null;
  selection: Selection | null;
  /** Step titles by node id, shown before the ids. */
  titles: ReadonlyMap<string, string>;
  now: Date;
  onSelect(selection: Selection): void;
}

export function StepPanel({ progress, selection, titles, now, onSelect }: StepPanelProps) {
  const node = selection && progress?.nodes.get(selection.node);
  if (!selection || !progress || !node) {
    return (
      <aside className="step-panel" data-testid="step-panel" aria-label="Selected step">
        <p className="hint">Select a step on the canvas or a bar on the timeline to see its input, output and error.</p>
      </aside>
    );
  }
  const places = new Map(progress.places.map((place) => [place.key, place]));
  const placeKey = selection.place ?? (node.places.length === 1 ? node.places[0]! : null);
  const place = placeKey ? places.get(placeKey) : undefined;
  return (
    <aside className="step-panel" data-testid="step-panel" aria-label="Selected step">
      <h2>
        <StepName id={place ? place.key : node.node} title={titles.get(node.node)} /> <span className={`state-badge state-${(place ?? node).state}`}>{STATE_LABELS[(place ?? node).state]}</span>
      </h2>
      <p data-testid="step-words">{place ? placeWords(place, now, progress.suspended) : nodeWords(node, places, now, progress.suspended)}</p>
      {place ? <PlaceDetails place={place} /> : <PlaceList keys={node.places} places={places} title={titles.get(node.node)} onPick={(key) => onSelect({ node: node.node, place: key })} />}
      {selection.place && node.places.length > 1 && (
        <button type="button" onClick={() => onSelect({ node: node.node, place: null })}>
          All {node.places.length} places of {titles.get(node.node) ?? node.node}
        </button>
      )}
    </aside>
  );
}

function PlaceDetails({ place }: { place: PlaceProgress }) {
  const children = place.kind === "subworkflow";
  const child = place.attempts.findLast((attempt) => attempt.childId)?.childId;
  return (
    <>
      <dl className="step-times">
        {place.scheduledAt && <Time label="Scheduled" at={place.scheduledAt} />}
        {place.startedAt && <Time label="Started" at={place.startedAt} />}
        {place.endedAt && <Time label="Ended" at={place.endedAt} />}
        {place.maxAttempts !== undefined && place.attempts.length > 0 && (
          <>
            <dt>Attempt</dt>
            <dd data-testid="step-attempts">
              {place.attempts.at(-1)!.attempt} of {place.maxAttempts}
            </dd>
          </>
        )}
        {child && (
          <>
            <dt>Child instance</dt>
            <dd data-testid="step-child">
              <Link to={{ page: "instance", id: child }}>{child}</Link>
            </dd>
          </>
        )}
      </dl>
      {place.attempts.length > 1 && (
        <table className="attempts">
          <caption>Attempts</caption>
          <thead>
            <tr>
              <th>#</th>
              <th>started</th>
              <th>ended</th>
              <th>outcome</th>
              {children && <th>child</th>}
            </tr>
          </thead>
          <tbody>
            {place.attempts.map((attempt) => (
              <tr key={attempt.attempt}>
                <td>{attempt.attempt}</td>
                <td>{attempt.startedAt ? preciseTime(attempt.startedAt) : "—"}</td>
                <td>{attempt.endedAt ? preciseTime(attempt.endedAt) : "—"}</td>
                <td>{attempt.error ? `failed: ${attempt.error.message}` : attempt.outcome}</td>
                {children && <td>{attempt.childId ? <Link to={{ page: "instance", id: attempt.childId }}>{attempt.childId.slice(0, 8)}</Link> : "—"}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {place.choices && <Choices place={place} />}
      <JsonBlock title="Input" value={place.input} testId="step-input" />
      <JsonBlock title="Output" value={place.output} testId="step-output" />
      <JsonBlock title="Error" value={place.error as Json | undefined} testId="step-error" />
    </>
  );
}

/** Which way the run went here, and why; a map's items are listed in full below the words. */
function Choices({ place }: { place: PlaceProgress }) {
  const items = place.choices!.find((choice) => choice.of === "items");
  return (
    <>
      <h3>{place.kind === "decision" ? "Branch taken" : "Recorded choices"}</h3>
      <ul className="choices" data-testid="step-choices">
        {place.choices!.map((choice, index) => (
          <li key={index}>
            {choiceWords(choice)} <time dateTime={choice.at}>({preciseTime(choice.at)})</time>
          </li>
        ))}
      </ul>
      {items?.of === "items" && <JsonBlock title="Items" value={items.items} testId="step-items" />}
    </>
  );
}

function Time({ label, at }: { label: string; at: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <time dateTime={at}>{preciseTime(at)}</time>
      </dd>
    </>
  );
}

function JsonBlock({ title, value, testId }: { title: string; value: Json | undefined; testId: string }) {
  if (value === undefined) return null;
  return (
    <>
      <h3>{title}</h3>
      <pre data-testid={testId}>{JSON.stringify(value, null, 2)}</pre>
    </>
  );
}

interface PlaceListProps {
  keys: string[];
  places: Map<string, PlaceProgress>;
  /** The step's title, before each place's key. */
  title: string | undefined;
  onPick(key: string): void;
}

function PlaceList({ keys, places, title, onPick }: PlaceListProps) {
  if (keys.length === 0) return <p className="hint">It has not run in any place yet.</p>;
  return (
    <ul className="place-list">
      {keys.slice(0, LISTED_PLACES).map((key) => {
        const state = places.get(key)!.state;
        return (
          <li key={key}>
            <button type="button" onClick={() => onPick(key)}>
              <StepName id={key} title={title} /> <span className={`state-badge state-${state}`}>{STATE_LABELS[state]}</span>
            </button>
          </li>
        );
      })}
      {keys.length > LISTED_PLACES && <li className="hint">and {keys.length - LISTED_PLACES} more on the timeline</li>}
    </ul>
  );
}
