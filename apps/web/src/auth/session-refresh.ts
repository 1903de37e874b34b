/**
 * Keeps the signed-in account's roles and groups current in open pages. An admin may change them
 * in another browser, or on the admin page of this one: the server pushes a message when the
 * account changes, and the app asks again whenever the person comes back to the page (a push
 * missed while the connection was down). The admin page asks at once after each change of one's
 * own account (admin/account-row.tsx).
 */
import { useEffect } from "react";
import { api } from "../lib/api.ts";
import { refreshSession } from "./session.ts";

export function useSessionKeptCurrent() {
  useEffect(() => {
    const cameBack = () => {
      if (document.visibilityState === "visible") void refreshSession();
    };
    window.addEventListener("focus", cameBack);
    document.addEventListener("visibilitychange", cameBack);
    // Each connection's first message comes at once: on the first, the session has just been read;
    // after a reconnection it may bring a change that was missed while the connection was down.
    let connected = false;
    const subscription = api.account.changes.subscribe(undefined, {
      onData: () => {
        if (connected) void refreshSession();
        connected = true;
      },
    });
    return () => {
      window.removeEventListener("focus", cameBack);
      document.removeEventListener("visibilitychange", cameBack);
      subscription.unsubscribe();
    };
  }, []);
}
