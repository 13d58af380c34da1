import { AppError, remoteFailure } from '@lms/kit/errors';
import { EnrollmentErrors } from '../../domain/enrollment.errors';
import { buildCourseVersion, type CourseStatus, type CourseVersionInput } from '../../domain/course';
import type { CourseOutline__Output } from '@lms/kit/generated/lms/catalog/v1/CourseOutline';
import type { SaveVersionResult } from '../../infra/course-model.repository';
import { versionFromOutline } from '../../infra/catalog-outline';
import type { CommandEnv, EnrollmentDeps, EnrollmentUnitOfWork } from '../deps';

/**
 * Stores a course version in the read model (idempotent) and, when it is newer than what the course's
 * enrolments are computed against, asks the background recompute to bring them forward after commit.
 */
export async function applyCourseVersion(
  uow: EnrollmentUnitOfWork,
  env: CommandEnv,
  input: CourseVersionInput,
  source: 'event' | 'outline',
  status: { status: CourseStatus; at: Date } | null,
): Promise<SaveVersionResult> {
  const version = buildCourseVersion(input);
  const result = await uow.courses.saveVersion(version, source, status);
  if (result.advanced) {
    uow.afterCommit(() => env.requestRecompute(version.courseId));
    env.logger.info({ course_id: version.courseId, version: version.version, source }, 'new course version: recompute scheduled');
  }
  return result;
}

/** course.unpublished / course.archived (an older fact never overrides a newer one). */
export async function setCourseStatus(uow: EnrollmentUnitOfWork, env: CommandEnv, courseId: string, status: CourseStatus, at: Date) {
  const changed = await uow.courses.setStatus(courseId, status, at);
  if (!changed) env.logger.debug({ course_id: courseId, status }, 'course status event ignored (unknown course or older fact)');
}

export async function markLessonDeleted(uow: EnrollmentUnitOfWork, lessonId: string, courseId: string, at: Date) {
  await uow.courses.markLessonDeleted(lessonId, courseId, at);
}

export interface SeedResult {
  isPublished: boolean;
  version: number;
}

export type CatalogOutline = CourseOutline__Output;

/** Most courses whose last outline fetch is remembered (the throttle); the oldest are forgotten first. */
export const OUTLINE_FETCH_MEMORY = 10_000;

/** Remembers when a course's outline was fetched, keeping the map bounded (insertion order = age). */
function noteOutlineFetched(deps: EnrollmentDeps, courseId: string, at = Date.now()): void {
  const seen = deps.outlineFetchedAt;
  seen.delete(courseId);
  seen.set(courseId, at);
  while (seen.size > OUTLINE_FETCH_MEMORY) {
    const oldest = seen.keys().next().value as string;
    seen.delete(oldest);
  }
}

/**
 * Asks catalog for the course's outline (a gRPC call: never inside a transaction). NOT_FOUND and other
 * refusals from catalog come back as they are; an unreachable catalog is UNAVAILABLE.
 */
export async function fetchOutline(deps: EnrollmentDeps, courseId: string): Promise<CatalogOutline> {
  let outline;
  try {
    outline = await deps.catalog.GetCourseOutline({ course_id: courseId });
  } catch (err) {
    throw remoteFailure(err, EnrollmentErrors.catalogUnavailable);
  }
  noteOutlineFetched(deps, courseId);
  return outline;
}

/** Stores a fetched outline as a version of the read model, in the caller's unit of work (DB only). */
export async function storeOutline(uow: EnrollmentUnitOfWork, env: CommandEnv, courseId: string, outline: CatalogOutline): Promise<void> {
  if (!outline.is_published) return;
  await applyCourseVersion(uow, env, versionFromOutline(outline), 'outline', { status: 'published', at: env.clock() });
  // access_days (0 = lifetime) is not versioned: the outline's current value applies to new enrolments.
  await uow.courses.setAccessDays(courseId, outline.access_days ?? 0);
  // likewise the video completion threshold (0 from an older catalog = the default, 80)
  await uow.courses.setVideoCompletionThreshold(courseId, outline.video_completion_threshold ?? 0);
}

/**
 * Fetches catalog's outline now (with the caller's token when there is one) and stores it as a version of
 * the read model in its own short transaction: used when a course.published event has not arrived yet.
 */
export async function seedFromCatalog(deps: EnrollmentDeps, courseId: string): Promise<SeedResult> {
  const outline = await fetchOutline(deps, courseId);
  if (outline.is_published) await deps.units.run((uow) => storeOutline(uow, deps, courseId, outline));
  return { isPublished: outline.is_published, version: outline.version };
}

/**
 * For a course this service follows (known in the read model and published), fetches catalog's outline so
 * the current version's lesson list and rules can be brought up to date — by the caller, in its own
 * transaction (`storeOutline`). Null for a course not followed or one catalog no longer shows; an
 * unreachable catalog throws (the event is retried). Runs before any transaction (a consumer's `prepare`).
 */
export async function fetchCourseRules(deps: EnrollmentDeps, courseId: string): Promise<CatalogOutline | null> {
  const course = await deps.units.read.courses.get(courseId);
  if (!course || course.status !== 'published') return null;
  try {
    return await fetchOutline(deps, courseId);
  } catch (err) {
    if (err instanceof AppError && (err.kind === 'not_found' || err.kind === 'permission_denied')) return null;
    throw err;
  }
}

/** Like fetchOutline, at most once per OUTLINE_REFRESH_MIN_INTERVAL_MS per course (null when throttled). */
export async function fetchOutlineThrottled(deps: EnrollmentDeps, courseId: string): Promise<CatalogOutline | null> {
  const last = deps.outlineFetchedAt.get(courseId) ?? 0;
  if (Date.now() - last < deps.config.OUTLINE_REFRESH_MIN_INTERVAL_MS) return null;
  noteOutlineFetched(deps, courseId);
  return fetchOutline(deps, courseId);
}

/** Like seedFromCatalog, at most once per OUTLINE_REFRESH_MIN_INTERVAL_MS per course (unknown ids must not hammer catalog). */
export async function refreshFromCatalogThrottled(deps: EnrollmentDeps, courseId: string): Promise<boolean> {
  const last = deps.outlineFetchedAt.get(courseId) ?? 0;
  if (Date.now() - last < deps.config.OUTLINE_REFRESH_MIN_INTERVAL_MS) return false;
  noteOutlineFetched(deps, courseId);
  await seedFromCatalog(deps, courseId);
  return true;
}
