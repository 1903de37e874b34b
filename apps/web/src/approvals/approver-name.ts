/**
 * Who decides approvals, until there are accounts: a name the person types once, kept in this
 * browser and shared by every tab and component that shows it.
 */
import { useSyncExternalStore } from "react";

const KEY = "flowcraft.approver";
const listeners = new Set<() => void>();
/** The name when storage is off (private modes, policies): it then lasts as long as the page. */
let fallback = "";

function read(): string {
  try {
    return window.localStorage.getItem(KEY) ?? "";
  } catch {
    return fallback;
  }
}

export function setApproverName(name: string) {
  fallback = name;
  try {
    if (name) window.localStorage.setItem(KEY, name);
    else window.localStorage.removeItem(KEY);
  } catch {
    // Kept in `fallback` only.
  }
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  // Other tabs.
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

/** The name as typed (untrimmed, so typing a space works); trim it before sending. */
export function useApproverName(): string {
  return useSyncExternalStore(subscribe, read);
}
