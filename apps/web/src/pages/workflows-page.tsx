/** The workflow list: open, create, rename, duplicate, and delete drafts. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useRefusal } from "../auth/permissions.ts";
import { api, errorMessage } from "../lib/api.ts";
import { Link } from "../lib/link.tsx";
import { navigate } from "../lib/router.ts";

export function WorkflowsPage() {
  const queryClient = useQueryClient();
  const workflows = useQuery({ queryKey: ["drafts"], queryFn: () => api.drafts.list.query() });
  const [newName, setNewName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const notDesigner = useRefusal("design");
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["drafts"] });
  const run = useMutation({
    mutationFn: (action: () => Promise<unknown>) => action(),
    onSuccess: () => {
      setError(null);
      return refresh();
    },
    onError: (e) => setError(errorMessage(e)),
  });

  const ask = (question: string, initial: string) => window.prompt(question, initial)?.trim() || null;

  return (
    <main className="page">
      <h1>Flowcraft</h1>
      <p>
        Durable workflows on Postgres. The REST API is described at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
      </p>
      <form
        className="create-workflow"
        onSubmit={(e) => {
          e.preventDefault();
          const name = newName.trim();
          if (!name) return;
          run.mutate(async () => {
            await api.drafts.create.mutate({ name });
            navigate({ page: "designer", name });
          });
        }}
      >
        <label htmlFor="new-workflow-name">New workflow</label>
        <input
          id="new-workflow-name"
          data-testid="new-workflow-name"
          value={newName}
          onChange={(e) => setNewName(e.target.value)}
          placeholder="name, e.g. order-fulfilment"
          disabled={notDesigner !== null}
          aria-describedby={notDesigner ? "new-workflow-refused" : undefined}
        />
        <button type="submit" data-testid="create-workflow" disabled={notDesigner !== null} title={notDesigner ?? undefined}>
          Create
        </button>
        {notDesigner && (
          <span id="new-workflow-refused" className="hint">
            {notDesigner}.
          </span>
        )}
      </form>
      {error && (
        <p className="error" role="alert" data-testid="workflows-error">
          {error}
        </p>
      )}
      <h2>Workflows</h2>
      {workflows.isError && <p role="alert">Could not load workflows: {errorMessage(workflows.error)}</p>}
      {!workflows.data && !workflows.isError && <p>Loading…</p>}
      {workflows.data && (
        <table className="workflow-table" data-testid="workflow-list">
          <thead>
            <tr>
              <th>Name</th>
              <th>Published</th>
              <th>Draft</th>
              <th>Actions</th>
            </tr>
          </thead>
          <tbody>
            {workflows.data.map((w) => (
              <tr key={w.name} data-testid={`workflow-${w.name}`}>
                <td>
                  <Link to={{ page: "designer", name: w.name }}>{w.name}</Link>
                </td>
                <td>{w.latestVersion > 0 ? `version ${w.latestVersion}` : "never"}</td>
                <td>{w.hasDraft ? "unpublished changes" : "—"}</td>
                <td className="actions">
                  <button
                    type="button"
                    disabled={notDesigner !== null || w.latestVersion > 0}
                    title={notDesigner ?? (w.latestVersion > 0 ? "Published workflows keep their name: instances refer to it. Duplicate instead." : undefined)}
                    onClick={() => {
                      const to = ask(`Rename ${w.name} to`, w.name);
                      if (to && to !== w.name) run.mutate(() => api.drafts.rename.mutate({ name: w.name, newName: to }));
                    }}
                  >
                    Rename
                  </button>
                  <button
                    type="button"
                    disabled={notDesigner !== null}
                    title={notDesigner ?? undefined}
                    onClick={() => {
                      const to = ask(`Name of the copy of ${w.name}`, `${w.name}-copy`);
                      if (to) run.mutate(() => api.drafts.duplicate.mutate({ name: w.name, newName: to }));
                    }}
                  >
                    Duplicate
                  </button>
                  <button
                    type="button"
                    disabled={notDesigner !== null || !w.hasDraft}
                    title={notDesigner ?? (w.hasDraft ? undefined : "Only drafts can be deleted; published versions stay")}
                    onClick={() => {
                      if (window.confirm(`Delete the draft of ${w.name}?${w.latestVersion > 0 ? " Published versions stay." : ""}`)) {
                        run.mutate(() => api.drafts.remove.mutate({ name: w.name }));
                      }
                    }}
                  >
                    Delete draft
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
