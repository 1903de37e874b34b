/** An anchor that navigates on the client, and still opens in a new tab with a modifier key. */
import type { ReactNode } from "react";
import { hrefOf, navigate, type Route } from "./router.ts";

export function Link({ to, children, ...rest }: { to: Route; children: ReactNode; className?: string; "data-testid"?: string }) {
  return (
    <a
      href={hrefOf(to)}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
        event.preventDefault();
        navigate(to);
      }}
      {...rest}
    >
      {children}
    </a>
  );
}
