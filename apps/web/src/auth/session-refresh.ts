/**
 * Keeps the signed-in account's roles and groups current in open pages. An admin may change them
 * in another browser, or on the admin page of this one: the app asks again whenever the person
 * comes back to the page, and the admin page asks at once after each change (admin/account-row.tsx).
 */
import { useEffect } from "react";
import { refreshSession } from "./session.ts";

export function useSessionKeptCurrent() {
  useEffect(() => {
    const cameBack = () => {
      if (document.visibilityState === "visible") void refreshSession();
    };
    window.addEventListener("focus", cameBack);
    document.addEventListener("visibilitychange", cameBack);
    return () => {
      window.removeEventListener("focus", cameBack);
      document.removeEventListener("visibilitychange", cameBack);
    };
  }, []);
}
