/** The instance's status, version, times, the schedule that started it, custom status, input, output and failure. */
import { fullTime } from "../instances/full-time.ts";
import { Link } from "../lib/link.tsx";
import type { InstanceView } from "./instance-feed.ts";

export function InstanceFacts({ instance }: { instance: InstanceView }) {
  return (
    <div className="instance-facts-row">
      <dl className="instance-facts">
        <dt>Status</dt>
        <dd>
          <span className={`status status-${instance.runtimeStatus}`} data-testid="instance-status">
            {instance.runtimeStatus}
          </span>
        </dd>
        <dt>Version</dt>
        <dd>{instance.test ? "a draft (test run)" : instance.workflowVersion}</dd>
        <dt>Started</dt>
        <dd>{fullTime(instance.createdAt)}</dd>
        {instance.schedule && (
          <>
            <dt>Scheduled</dt>
            <dd data-testid="instance-schedule">
              by <Link to={{ page: "designer", name: instance.workflowName }}>{instance.schedule.scheduleId}</Link>, the run of{" "}
              <time dateTime={instance.schedule.scheduledAt}>{fullTime(instance.schedule.scheduledAt)}</time>
            </dd>
          </>
        )}
        <dt>Generation</dt>
        <dd>{instance.generation}</dd>
        <dt>Custom status</dt>
        <dd>
          <code>{JSON.stringify(instance.customStatus)}</code>
        </dd>
      </dl>
      <details className="instance-data">
        <summary>Input</summary>
        <pre>{JSON.stringify(instance.input, null, 2)}</pre>
      </details>
      {instance.output !== null && (
        <details className="instance-data" open>
          <summary>Output</summary>
          <pre data-testid="instance-output">{JSON.stringify(instance.output, null, 2)}</pre>
        </details>
      )}
      {instance.failure !== null && (
        <details className="instance-data instance-failure" open>
          <summary>Failure</summary>
          {/* In words: the message says why (a limit, a quarantine), and JSON would cut it off at the box's edge. */}
          <p data-testid="instance-failure">
            <strong>{instance.failure.name}</strong>
            {instance.failure.node && (
              <>
                {" "}at <code>{instance.failure.node}</code>
              </>
            )}
            : {instance.failure.message}
          </p>
        </details>
      )}
    </div>
  );
}
