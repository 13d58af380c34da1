import { randomBytes } from 'node:crypto';
import { verifierFromConfig, type AuthClient, type TokenVerifier } from '@lms/kit/auth';
import type { SqlSession, UnitOfWork, UnitsOfWork } from '@lms/kit/db';
import type { Logger } from '@lms/kit/logging';
import type { Redis } from '@lms/kit/redis';
import type { CatalogConfig } from '../config';
import { CourseCache } from '../infra/course.cache';
import { CourseRepository } from '../infra/course.repository';
import { DeletedFileRepository } from '../infra/deleted-file.repository';
import { EnrollmentRecordRepository } from '../infra/enrollment-record.repository';
import type { EnrollmentClient } from '@lms/kit/clients';
import { EnrollmentDirectory } from '../infra/enrollment.directory';
import { InstructorDirectory } from '../infra/instructor.directory';
import { LessonRepository } from '../infra/lesson.repository';
import { MediaDirectory, type FileFactsClient } from '../infra/media.directory';
import { SectionRepository } from '../infra/section.repository';

/** The catalog's tables, bound to one SQL session (a unit of work's transaction, or autocommit reads). */
export interface CatalogRepositories {
  courses: CourseRepository;
  sections: SectionRepository;
  lessons: LessonRepository;
  /** The read model of enrolments (course_enrollments), fed by the enrollment service's events. */
  enrollments: EnrollmentRecordRepository;
  /** Media files seen deleted, and the per-file locks ordering lesson writes against deletions. */
  deletedFiles: DeletedFileRepository;
}

export function catalogRepositories(sql: SqlSession): CatalogRepositories {
  return {
    courses: new CourseRepository(sql),
    sections: new SectionRepository(sql),
    lessons: new LessonRepository(sql),
    enrollments: new EnrollmentRecordRepository(sql),
    deletedFiles: new DeletedFileRepository(sql),
  };
}

/** What a command works with: the repositories of one transaction, its outbox (`emit`) and `afterCommit`. */
export type CatalogUnitOfWork = UnitOfWork<CatalogRepositories>;

/** What commands may use besides their unit of work: settings, time and randomness — no I/O. */
export type CatalogPorts = Pick<CatalogDeps, 'config' | 'clock' | 'randomHex'>;

/**
 * Everything the entry points and queries may touch; built once per process by `createCatalogDeps`.
 * Entry points open units of work (`units.run` / `units.join`); queries read through `units.read`.
 */
export interface CatalogDeps {
  config: CatalogConfig;
  logger: Logger;
  units: UnitsOfWork<CatalogRepositories>;
  /** The enrollment service, for enrolments the read model has not seen yet. */
  enrollmentService: EnrollmentDirectory;
  instructors: InstructorDirectory;
  /** The media service's facts about uploaded files (lesson videos and attachments). */
  media: MediaDirectory;
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
  /** Built on the process's database and outbox (main.ts): `new UnitsOfWork({ …, repositories: catalogRepositories })`. */
  units: UnitsOfWork<CatalogRepositories>;
  redis: Redis;
  auth: AuthClient;
  enrollment: EnrollmentClient;
  media: FileFactsClient;
}): CatalogDeps {
  const { config, logger, units, redis, auth, enrollment, media } = input;
  return {
    config,
    logger,
    units,
    enrollmentService: new EnrollmentDirectory(enrollment, logger),
    instructors: new InstructorDirectory(auth, logger, Math.min(config.GRPC_DEADLINE_MS, 1500)),
    media: new MediaDirectory(media, logger),
    cache: new CourseCache(redis, { prefix: config.REDIS_KEY_PREFIX, ttlSeconds: config.CACHE_TTL_SECONDS, logger }),
    verifier: verifierFromConfig(config, auth, redis),
    clock: () => new Date(),
    randomHex: () => randomBytes(4).toString('hex'),
  };
}
