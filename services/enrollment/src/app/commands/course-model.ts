import { AppError, remoteFailure } from '@lms/kit/errors';
import { EnrollmentErrors } from '../../domain/enrollment.errors';
import type { CourseOutline__Output } from '@lms/kit/generated/lms/catalog/v1/CourseOutline';
import type { ListPrice } from '../../domain/enrollment.events';
import type { EnrollmentDeps } from '../deps';
import { storeOutline } from './apply-course-version';

/*
 * Catalog's outline of a course: the remote reads that keep the read model current. They run before any
 * unit of work (a gRPC handler's prepare step, a consumer's `prepare`); `seedFromCatalog` then stores what it
 * read in its own short unit of work.
 */

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

/**
 * Fetches catalog's outline now (with the caller's token when there is one) and stores it as a version of
 * the read model in its own short transaction: used when a course.published event has not arrived yet.
 */
export async function seedFromCatalog(deps: EnrollmentDeps, courseId: string): Promise<SeedResult> {
  const outline = await fetchOutline(deps, courseId);
  await storeIfPublished(deps, courseId, outline);
  return { isPublished: outline.is_published, version: outline.version };
}

/** A published outline becomes a version of the read model, in its own short unit of work. */
async function storeIfPublished(deps: EnrollmentDeps, courseId: string, outline: CatalogOutline): Promise<void> {
  if (outline.is_published) await deps.units.run((uow) => storeOutline(uow, deps, courseId, outline));
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
  const outline = await fetchOutlineThrottled(deps, courseId);
  if (!outline) return false;
  await storeIfPublished(deps, courseId, outline);
  return true;
}

/**
 * The course's list price as catalog shows it now (its public course read, cached there), carried by
 * `enrollment.created` for revenue figures (there is no payment system: the list price at enrolment time is
 * the figure). Before any unit of work; never fails an enrolment: null when catalog cannot say (unreachable,
 * or no ISO currency), and the event then carries no price.
 */
export async function fetchListPrice(deps: EnrollmentDeps, courseId: string): Promise<ListPrice | null> {
  try {
    const course = await deps.catalog.GetCourse({ course_id: courseId });
    const priceCents = Number(course.price_cents);
    if (!Number.isSafeInteger(priceCents) || priceCents < 0 || !/^[A-Z]{3}$/.test(course.currency)) return null;
    return { priceCents, currency: course.currency };
  } catch (err) {
    deps.logger.warn({ err, course_id: courseId }, 'catalog did not answer the course price: enrollment.created carries none');
    return null;
  }
}
