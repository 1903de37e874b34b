/** Who publishes: a caller-supplied label (the `x-flowcraft-user` header) until accounts exist. */
import type { IncomingHttpHeaders } from "node:http";

/** The publisher a request names, or null. */
export function publisherOf(headers: IncomingHttpHeaders): string | null {
  const value = headers["x-flowcraft-user"];
  return typeof value === "string" && value.length > 0 ? value.slice(0, 200) : null;
}
