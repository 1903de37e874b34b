/**
 * Secrets for http steps: set by name with the hosts they may be sent to, replaced or removed
 * here. A value goes in and is never shown again; steps use it as `{{secret:<name>}}`.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { FormField } from "../auth/form-field.tsx";
import { fullTime } from "../instances/full-time.ts";
import { api, errorMessage } from "../lib/api.ts";
import { ErrorAlert } from "../lib/error-alert.tsx";
import { adminKeys, parseList } from "./admin-types.ts";

export function SecretsSection() {
  const queryClient = useQueryClient();
  const secrets = useQuery({ queryKey: adminKeys.secrets, queryFn: () => api.admin.secrets.list.query() });
  const [name, setName] = useState("");
  const [value, setValue] = useState("");
  const [hosts, setHosts] = useState("");
  const refresh = () => queryClient.invalidateQueries({ queryKey: adminKeys.all });
  const save = useMutation({
    mutationFn: () => api.admin.secrets.set.mutate({ name: name.trim(), value, hosts: parseList(hosts) }),
    onSuccess: () => {
      setName("");
      setValue("");
      setHosts("");
    },
    onSettled: refresh,
  });
  const remove = useMutation({ mutationFn: (secret: string) => api.admin.secrets.remove.mutate({ name: secret }), onSettled: refresh });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <section className="admin-section" aria-labelledby="secrets-title">
      <h2 id="secrets-title">Secrets</h2>
      <p className="hint">
        An http step writes <code>{"{{secret:name}}"}</code> in its url, headers or body; the worker fills it in only for the hosts the secret is bound to.
      </p>
      {secrets.isError && <p role="alert">Could not load secrets: {errorMessage(secrets.error)}</p>}
      {secrets.data && secrets.data.length === 0 && <p className="empty">No secrets yet.</p>}
      {secrets.data && secrets.data.length > 0 && (
        <table className="admin-table" data-testid="secret-list">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Sent only to</th>
              <th scope="col">Last set</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {secrets.data.map((secret) => (
              <tr key={secret.name} data-testid={`secret-row-${secret.name}`}>
                <td>{secret.name}</td>
                <td>{secret.hosts.join(", ")}</td>
                <td>
                  {fullTime(secret.updatedAt)} by {secret.updatedBy}
                </td>
                <td>
                  <button
                    type="button"
                    aria-label={`Remove ${secret.name}`}
                    disabled={remove.isPending}
                    onClick={() => window.confirm(`Remove the secret ${secret.name}? Steps that use it fail from now on.`) && remove.mutate(secret.name)}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ErrorAlert error={remove.error} />
      <form className="admin-form" onSubmit={submit} aria-label="Set a secret" data-testid="new-secret-form">
        <h3>Set a secret</h3>
        <div className="admin-form-fields">
          <FormField label="Name" testId="new-secret-name" value={name} onChange={setName} autoComplete="off" hint="Setting an existing name replaces its value and hosts." />
          <FormField label="Value" testId="new-secret-value" type="password" value={value} onChange={setValue} autoComplete="off" hint="Never shown again." />
          <FormField label="Hosts" testId="new-secret-hosts" value={hosts} onChange={setHosts} autoComplete="off" hint="Where it may be sent: api.example.com, or *.example.com for its subdomains." />
        </div>
        <ErrorAlert error={save.error} />
        <button type="submit" className="primary" data-testid="new-secret-submit" disabled={save.isPending || name.trim() === "" || value === "" || hosts.trim() === ""}>
          Set secret
        </button>
      </form>
    </section>
  );
}
