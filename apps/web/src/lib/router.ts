/**
 * Client-side routes on the History API: three pages do not need a routing library. The server
 * answers every non-API path with the app, so links and reloads both work.
 */
import { useSyncExternalStore } from "react";

export type Route =
  | { page: "workflows" }
  | { page: "designer"; name: string }
  | { page: "instance"; id: string };

export function parseRoute(pathname: string): Route {
  const designer = /^\/workflows\/([^/]+)\/?$/.exec(pathname);
  if (designer) return { page: "designer", name: decodeURIComponent(designer[1]!) };
  const instance = /^\/instances\/([^/]+)\/?$/.exec(pathname);
  if (instance) return { page: "instance", id: decodeURIComponent(instance[1]!) };
  return { page: "workflows" };
}

export function hrefOf(route: Route): string {
  switch (route.page) {
    case "workflows":
      return "/";
    case "designer":
      return `/workflows/${encodeURIComponent(route.name)}`;
    case "instance":
      return `/instances/${encodeURIComponent(route.id)}`;
  }
}

const listeners = new Set<() => void>();
window.addEventListener("popstate", () => listeners.forEach((listener) => listener()));

export function navigate(route: Route) {
  window.history.pushState(null, "", hrefOf(route));
  listeners.forEach((listener) => listener());
}

export function useRoute(): Route {
  const pathname = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => window.location.pathname,
  );
  return parseRoute(pathname);
}
