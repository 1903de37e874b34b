/**
 * Who makes a request: a caller-supplied name (the `x-flowcraft-user` header) until accounts
 * exist. It is recorded as who published, who acted on an instance and who decided an approval.
 */
import type { IncomingHttpHeaders } from "node:http";

/** The user a request names, or null. */
export function requesterOf(headers: IncomingHttpHeaders): string | null {
  const value = headers["x-flowcraft-user"];
  return typeof value === "string" && value.length > 0 ? value.slice(0, 200) : null;
}
