/** Renders the app into the page; loaded by `main.tsx` once it has asked for what the first page needs. */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.tsx";

export function mountApp(element: HTMLElement) {
  const queryClient = new QueryClient();
  createRoot(element).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
}
