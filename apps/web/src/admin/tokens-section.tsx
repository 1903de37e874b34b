/**
 * API tokens for other systems: each carries the roles it is given, acts under its own name, and
 * is revoked here. A revoked token is refused at once.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { FormField } from "../auth/form-field.tsx";
import type { Role } from "@flowcraft/access";
import { fullTime } from "../instances/full-time.ts";
import { api, errorMessage } from "../lib/api.ts";
import { ErrorAlert } from "../lib/error-alert.tsx";
import { adminKeys, type ApiToken } from "./admin-types.ts";
import { NewTokenSecret } from "./new-token-secret.tsx";
import { RoleCheckboxes } from "./role-checkboxes.tsx";

export function TokensSection() {
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: adminKeys.tokens, queryFn: () => api.admin.tokens.list.query() });
  const [name, setName] = useState("");
  const [roles, setRoles] = useState<Role[]>([]);
  const refresh = () => queryClient.invalidateQueries({ queryKey: adminKeys.all });
  const create = useMutation({
    mutationFn: () => api.admin.tokens.create.mutate({ name: name.trim(), roles }),
    onSuccess: () => {
      setName("");
      setRoles([]);
    },
    onSettled: refresh,
  });
  const revoke = useMutation({ mutationFn: (token: ApiToken) => api.admin.tokens.revoke.mutate({ id: token.id }), onSettled: refresh });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <section className="admin-section" aria-labelledby="tokens-title">
      <h2 id="tokens-title">API tokens</h2>
      <p className="hint">Other systems send a token as <code>Authorization: Bearer fc_…</code>; it may do what its roles allow.</p>
      {create.data && <NewTokenSecret name={create.data.token.name} secret={create.data.secret} onDone={() => create.reset()} />}
      {tokens.isError && <p role="alert">Could not load tokens: {errorMessage(tokens.error)}</p>}
      {tokens.data && tokens.data.length === 0 && <p className="empty">No tokens yet.</p>}
      {tokens.data && tokens.data.length > 0 && (
        <table className="admin-table" data-testid="token-list">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Roles</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.map((token) => (
              <tr key={token.id} data-testid={`token-row-${token.name}`}>
                <td>{token.name}</td>
                <td>{token.roles.join(", ") || "none (may only read)"}</td>
                <td>
                  {fullTime(token.createdAt)} by {token.createdBy}
                </td>
                <td>{token.lastUsedAt ? fullTime(token.lastUsedAt) : "never"}</td>
                <td data-testid="token-state">
                  {token.revoked ? (
                    "revoked"
                  ) : (
                    <button
                      type="button"
                      data-testid="revoke-token"
                      aria-label={`Revoke ${token.name}`}
                      disabled={revoke.isPending}
                      onClick={() => window.confirm(`Revoke the token ${token.name}? Systems using it are refused from now on.`) && revoke.mutate(token)}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ErrorAlert error={revoke.error} />
      <form className="admin-form" onSubmit={submit} aria-label="New API token" data-testid="new-token-form">
        <h3>New API token</h3>
        <div className="admin-form-fields">
          <FormField label="Name" testId="new-token-name" value={name} onChange={setName} autoComplete="off" hint="Which system uses it, e.g. billing; recorded as who acts." />
        </div>
        <RoleCheckboxes legend="Roles (none: may only read)" value={roles} onChange={setRoles} testId="new-token-roles" />
        <ErrorAlert error={create.error} />
        <button type="submit" className="primary" data-testid="new-token-submit" disabled={create.isPending || name.trim() === ""}>
          Create token
        </button>
      </form>
    </section>
  );
}
