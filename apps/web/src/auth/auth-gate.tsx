/** Shows the first-run set-up, the sign-in page, or, once someone is signed in, the app. */
import { useEffect } from "react";
import { App } from "../app.tsx";
import { loadSession, useSession } from "./session.ts";
import { SetupPage } from "./setup-page.tsx";
import { SignInPage } from "./sign-in-page.tsx";

export function AuthGate() {
  const session = useSession();
  useEffect(() => void loadSession(), []);
  switch (session.phase) {
    case "loading":
      return <main className="auth-page">Loading…</main>;
    case "unreachable":
      return (
        <main className="auth-page">
          <p role="alert">Could not reach the server: {session.message}</p>
          <button type="button" onClick={() => void loadSession()}>
            Try again
          </button>
        </main>
      );
    case "needsSetup":
      return <SetupPage />;
    case "signedOut":
      return <SignInPage notice={session.notice} />;
    case "signedIn":
      // Keyed by account: nothing of one person's pages outlives their signing out.
      return <App key={session.account.id} />;
  }
}
