/**
 * Who is signed in, for the whole web app: the account and the CSRF token every change sends
 * back. Read once on load; set by set-up and sign-in; cleared by sign-out and by any call the
 * server answers with 401 (the session expired, or the account was disabled).
 */
import { create } from "zustand";
import { queryClient } from "../lib/query-client.ts";
import { AuthRequestError, authRequests, type Account, type SignedIn } from "./auth-requests.ts";

export type SessionState =
  | { phase: "loading" }
  | { phase: "unreachable"; message: string }
  | { phase: "needsSetup" }
  /** `notice` says why someone who was signed in no longer is. */
  | { phase: "signedOut"; notice: string | null }
  | { phase: "signedIn"; account: Account; csrfToken: string };

export const useSession = create<SessionState>(() => ({ phase: "loading" }));

/** Asks the server who is signed in (the session cookie is HttpOnly, so only the server knows). */
export async function loadSession(): Promise<void> {
  try {
    const { needsSetup, account, csrfToken } = await authRequests.session();
    if (needsSetup) useSession.setState({ phase: "needsSetup" }, true);
    else if (account && csrfToken) useSession.setState({ phase: "signedIn", account, csrfToken }, true);
    else useSession.setState({ phase: "signedOut", notice: null }, true);
  } catch (error) {
    useSession.setState({ phase: "unreachable", message: (error as Error).message }, true);
  }
}

/**
 * Asks the server again for the signed-in account, whose roles and groups an admin may have
 * changed since the page loaded: what the pages offer follows without a reload. A session that
 * has ended meanwhile ends here too; a failed request changes nothing (the next one may work).
 */
export async function refreshSession(): Promise<void> {
  const state = useSession.getState();
  if (state.phase !== "signedIn") return;
  const answer = await authRequests.session().catch(() => null);
  if (!answer || useSession.getState() !== state) return;
  if (!answer.account || !answer.csrfToken) sessionEnded();
  // Unchanged, the state stays the same object: pages that follow the account (the inbox with
  // its loaded pages) are not drawn again from scratch each time the person comes back to the tab.
  else if (answer.account.id === state.account.id && (answer.csrfToken !== state.csrfToken || JSON.stringify(answer.account) !== JSON.stringify(state.account))) {
    useSession.setState({ phase: "signedIn", account: answer.account, csrfToken: answer.csrfToken }, true);
  }
}

export async function setUpOwner(input: { username: string; password: string; displayName?: string }): Promise<void> {
  begin(await authRequests.setup(input));
}

export async function signIn(input: { username: string; password: string }): Promise<void> {
  begin(await authRequests.login(input));
}

export async function signOut(): Promise<void> {
  const state = useSession.getState();
  await authRequests.logout(state.phase === "signedIn" ? state.csrfToken : null);
  end(null);
}

/** The signed-in person's own new password; the server signs their other sessions out, not this one. */
export async function changePassword(input: { currentPassword: string; newPassword: string }): Promise<void> {
  try {
    await authRequests.changePassword(input, csrfToken());
  } catch (error) {
    if (error instanceof AuthRequestError && error.status === 401) sessionEnded();
    throw error;
  }
}

/** A call was refused with 401: whatever the page was doing, the person has to sign in again. */
export function sessionEnded(): void {
  if (useSession.getState().phase !== "signedIn") return;
  end("Your session has ended; sign in again.");
}

/** The CSRF token to send with changes, while signed in. */
export function csrfToken(): string | null {
  const state = useSession.getState();
  return state.phase === "signedIn" ? state.csrfToken : null;
}

function begin({ account, csrfToken }: SignedIn) {
  queryClient.clear();
  useSession.setState({ phase: "signedIn", account, csrfToken }, true);
}

function end(notice: string | null) {
  queryClient.clear();
  useSession.setState({ phase: "signedOut", notice }, true);
}

/** The signed-in account. The app's pages render only while someone is signed in (auth-gate.tsx). */
export function useAccount(): Account {
  const account = useSession((state) => (state.phase === "signedIn" ? state.account : null));
  if (!account) throw new Error("useAccount is for pages shown to someone signed in");
  return account;
}
