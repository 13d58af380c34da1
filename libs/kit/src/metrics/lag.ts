/**
 * Consumer lag: the age of the oldest message not yet handled. The messages this process holds (being handled or
 * waiting for their batch) are known exactly; the ones still in the queue are only counted (a throttled
 * `checkQueue`), so when the process holds none while the queue is not empty (consumer disconnected, channel
 * closed, prefetch never refilled), the lag is how long it has made no progress: since it last settled a message.
 */
export function consumerLagSeconds(input: { nowMs: number; oldestInHandMs?: number; waiting: number; lastProgressMs: number }): number {
  if (input.oldestInHandMs !== undefined) return Math.max(0, input.nowMs - input.oldestInHandMs) / 1000;
  if (input.waiting > 0) return Math.max(0, input.nowMs - input.lastProgressMs) / 1000;
  return 0;
}

/** The messages of one queue this process holds, with the time each one's lag counts from. */
export class InHandMessages {
  private readonly since = new Map<object, number>();
  /** When the last message was settled (or the tracking began): the no-progress clock of `consumerLagSeconds`. */
  lastProgressMs: number;

  constructor(nowMs: number) {
    this.lastProgressMs = nowMs;
  }

  add(message: object, sinceMs: number): void {
    this.since.set(message, sinceMs);
  }

  delete(message: object, nowMs: number): void {
    if (this.since.delete(message)) this.lastProgressMs = nowMs;
  }

  /** The oldest one's time; a scan, done at scrape time only (at most prefetch entries). */
  oldest(): number | undefined {
    let oldest: number | undefined;
    for (const since of this.since.values()) if (oldest === undefined || since < oldest) oldest = since;
    return oldest;
  }

  get size(): number {
    return this.since.size;
  }
}

/**
 * A value fetched at most once per `ttlMs` (one fetch at a time; concurrent scrapes share it). A failed fetch keeps
 * the last value (undefined before the first success) and is reported to `onError`; the next read retries.
 */
export class Throttled<T> {
  private value?: T;
  private fetchedAt = -Infinity;
  private pending?: Promise<T | undefined>;

  constructor(
    private readonly fetch: () => Promise<T>,
    private readonly ttlMs: number,
    private readonly onError: (err: Error) => void,
    private readonly now: () => number = Date.now,
  ) {}

  get(): Promise<T | undefined> {
    if (this.now() - this.fetchedAt < this.ttlMs) return Promise.resolve(this.value);
    return (this.pending ??= this.fetch()
      .then(
        (value) => {
          this.value = value;
          this.fetchedAt = this.now();
          return value;
        },
        (err: Error) => {
          this.onError(err);
          return this.value;
        },
      )
      .finally(() => {
        this.pending = undefined;
      }));
  }
}
