/**
 * Cross-process wake-ups through LISTEN/NOTIFY, so that a step never waits for a polling interval:
 * new inbox messages wake orchestrators, new tasks wake activity runners.
 */
import pg from "pg";
import type { Signal } from "./signal.ts";

export const INBOX_CHANNEL = "flowcraft_inbox";
export const TASKS_CHANNEL = "flowcraft_tasks";

/** Signals of the workers in this process, by channel: woken directly, without a round trip. */
const localSignals = new Map<string, Set<Signal>>();

/**
 * Wakes this process's workers listening on `channel`, without a round trip. The direct path also
 * matters where NOTIFY does not reach (the embedded PGlite has one backend).
 */
function wakeLocal(channel: string) {
  for (const signal of localSignals.get(channel) ?? []) signal.fire();
}

/**
 * Shortest gap between two NOTIFYs of one channel from this process. Every NOTIFY costs its
 * listeners a wake-up, and a notifying commit takes a database-wide lock, so under load many
 * announcements share one; a remote worker hears of new work at most this much later.
 */
const NOTIFY_INTERVAL_MS = 50;

interface Announcer {
  /** A NOTIFY is queued or on its way. */
  busy: boolean;
  /** Something was announced while busy: one more NOTIFY must follow. */
  again: boolean;
}

const announcers = new WeakMap<pg.Pool, Map<string, Announcer>>();

/**
 * Tells every worker that new work is on `channel`: this process's at once, other processes by a
 * NOTIFY sent after the work was committed (so it is visible to whoever wakes). Announcements that
 * come while a NOTIFY is pending are folded into one more, never dropped. A NOTIFY that fails is
 * covered by the workers' idle polling.
 */
export function announce(pool: pg.Pool, channel: string) {
  wakeLocal(channel);
  let byChannel = announcers.get(pool);
  if (!byChannel) announcers.set(pool, (byChannel = new Map()));
  let announcer = byChannel.get(channel);
  if (!announcer) byChannel.set(channel, (announcer = { busy: false, again: false }));
  if (announcer.busy) {
    announcer.again = true;
    return;
  }
  announcer.busy = true;
  const send = async () => {
    announcer.again = false;
    await pool.query("SELECT pg_notify($1, '')", [channel]).catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, NOTIFY_INTERVAL_MS).unref());
    if (announcer.again) return send();
    announcer.busy = false;
  };
  void send();
}

/** Pause before listening again after the connection broke. */
const RECONNECT_DELAY_MS = 1_000;

export class Notifier {
  private client: pg.Client | null = null;
  private stopped = false;

  constructor(
    private readonly url: string,
    private readonly signals: Record<string, Signal>,
  ) {}

  async start() {
    for (const [channel, signal] of Object.entries(this.signals)) {
      if (!localSignals.has(channel)) localSignals.set(channel, new Set());
      localSignals.get(channel)!.add(signal);
    }
    const client = new pg.Client({ connectionString: this.url });
    client.on("notification", (message) => this.signals[message.channel]?.fire());
    client.on("error", () => this.reconnect(client));
    client.on("end", () => this.reconnect(client));
    await client.connect();
    for (const channel of Object.keys(this.signals)) await client.query(`LISTEN ${channel}`);
    this.client = client;
  }

  private reconnect(broken: pg.Client) {
    if (this.stopped || this.client !== broken) return;
    this.client = null;
    broken.end().catch(() => {});
    this.retry();
  }

  /** Missed notifications are covered by the workers' idle polling; listening resumes shortly. */
  private retry() {
    setTimeout(() => {
      if (!this.stopped) this.start().catch(() => this.retry());
    }, RECONNECT_DELAY_MS).unref();
  }

  async stop() {
    this.stopped = true;
    for (const [channel, signal] of Object.entries(this.signals)) localSignals.get(channel)?.delete(signal);
    await this.client?.end().catch(() => {});
    this.client = null;
  }
}
