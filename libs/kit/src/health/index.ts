/**
 * Readiness as a set of named checks (database, broker, downstream services). A process is ready
 * when every check passes; the result lists each one so an operator sees what is failing.
 */
export type Check = () => Promise<void>;

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, { ok: boolean; error?: string }>;
}

export async function runChecks(checks: Record<string, Check>, timeoutMs = 1500): Promise<ReadinessReport> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      try {
        await Promise.race([
          check(),
          new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), timeoutMs).unref()),
        ]);
        return [name, { ok: true }] as const;
      } catch (err) {
        return [name, { ok: false, error: (err as Error).message }] as const;
      }
    }),
  );
  return { ready: entries.every(([, r]) => r.ok), checks: Object.fromEntries(entries) };
}

export interface DependencyState {
  ok: boolean;
  /** When the dependency entered this state (ISO 8601). */
  since: string;
  /** The last failure, for operators (never send it to the public). */
  error?: string;
}

export interface DependencySnapshot {
  /** When the last round of checks finished (ISO 8601); undefined before the first one. */
  checkedAt?: string;
  dependencies: Record<string, DependencyState>;
}

interface TransitionLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/**
 * Watches the dependencies of a process in the background (one round every `intervalMs`, each check
 * bounded by `timeoutMs`, never two rounds at once) and logs each change of state: a warning when a
 * dependency goes down, an info line when it is back. It is deliberately not readiness: a shared
 * dependency that is down is down for every replica, so taking replicas out of the load balancer
 * would turn a partial outage into a total one. Callers keep one long-lived client per dependency in
 * their checks (no new connection per round), and `snapshot()` is for an internal view only.
 */
export class DependencyMonitor {
  private readonly states: Record<string, DependencyState> = {};
  private checkedAt?: string;
  private timer?: NodeJS.Timeout;
  private round?: Promise<void>;

  constructor(
    private readonly checks: Record<string, Check>,
    private readonly logger: TransitionLogger,
    private readonly options: { intervalMs: number; timeoutMs?: number },
  ) {}

  /** Runs a first round now and then one every interval (the timer does not keep the process alive). */
  start(): void {
    if (this.timer) return;
    void this.checkNow();
    this.timer = setInterval(() => void this.checkNow(), this.options.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One round of checks (joins the running one, if any). */
  checkNow(): Promise<void> {
    this.round ??= (async () => {
      try {
        const report = await runChecks(this.checks, this.options.timeoutMs ?? 1000);
        const now = new Date().toISOString();
        for (const [name, result] of Object.entries(report.checks)) {
          const before = this.states[name];
          if (!before || before.ok !== result.ok) {
            if (result.ok) this.logger.info({ dependency: name }, before ? 'dependency recovered' : 'dependency up');
            else this.logger.warn({ dependency: name, error: result.error }, 'dependency down');
          }
          this.states[name] = {
            ok: result.ok,
            since: before && before.ok === result.ok ? before.since : now,
            ...(result.ok ? {} : { error: result.error }),
          };
        }
        this.checkedAt = now;
      } finally {
        this.round = undefined;
      }
    })();
    return this.round;
  }

  snapshot(): DependencySnapshot {
    return { checkedAt: this.checkedAt, dependencies: structuredClone(this.states) };
  }
}
