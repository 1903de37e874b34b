/** The tRPC client of the web app: types come from the server's router, so they cannot drift. */
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink, TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@flowcraft/server/router";
import { CSRF_HEADER } from "../auth/auth-requests.ts";
import { csrfToken, sessionEnded } from "../auth/session.ts";

/** Every answer passes here: a 401 means the session is gone, and the sign-in page takes over. */
const watchedFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (response.status === 401) sessionEnded();
  return response;
};

/**
 * Queries and mutations are batched and carry the session's CSRF token, without which the server
 * refuses a change; subscriptions (server push) are server-sent events, which only read.
 */
export const api = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (operation) => operation.type === "subscription",
      true: httpSubscriptionLink({ url: "/trpc" }),
      false: httpBatchLink({
        url: "/trpc",
        fetch: watchedFetch,
        headers: () => {
          const token = csrfToken();
          return token ? { [CSRF_HEADER]: token } : {};
        },
      }),
    }),
  ],
});

/** What to tell a person when a call failed: the server's message, which names what is wrong. */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
