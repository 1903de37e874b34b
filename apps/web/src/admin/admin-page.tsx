/** `/admin`: accounts, API tokens and the audit log, for admins only. */
import { useRefusal } from "../auth/permissions.ts";
import { AccountsSection } from "./accounts-section.tsx";
import { AuditSection } from "./audit-section.tsx";
import { SecretsSection } from "./secrets-section.tsx";
import { TokensSection } from "./tokens-section.tsx";
import "./admin.css";

export function AdminPage() {
  const notAdmin = useRefusal("administer");
  return (
    <main className="page wide" data-testid="admin-page">
      <h1>Admin</h1>
      {notAdmin ? (
        <p role="alert">{notAdmin}.</p>
      ) : (
        <>
          <AccountsSection />
          <TokensSection />
          <SecretsSection />
          <AuditSection />
        </>
      )}
    </main>
  );
}
