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

/**
 * Asked before the app leaves the page shown: true lets it go now; false holds the navigation,
 * which the guard may complete later by calling `leave` (once it has saved, or the person agreed).
 */
export type LeaveGuard = (leave: () => void) => boolean;

const listeners = new Set<() => void>();
let leaveGuard: LeaveGuard | null = null;
/** The path of the page shown, to return to when the guard holds a step back in the history. */
let shownPath = window.location.pathname;

function show(path: string) {
  if (path !== window.location.pathname) window.history.pushState(null, "", path);
  shownPath = path;
  listeners.forEach((listener) => listener());
}

window.addEventListener("popstate", () => {
  const target = window.location.pathname;
  if (target === shownPath || !leaveGuard) return show(target);
  if (leaveGuard(() => show(target))) return show(target);
  // The browser has moved already: the page shown takes its address back while the guard decides.
  window.history.pushState(null, "", shownPath);
});

export function navigate(route: Route) {
  const path = hrefOf(route);
  if (leaveGuard && !leaveGuard(() => show(path))) return;
  show(path);
}

/** Installs the guard asked before every navigation; returns its removal. */
export function guardLeaving(guard: LeaveGuard): () => void {
  leaveGuard = guard;
  return () => {
    if (leaveGuard === guard) leaveGuard = null;
  };
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
