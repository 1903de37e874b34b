/**
 * The designer's test run: its status, a link to its instance page, and its steps' states over the
 * canvas being edited (which can be hidden), derived from its live history as the instance view
 * derives them.
 */
import type { StepState } from "@flowcraft/engine";
import { useEffect, useMemo, useState } from "react";
import { generationsOf } from "../instance-view/replay-model.ts";
import { useInstanceFeed } from "../instance-view/use-instance-feed.ts";
import { useProgress } from "../instance-view/use-progress.ts";
import { Link } from "../lib/link.tsx";
import { useTestRunOverlay } from "./test-run-overlay.ts";
import "./test-run.css";

export function TestRunBar({ instanceId, onClose }: { instanceId: string; onClose(): void }) {
  const feed = useInstanceFeed(instanceId);
  // The current generation: a monitor that continued as new shows where it is now.
  const events = useMemo(() => {
    const current = generationsOf(feed.events).at(-1);
    return current ? feed.events.slice(current.firstIndex) : [];
  }, [feed.events]);
  const { progress, problem } = useProgress(feed.complete ? (feed.definition ?? undefined) : undefined, events);
  const [overlay, setOverlay] = useState(true);
  const show = useTestRunOverlay((s) => s.show);

  const states = useMemo(() => (progress ? new Map<string, StepState>([...progress.nodes].map(([node, step]) => [node, step.state])) : null), [progress]);
  useEffect(() => show(overlay ? states : null), [overlay, states, show]);
  useEffect(() => () => show(null), [show]);

  const instance = feed.instance;
  return (
    <section className="test-run-bar" data-testid="test-run-bar" aria-label="Test run">
      <strong>Test run</strong>
      <Link to={{ page: "instance", id: instanceId }} data-testid="test-run-link">
        {instanceId}
      </Link>
      <span className={`status status-${instance?.runtimeStatus ?? "PENDING"}`} data-testid="test-run-status" aria-live="polite">
        {instance?.runtimeStatus ?? "starting"}
      </span>
      {instance?.failure && (
        <span className="test-run-failure" title={instance.failure.message}>
          {instance.failure.node ? `at ${instance.failure.node}: ` : ""}
          {instance.failure.message}
        </span>
      )}
      {(feed.error ?? problem) && <span className="error">{feed.error ?? problem}</span>}
      <span className="spacer" />
      <button type="button" data-testid="test-run-overlay" aria-pressed={overlay} onClick={() => setOverlay((on) => !on)}>
        {overlay ? "Hide states on canvas" : "Show states on canvas"}
      </button>
      <button type="button" aria-label="Close the test run" onClick={onClose}>
        ×
      </button>
    </section>
  );
}
