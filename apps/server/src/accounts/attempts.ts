/**
 * Wrong passwords and unknown API tokens, counted per key (an address, or an address and a
 * username); too many within the window and that key is refused until the window passes. Kept in
 * memory: each server process counts its own, which is enough to make guessing slow.
 */
import { RateLimiterMemory } from "rate-limiter-flexible";
import { AccessError } from "./access-errors.ts";

export class FailedAttempts {
  private readonly limiter: RateLimiterMemory;

  constructor(
    private readonly allowed: number,
    windowSeconds: number,
    /** What is being attempted, for the refusal's words. */
    private readonly what: string,
  ) {
    this.limiter = new RateLimiterMemory({ points: allowed, duration: windowSeconds });
  }

  /** Refuses with 429 while `key` has used up its attempts. */
  async check(key: string): Promise<void> {
    const state = await this.limiter.get(key);
    if (state && state.consumedPoints >= this.allowed) {
      const seconds = Math.ceil(state.msBeforeNext / 1000);
      throw new AccessError("too_many_requests", `too many failed ${this.what}; try again in ${seconds} s`, seconds);
    }
  }

  async failed(key: string): Promise<void> {
    await this.limiter.penalty(key, 1);
  }

  async succeeded(key: string): Promise<void> {
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
