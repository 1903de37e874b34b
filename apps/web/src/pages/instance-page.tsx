/** One instance: its status, input, output and failure, refreshed while it runs. */
import { useQuery } from "@tanstack/react-query";
import { api, errorMessage } from "../lib/api.ts";
import { Link } from "../lib/link.tsx";

const TERMINAL = new Set(["COMPLETED", "FAILED", "TERMINATED"]);
/** How often a running instance is re-read. */
const REFRESH_MS = 1_000;

export function InstancePage({ id }: { id: string }) {
  const instance = useQuery({
    queryKey: ["instance", id],
    queryFn: () => api.instances.get.query({ id }),
    refetchInterval: (query) => (query.state.data && TERMINAL.has(query.state.data.runtimeStatus) ? false : REFRESH_MS),
  });
  if (instance.isError) return <main className="page" role="alert">Could not load instance {id}: {errorMessage(instance.error)}</main>;
  const view = instance.data;
  if (!view) return <main className="page">Loading…</main>;
  return (
    <main className="page" data-testid="instance-page">
      <p>
        <Link to={{ page: "workflows" }}>Workflows</Link> / <Link to={{ page: "designer", name: view.workflowName }}>{view.workflowName}</Link>
      </p>
      <h1>Instance {view.instanceId}</h1>
      <dl className="instance-facts">
        <dt>Status</dt>
        <dd data-testid="instance-status">{view.runtimeStatus}</dd>
        <dt>Version</dt>
        <dd>{view.workflowVersion}</dd>
        <dt>Started</dt>
        <dd>{new Date(view.createdAt).toLocaleString()}</dd>
        <dt>Custom status</dt>
        <dd>{JSON.stringify(view.customStatus)}</dd>
      </dl>
      <h2>Input</h2>
      <pre>{JSON.stringify(view.input, null, 2)}</pre>
      {view.output !== null && (
        <>
          <h2>Output</h2>
          <pre data-testid="instance-output">{JSON.stringify(view.output, null, 2)}</pre>
        </>
      )}
      {view.failure !== null && (
        <>
          <h2>Failure</h2>
          <pre>{JSON.stringify(view.failure, null, 2)}</pre>
        </>
      )}
    </main>
  );
}
