import type { AuthClient, TokenVerifier } from '@lms/kit/auth';
import { UnitsOfWork, type SqlSession, type UnitOfWork, type UnitsOfWorkOptions } from '@lms/kit/db';
import type { Logger } from '@lms/kit/logging';
import type { EnrollmentConfig } from '../config';
import type { CatalogClient } from '@lms/kit/clients';
import { EVENT_SOURCE } from '../domain/enrollment.events';
import { BulkJobRepository } from '../infra/bulk-job.repository';
import { CourseModelRepository } from '../infra/course-model.repository';
import { EnrollmentRepository } from '../infra/enrollment.repository';
import { LessonProgressRepository } from '../infra/lesson-progress.repository';
import { UserAccountRepository } from '../infra/user-account.repository';

/** The service's repositories, all bound to one SQL session (a unit of work's transaction, or autocommit reads). */
export interface EnrollmentRepositories {
  courses: CourseModelRepository;
  enrollments: EnrollmentRepository;
  progress: LessonProgressRepository;
  bulkJobs: BulkJobRepository;
  users: UserAccountRepository;
}

export function enrollmentRepositories(sql: SqlSession): EnrollmentRepositories {
  return {
    courses: new CourseModelRepository(sql),
    enrollments: new EnrollmentRepository(sql),
    progress: new LessonProgressRepository(sql),
    bulkJobs: new BulkJobRepository(sql),
    users: new UserAccountRepository(sql),
  };
}

/** What a command works in: the repositories of one transaction, its outbox (`emit`) and `afterCommit`. */
export type EnrollmentUnitOfWork = UnitOfWork<EnrollmentRepositories>;

/** Everything an entry point may touch; built once per process by `createEnrollmentDeps`. */
export interface EnrollmentDeps {
  config: EnrollmentConfig;
  logger: Logger;
  /** Opens units of work (`run`, `join` in consumers) and serves queries (`read`). */
  units: UnitsOfWork<EnrollmentRepositories>;
  catalog: CatalogClient;
  auth: AuthClient;
  verifier: TokenVerifier;
  clock: () => Date;
  /** Asks the background recompute to look at a course (after a new version was stored). */
  requestRecompute: (courseId: string) => void;
  /** When each course's outline was last fetched (unknown lesson ids refresh it at most this often). */
  outlineFetchedAt: Map<string, number>;
}

/**
 * What a command may use besides its unit of work: settings, logger, clock and the recompute nudge (meant
 * for `uow.afterCommit`). No `units` and no remote clients: a command can neither open a second
 * transaction nor call another service while it holds one.
 */
export type CommandEnv = Pick<EnrollmentDeps, 'config' | 'logger' | 'clock' | 'requestRecompute'>;

export function createEnrollmentDeps(input: {
  config: EnrollmentConfig;
  logger: Logger;
  sequelize: UnitsOfWorkOptions<EnrollmentRepositories>['sequelize'];
  outbox: UnitsOfWorkOptions<EnrollmentRepositories>['outbox'];
  catalog: CatalogClient;
  auth: AuthClient;
  verifier: TokenVerifier;
  clock?: () => Date;
}): EnrollmentDeps {
  const { sequelize, outbox, ...rest } = input;
  return {
    ...rest,
    units: new UnitsOfWork({ sequelize, outbox, source: EVENT_SOURCE, repositories: enrollmentRepositories }),
    clock: input.clock ?? (() => new Date()),
    requestRecompute: () => undefined,
    outlineFetchedAt: new Map(),
  };
}
