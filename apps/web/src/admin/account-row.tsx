/** One account in the admin list: its roles and groups changed in place, a new password set, and disabling or enabling it. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Account } from "../auth/auth-requests.ts";
import type { Role } from "@flowcraft/access";
import { refreshSession, useAccount } from "../auth/session.ts";
import { api } from "../lib/api.ts";
import { ErrorAlert } from "../lib/error-alert.tsx";
import { adminKeys, parseList } from "./admin-types.ts";
import { RoleCheckboxes } from "./role-checkboxes.tsx";

export function AccountRow({ account }: { account: Account }) {
  const queryClient = useQueryClient();
  const me = useAccount();
  const [roles, setRoles] = useState<Role[]>(account.roles);
  const [groups, setGroups] = useState(account.groups.join(", "));
  const update = useMutation({
    mutationFn: (change: { roles?: Role[]; groups?: string[]; disabled?: boolean }) => api.admin.accounts.update.mutate({ username: account.username, ...change }),
    // An admin changing their own roles or groups sees every page follow at once.
    onSuccess: () => (account.username === me.username ? refreshSession() : undefined),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.all }),
  });
  const [password, setPassword] = useState("");
  const resetPassword = useMutation({
    mutationFn: () => api.admin.accounts.setPassword.mutate({ username: account.username, password }),
    onSuccess: () => setPassword(""),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.all }),
  });
  const changed = roles.join() !== account.roles.join() || parseList(groups).sort().join() !== account.groups.join();
  // Disabling yourself would end your own session with no admin left to undo it.
  const yourself = account.username === me.username;

  return (
    <tr data-testid={`account-row-${account.username}`} className={account.disabled ? "disabled-account" : undefined}>
      <td>
        <strong>{account.username}</strong>
        {account.displayName !== account.username && <div className="hint">{account.displayName}</div>}
      </td>
      <td>
        <RoleCheckboxes legend={`Roles of ${account.username}`} value={roles} onChange={setRoles} testId="account-roles" />
      </td>
      <td>
        <label className="visually-hidden" htmlFor={`groups-${account.id}`}>
          Groups of {account.username}
        </label>
        <input id={`groups-${account.id}`} data-testid="account-groups" value={groups} onChange={(event) => setGroups(event.target.value)} placeholder="no groups" />
      </td>
      <td data-testid="account-state">{account.disabled ? "disabled" : "active"}</td>
      <td>
        <div className="actions">
          <button type="button" data-testid="account-save" aria-label={`Save changes to ${account.username}`} disabled={!changed || update.isPending} onClick={() => update.mutate({ roles, groups: parseList(groups) })}>
            Save changes
          </button>
          <button
            type="button"
            data-testid="account-disable"
            aria-label={`${account.disabled ? "Enable" : "Disable"} ${account.username}`}
            disabled={yourself || update.isPending}
            title={yourself ? "You cannot disable your own account" : account.disabled ? "Lets the account sign in again" : "Ends its sessions and refuses its sign-ins"}
            onClick={() => update.mutate({ disabled: !account.disabled })}
          >
            {account.disabled ? "Enable" : "Disable"}
          </button>
          <ErrorAlert error={update.error} inline />
        </div>
        <form
          className="actions"
          aria-label={`New password for ${account.username}`}
          onSubmit={(event) => {
            event.preventDefault();
            resetPassword.mutate();
          }}
        >
          <label className="visually-hidden" htmlFor={`password-${account.id}`}>
            New password for {account.username}
          </label>
          <input
            id={`password-${account.id}`}
            type="password"
            autoComplete="new-password"
            data-testid="account-new-password"
            placeholder="new password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <button type="submit" data-testid="account-set-password" disabled={password === "" || resetPassword.isPending} title="Signs the account out everywhere">
            Set password
          </button>
          {resetPassword.isSuccess && (
            <span className="hint" role="status">
              Password set; {account.username} signs in with it from now on.
            </span>
          )}
          <ErrorAlert error={resetPassword.error} inline />
        </form>
      </td>
    </tr>
  );
}
