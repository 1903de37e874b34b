/** The people who may sign in: their roles and groups, and adding more. */
import { useQuery } from "@tanstack/react-query";
import { api, errorMessage } from "../lib/api.ts";
import { AccountRow } from "./account-row.tsx";
import { adminKeys } from "./admin-types.ts";
import { NewAccountForm } from "./new-account-form.tsx";

export function AccountsSection() {
  const accounts = useQuery({ queryKey: adminKeys.accounts, queryFn: () => api.admin.accounts.list.query() });
  return (
    <section className="admin-section" aria-labelledby="accounts-title">
      <h2 id="accounts-title">Accounts</h2>
      {accounts.isError && <p role="alert">Could not load accounts: {errorMessage(accounts.error)}</p>}
      {accounts.data && (
        <table className="admin-table" data-testid="account-list">
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Roles</th>
              <th scope="col">Groups</th>
              <th scope="col">State</th>
              <th scope="col">Changes</th>
            </tr>
          </thead>
          <tbody>
            {accounts.data.map((account) => (
              // Keyed by what the row edits: saved elsewhere, it starts over from the server's values.
              <AccountRow key={`${account.id}:${account.roles.join()}:${account.groups.join()}`} account={account} />
            ))}
          </tbody>
        </table>
      )}
      <NewAccountForm />
    </section>
  );
}
