/**
 * Requests coalesced the way group commit coalesces transactions: a request is stored at once
 * while fewer than a few statements are being stored, and those that arrive while all are busy
 * go together in the next free one, with one commit. A few callers wait for nobody; under load,
 * each commit carries as many requests as arrived during the ones before, instead of each paying
 * its own.
 */

/** Requests of one statement: bounded so that one statement stays short whatever the load. */
const MAX_PER_STATEMENT = 1_000;
/**
 * Statements stored at once. One alone would make a few concurrent callers take turns, each
 * waiting out the others' whole statement where separate transactions would have run side by
 * side; many would take the pool's connections from the workers.
 */
const DEFAULT_MAX_IN_FLIGHT = 4;

interface Pending<Request, Outcome> {
  request: Request;
  resolve(outcome: Outcome): void;
  reject(error: unknown): void;
}

export class GroupCommit<Request, Outcome> {
  private queue: Array<Pending<Request, Outcome>> = [];
  private inFlight = 0;
  private readonly maxInFlight: number;

  /**
   * `store` stores a batch in one statement and returns each request's outcome, in order.
   * Requests with the same `keyOf` never share a statement: within one, both would seem to have
   * made the same change. (In two statements at once they are as two separate transactions.)
   */
  constructor(
    private readonly store: (requests: Request[]) => Promise<Outcome[]>,
    private readonly keyOf: (request: Request) => string,
    options: { maxInFlight?: number } = {},
  ) {
    this.maxInFlight = options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
  }

  submit(request: Request): Promise<Outcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      if (this.inFlight < this.maxInFlight) void this.drain();
    });
  }

  /** One of the statement pipelines: stores batches until nothing waits. */
  private async drain() {
    this.inFlight++;
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
      this.inFlight--;
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
