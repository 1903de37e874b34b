/** Renders the app into the page; loaded by `main.tsx` once it has asked for what the first page needs. */
import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { AuthGate } from "./auth/auth-gate.tsx";
import { queryClient } from "./lib/query-client.ts";

export function mountApp(element: HTMLElement) {
  createRoot(element).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <AuthGate />
      </QueryClientProvider>
    </StrictMode>,
  );
}
