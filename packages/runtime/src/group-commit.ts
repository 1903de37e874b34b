/**
 * Requests coalesced the way group commit coalesces transactions: a request is stored at once
 * when no other is being stored, and those that arrive while one is stored go together in the
 * next statement, with one commit. A lone request waits for nobody; under load, each commit
 * carries as many requests as arrived during the one before, instead of each paying its own.
 */

/** Requests of one statement: bounded so that one statement stays short whatever the load. */
const MAX_PER_STATEMENT = 1_000;

interface Pending<Request, Outcome> {
  request: Request;
  resolve(outcome: Outcome): void;
  reject(error: unknown): void;
}

export class GroupCommit<Request, Outcome> {
  private queue: Array<Pending<Request, Outcome>> = [];
  private storing = false;

  /**
   * `store` stores a batch in one statement and returns each request's outcome, in order.
   * Requests with the same `keyOf` never share a statement: within one, both would seem to have
   * made the same change.
   */
  constructor(
    private readonly store: (requests: Request[]) => Promise<Outcome[]>,
    private readonly keyOf: (request: Request) => string,
  ) {}

  submit(request: Request): Promise<Outcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      if (!this.storing) void this.drain();
    });
  }

  private async drain() {
    this.storing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.takeBatch();
        try {
          const outcomes = await this.store(batch.map((pending) => pending.request));
          batch.forEach((pending, i) => pending.resolve(outcomes[i]!));
        } catch (error) {
          for (const pending of batch) pending.reject(error);
        }
      }
    } finally {
      this.storing = false;
    }
  }

  /** The next statement's requests, oldest first; a second request of a key waits for the next. */
  private takeBatch(): Array<Pending<Request, Outcome>> {
    const batch: Array<Pending<Request, Outcome>> = [];
    const later: Array<Pending<Request, Outcome>> = [];
    const keys = new Set<string>();
    for (const pending of this.queue) {
      const key = this.keyOf(pending.request);
      if (batch.length < MAX_PER_STATEMENT && !keys.has(key)) {
        keys.add(key);
        batch.push(pending);
      } else later.push(pending);
    }
    this.queue = later;
    return batch;
  }
}
