/** The tRPC client of the web app: types come from the server's router, so they cannot drift. */
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@flowcraft/server/router";

export const api = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: "/trpc" })] });

/** What to tell a person when a call failed: the server's message, which names what is wrong. */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
