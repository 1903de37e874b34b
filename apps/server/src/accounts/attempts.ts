/**
 * Wrong passwords and unknown API tokens, counted per key (an address, or an address and a
 * username); too many within the window and that key is refused until the window passes. Kept in
 * memory: each server process counts its own, which is enough to make guessing slow.
 */
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { AccessError } from "./access-errors.ts";

export class FailedAttempts {
  private readonly limiter: RateLimiterMemory;

  constructor(
    allowed: number,
    windowSeconds: number,
    /** What is being attempted, for the refusal's words. */
    private readonly what: string,
  ) {
    this.limiter = new RateLimiterMemory({ points: allowed, duration: windowSeconds });
  }

  /**
   * Counts one attempt for `key`, refusing with 429 once it has none left. Counting happens in one
   * step before the attempt is checked, so that attempts sent at once cannot all pass a check made
   * before any of them failed.
   */
  async count(key: string): Promise<void> {
    try {
      await this.limiter.consume(key);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      const seconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      throw new AccessError("too_many_requests", `too many failed ${this.what}; try again in ${seconds} s`, seconds);
    }
  }

  /** Forgets the attempts of `key`: it proved itself. */
  async forget(key: string): Promise<void> {
    await this.limiter.delete(key);
  }
}

/**
 * Ten wrong passwords for one username from one address per quarter hour, whether given to sign
 * in or as the current password when changing it: a stolen session must not guess faster.
 */
export const signInAttempts = () => new FailedAttempts(10, 15 * 60, "password attempts");
/** Twenty unknown tokens from one address per minute: a system with a stale token notices, a guesser gets nowhere. */
export const tokenAttempts = () => new FailedAttempts(20, 60, "API token attempts");
/** Twenty unknown webhook URLs from one address per minute: a sender with a rotated URL notices, a scanner gets nowhere. */
export const webhookUrlAttempts = () => new FailedAttempts(20, 60, "webhook URLs");
