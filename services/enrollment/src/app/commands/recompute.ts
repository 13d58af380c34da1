import type { DomainEvent } from '@lms/kit/events';
import { recomputeForVersion, type Enrollment } from '../../domain/enrollment';
import type { CommandEnv, EnrollmentDeps, EnrollmentUnitOfWork } from '../deps';

/**
 * Brings locked enrolments of one course to `version`: one set-based count of completed ∩ countable per
 * batch, the domain rule per enrolment (sticky completion, has_new_content, exactly-once completion
 * event), one set-based write, and the events in the same transaction.
 */
export async function upgradeLocked(
  uow: EnrollmentUnitOfWork,
  env: Pick<CommandEnv, 'clock'>,
  courseId: string,
  version: { version: number; totalCountable: number },
  locked: Enrollment[],
): Promise<{ enrollments: Enrollment[]; events: DomainEvent<unknown>[] }> {
  const behind = locked.filter((e) => e.courseVersion < version.version);
  if (!behind.length) return { enrollments: locked, events: [] };
  const counts = await uow.enrollments.countCompletedCountable(courseId, version.version, behind.map((e) => e.id));
  const at = env.clock();
  const events: DomainEvent<unknown>[] = [];
  const upgraded = new Map<string, Enrollment>();
  for (const e of behind) {
    const change = recomputeForVersion(e, {
      version: version.version,
      completedCountable: counts.get(e.id) ?? 0,
      totalCountable: version.totalCountable,
      at,
    });
    upgraded.set(e.id, change.enrollment);
    events.push(...change.events);
  }
  await uow.enrollments.saveAggregates([...upgraded.values()]);
  return { enrollments: locked.map((e) => upgraded.get(e.id) ?? e), events };
}

/**
 * Recomputes every enrolment of a course that is behind its current version, in batches of
 * RECOMPUTE_BATCH_SIZE, each batch its own short transaction (rows locked in id order, so a completion
 * racing with the batch waits for it and then counts against the new version). Resumable: it only looks
 * at enrolments still behind, and marks the course done when none are left.
 */
export async function recomputeCourse(deps: EnrollmentDeps, courseId: string): Promise<{ updated: number; version: number }> {
  const course = await deps.units.read.courses.get(courseId);
  if (!course) return { updated: 0, version: 0 };
  const target = { version: course.currentVersion, totalCountable: course.totalCountable };
  let updated = 0;
  for (let pass = 0; pass < 3; pass++) {
    let afterId: string | null = null;
    for (;;) {
      const batch: Enrollment[] = await deps.units.run(async (uow) => {
        const locked = await uow.enrollments.lockBatchBehind(courseId, target.version, afterId, deps.config.RECOMPUTE_BATCH_SIZE);
        if (!locked.length) return locked;
        const { events } = await upgradeLocked(uow, deps, courseId, target, locked);
        await uow.emit(...events);
        return locked;
      });
      if (!batch.length) break;
      updated += batch.length;
      afterId = batch[batch.length - 1].id;
    }
    if (!(await deps.units.read.enrollments.anyBehind(courseId, target.version))) {
      await deps.units.run((uow) => uow.courses.markRecomputed(courseId, target.version));
      break;
    }
  }
  if (updated) deps.logger.info({ course_id: courseId, version: target.version, updated }, 'enrolments recomputed for new course version');
  return { updated, version: target.version };
}

/**
 * Runs recomputes in the background, one at a time per process: on request (after a new version is
 * stored), at start-up and on a slow timer for anything left behind (e.g. after a crash mid-way).
 */
export class Recomputer {
  private readonly queue = new Set<string>();
  private running?: Promise<void>;
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly deps: EnrollmentDeps,
    private readonly pollMs = 30_000,
  ) {}

  start(): void {
    this.stopped = false;
    this.scanPending();
    this.timer = setInterval(() => this.scanPending(), this.pollMs);
    this.timer.unref();
  }

  request(courseId: string): void {
    if (this.stopped) return;
    this.queue.add(courseId);
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
      if (this.queue.size && !this.stopped) this.request([...this.queue][0]);
    });
  }

  /** Resolves when nothing is queued or running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  private scanPending(): void {
    this.deps.units.read.courses.pendingRecomputes().then(
      (pending) => pending.forEach((p) => this.request(p.courseId)),
      (err: Error) => this.deps.logger.warn({ err: err.message }, 'could not list pending recomputes'),
    );
  }

  private async drain(): Promise<void> {
    while (this.queue.size && !this.stopped) {
      const courseId = [...this.queue][0];
      this.queue.delete(courseId);
      try {
        await recomputeCourse(this.deps, courseId);
      } catch (err) {
        this.deps.logger.error({ err, course_id: courseId }, 'recompute failed; will retry on the next scan');
      }
    }
  }
}
