/** Errors the runtime's client raises for callers; the HTTP layer maps `code` to a status. */
import type { Problem } from "@flowcraft/definition";

export type ClientErrorCode = "not_found" | "conflict" | "invalid" | "forbidden";

export class ClientError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    readonly problems?: Problem[],
  ) {
    super(message);
    this.name = "ClientError";
  }
}

export const notFound = (message: string) => new ClientError("not_found", message);
export const conflict = (message: string) => new ClientError("conflict", message);
export const forbidden = (message: string) => new ClientError("forbidden", message);
export const invalid = (message: string, problems?: Problem[]) => new ClientError("invalid", message, problems);
