/** Copying text for people to paste elsewhere, and whether it worked, for the words beside the button. */
import { useState } from "react";

export type CopyOutcome = "copied" | "failed";

export function useClipboard() {
  const [outcome, setOutcome] = useState<CopyOutcome | null>(null);
  const copy = (text: string) => {
    // The clipboard may be refused (no permission, an insecure origin) or missing altogether.
    navigator.clipboard?.writeText(text).then(
      () => setOutcome("copied"),
      () => setOutcome("failed"),
    ) ?? setOutcome("failed");
  };
  return { outcome, copy, forget: () => setOutcome(null) };
}
