/** Refusals of who is asking rather than of what is asked: 401, 403 and 429. */
export type AccessErrorCode = "unauthenticated" | "forbidden" | "too_many_requests";

const STATUS: Record<AccessErrorCode, number> = { unauthenticated: 401, forbidden: 403, too_many_requests: 429 };

export class AccessError extends Error {
  readonly status: number;
  constructor(
    readonly code: AccessErrorCode,
    message: string,
    /** For 429: when to try again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "AccessError";
    this.status = STATUS[code];
  }
}

export const unauthenticated = (message = "sign in first, or send an API token as 'Authorization: Bearer <token>'") =>
  new AccessError("unauthenticated", message);
export const forbidden = (message: string) => new AccessError("forbidden", message);
