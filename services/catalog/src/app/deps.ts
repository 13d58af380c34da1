import { randomBytes } from 'node:crypto';
import type { Sequelize } from 'sequelize';
import { createRemoteVerifier, type AuthClient, type TokenVerifier } from '@lms/kit/auth';
import type { Outbox } from '@lms/kit/events';
import type { Logger } from '@lms/kit/logging';
import type { Redis } from '@lms/kit/redis';
import type { CatalogConfig } from '../config';
import { CourseCache } from '../infra/course.cache';
import { CourseRepository } from '../infra/course.repository';
import { EnrollmentRecordRepository } from '../infra/enrollment-record.repository';
import type { EnrollmentClient } from '@lms/kit/clients';
import { EnrollmentDirectory } from '../infra/enrollment.directory';
import { InstructorDirectory } from '../infra/instructor.directory';
import { LessonRepository } from '../infra/lesson.repository';
import { SectionRepository } from '../infra/section.repository';

/** Everything a use case may touch; built once per process by `createCatalogDeps`. */
export interface CatalogDeps {
  config: CatalogConfig;
  logger: Logger;
  sequelize: Sequelize;
  outbox: Outbox;
  courses: CourseRepository;
  sections: SectionRepository;
  lessons: LessonRepository;
  enrollments: EnrollmentRecordRepository;
  /** The enrollment service, for enrolments the read model has not seen yet. */
  enrollmentService: EnrollmentDirectory;
  instructors: InstructorDirectory;
  cache: CourseCache;
  /** Verifies the end user's access token (auth's JWKS over gRPC + Redis revocation marks). */
  verifier: TokenVerifier;
  clock: () => Date;
  /** 8 random hex characters (slug fallbacks). */
  randomHex: () => string;
}

export function createCatalogDeps(input: {
  config: CatalogConfig;
  logger: Logger;
  sequelize: Sequelize;
  outbox: Outbox;
  redis: Redis;
  auth: AuthClient;
  enrollment: EnrollmentClient;
}): CatalogDeps {
  const { config, logger, sequelize, outbox, redis, auth, enrollment } = input;
  return {
    config,
    logger,
    sequelize,
    outbox,
    courses: new CourseRepository(sequelize),
    sections: new SectionRepository(sequelize),
    lessons: new LessonRepository(sequelize),
    enrollments: new EnrollmentRecordRepository(sequelize),
    enrollmentService: new EnrollmentDirectory(enrollment, logger),
    instructors: new InstructorDirectory(auth, logger, Math.min(config.GRPC_DEADLINE_MS, 1500)),
    cache: new CourseCache(redis, { prefix: config.REDIS_KEY_PREFIX, ttlSeconds: config.CACHE_TTL_SECONDS, logger }),
    verifier: createRemoteVerifier({
      auth,
      redis,
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      revocationPrefix: config.REVOCATION_KEY_PREFIX,
    }),
    clock: () => new Date(),
    randomHex: () => randomBytes(4).toString('hex'),
  };
}
