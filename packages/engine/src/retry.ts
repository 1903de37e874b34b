/** Retry policy arithmetic. */
import { MAX_DURATION_SECONDS, type RetryPolicy } from "@flowcraft/definition";

const DEFAULT_FIRST_INTERVAL_SECONDS = 1;
const DEFAULT_BACKOFF_COEFFICIENT = 2;

export function maxAttemptsOf(policy: RetryPolicy | undefined): number {
  return policy?.maxAttempts ?? 1;
}

/** Seconds to wait after attempt `failedAttempt` (1-based) failed, before the next one. */
export function retryDelaySeconds(policy: RetryPolicy | undefined, failedAttempt: number): number {
  const first = policy?.firstInterval ?? DEFAULT_FIRST_INTERVAL_SECONDS;
  const coefficient = policy?.backoffCoefficient ?? DEFAULT_BACKOFF_COEFFICIENT;
  const delay = Math.min(first * coefficient ** (failedAttempt - 1), MAX_DURATION_SECONDS);
  return policy?.maxInterval !== undefined ? Math.min(delay, policy.maxInterval) : delay;
}
