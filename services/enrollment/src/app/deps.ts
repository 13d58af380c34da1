import type { Sequelize } from 'sequelize';
import type { AuthClient, TokenVerifier } from '@lms/kit/auth';
import type { Outbox } from '@lms/kit/events';
import type { Logger } from '@lms/kit/logging';
import type { EnrollmentConfig } from '../config';
import type { CatalogClient } from '@lms/kit/clients';
import { BulkJobRepository } from '../infra/bulk-job.repository';
import { CourseModelRepository } from '../infra/course-model.repository';
import { EnrollmentRepository } from '../infra/enrollment.repository';
import { LessonProgressRepository } from '../infra/lesson-progress.repository';
import { UserAccountRepository } from '../infra/user-account.repository';

/** Everything a use case may touch; built once per process by `createEnrollmentDeps`. */
export interface EnrollmentDeps {
  config: EnrollmentConfig;
  logger: Logger;
  sequelize: Sequelize;
  outbox: Outbox;
  courses: CourseModelRepository;
  enrollments: EnrollmentRepository;
  progress: LessonProgressRepository;
  bulkJobs: BulkJobRepository;
  users: UserAccountRepository;
  catalog: CatalogClient;
  auth: AuthClient;
  verifier: TokenVerifier;
  clock: () => Date;
  /** Asks the background recompute to look at a course (after a new version was stored). */
  requestRecompute: (courseId: string) => void;
  /** When each course's outline was last fetched (unknown lesson ids refresh it at most this often). */
  outlineFetchedAt: Map<string, number>;
}

export function createEnrollmentDeps(input: {
  config: EnrollmentConfig;
  logger: Logger;
  sequelize: Sequelize;
  outbox: Outbox;
  catalog: CatalogClient;
  auth: AuthClient;
  verifier: TokenVerifier;
  clock?: () => Date;
}): EnrollmentDeps {
  const { sequelize } = input;
  return {
    ...input,
    courses: new CourseModelRepository(sequelize),
    enrollments: new EnrollmentRepository(sequelize),
    progress: new LessonProgressRepository(sequelize),
    bulkJobs: new BulkJobRepository(sequelize),
    users: new UserAccountRepository(sequelize),
    clock: input.clock ?? (() => new Date()),
    requestRecompute: () => undefined,
    outlineFetchedAt: new Map(),
  };
}
