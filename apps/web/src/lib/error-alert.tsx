/** A failed request's message, announced as it appears; nothing while there is no failure. */
import { errorMessage } from "./api.ts";

/** `inline` for a message beside controls in a row, rather than a paragraph of its own. */
export function ErrorAlert({ error, inline = false }: { error: unknown; inline?: boolean }) {
  if (error === null || error === undefined) return null;
  const Tag = inline ? "span" : "p";
  return (
    <Tag className="error" role="alert">
      {errorMessage(error)}
    </Tag>
  );
}
