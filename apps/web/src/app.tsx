/** The first page: the published workflows, until the designer arrives. */
import { useEffect, useState } from "react";

interface WorkflowSummary {
  name: string;
  latestVersion: number;
  updatedAt: string;
}

export function App() {
  const [workflows, setWorkflows] = useState<WorkflowSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    fetch("/api/v1/workflows")
      .then(async (response) => {
        if (!response.ok) throw new Error(`the server answered ${response.status}`);
        setWorkflows(((await response.json()) as { workflows: WorkflowSummary[] }).workflows);
      })
      .catch((e: Error) => setError(e.message));
  }, []);

  return (
    <main style={{ fontFamily: "system-ui, sans-serif", maxWidth: 720, margin: "3rem auto", padding: "0 1rem" }}>
      <h1>Flowcraft</h1>
      <p>Durable workflows on Postgres. The REST API is described at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p>
      <h2>Workflows</h2>
      {error && <p role="alert">Could not load workflows: {error}</p>}
      {!workflows && !error && <p>Loading…</p>}
      {workflows && (
        <ul data-testid="workflow-list">
          {workflows.map((w) => (
            <li key={w.name}>
              <strong>{w.name}</strong> — version {w.latestVersion}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
