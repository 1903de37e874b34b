/** Adds an account: username, display name, a first password and its roles and groups. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { FormField } from "../auth/form-field.tsx";
import { MIN_PASSWORD_LENGTH, USERNAME_WORDS } from "@flowcraft/access";
import type { Role } from "@flowcraft/access";
import { api } from "../lib/api.ts";
import { ErrorAlert } from "../lib/error-alert.tsx";
import { adminKeys, parseList } from "./admin-types.ts";
import { RoleCheckboxes } from "./role-checkboxes.tsx";

export function NewAccountForm() {
  const queryClient = useQueryClient();
  const [username, setUsername] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [password, setPassword] = useState("");
  const [roles, setRoles] = useState<Role[]>([]);
  const [groups, setGroups] = useState("");
  const create = useMutation({
    mutationFn: () =>
      api.admin.accounts.create.mutate({ username: username.trim(), password, roles, groups: parseList(groups), ...(displayName.trim() ? { displayName: displayName.trim() } : {}) }),
    onSuccess: () => {
      setUsername("");
      setDisplayName("");
      setPassword("");
      setRoles([]);
      setGroups("");
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.all }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <form className="admin-form" onSubmit={submit} aria-label="New account" data-testid="new-account-form">
      <h3>New account</h3>
      <div className="admin-form-fields">
        <FormField label="Username" testId="new-account-username" value={username} onChange={setUsername} autoComplete="off" hint={USERNAME_WORDS} />
        <FormField label="Display name (optional)" testId="new-account-display-name" value={displayName} onChange={setDisplayName} autoComplete="off" />
        <FormField
          label="Password"
          testId="new-account-password"
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="new-password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters; tell it to the person, who can change it from the account menu.`}
        />
        <FormField label="Groups (optional)" testId="new-account-groups" value={groups} onChange={setGroups} autoComplete="off" hint="Comma-separated, e.g. managers, finance" />
      </div>
      <RoleCheckboxes legend="Roles (none: may only look)" value={roles} onChange={setRoles} testId="new-account-roles" />
      <ErrorAlert error={create.error} />
      {create.isSuccess && (
        <p className="hint" role="status">
          Account {create.data.username} created.
        </p>
      )}
      <button type="submit" className="primary" data-testid="new-account-submit" disabled={create.isPending || username.trim() === "" || password === ""}>
        Create account
      </button>
    </form>
  );
}
