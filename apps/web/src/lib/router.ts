/**
 * Client-side routes on the History API: a handful of pages do not need a routing library. The server
 * answers every non-API path with the app, so links and reloads both work.
 */
import { useSyncExternalStore } from "react";

export type Route =
  | { page: "workflows" }
  | { page: "designer"; name: string }
  | { page: "instances" }
  | { page: "instance"; id: string }
  | { page: "approvals" }
  | { page: "admin" };

export function parseRoute(pathname: string): Route {
  if (/^\/instances\/?$/.test(pathname)) return { page: "instances" };
  if (/^\/approvals\/?$/.test(pathname)) return { page: "approvals" };
  if (/^\/admin\/?$/.test(pathname)) return { page: "admin" };
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
    case "instances":
      return "/instances";
    case "instance":
      return `/instances/${encodeURIComponent(route.id)}`;
    case "approvals":
      return "/approvals";
    case "admin":
      return "/admin";
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
