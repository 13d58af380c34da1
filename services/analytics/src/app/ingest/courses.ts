import type { FactPayload } from '../../events/analytics.events.schema';
import type { AnalyticsUnitOfWork } from '../deps';

/** course.created: owner, title and price as of created_at; the enrolments that arrived before it count for the owner. */
export async function courseCreated(uow: AnalyticsUnitOfWork, p: FactPayload<'course.created'>): Promise<void> {
  const at = new Date(p.created_at);
  await uow.facts.courseFact({
    courseId: p.course_id,
    instructorId: p.instructor_id,
    createdAt: at,
    title: p.title,
    titleAt: at,
    priceCents: p.price_cents,
    currency: p.currency,
    priceAt: at,
  });
  await uow.aggregates.countCourseLearners(p.course_id);
}

/** course.updated: the new title / price / currency when the event carries them (newest wins per field). */
export async function courseUpdated(uow: AnalyticsUnitOfWork, p: FactPayload<'course.updated'>): Promise<void> {
  const at = new Date(p.updated_at);
  if (p.title === undefined && p.price_cents === undefined && p.currency === undefined) return;
  await uow.facts.courseFact({ courseId: p.course_id, title: p.title, titleAt: at, priceCents: p.price_cents, currency: p.currency, priceAt: at });
}

/** course.published: published (newest state wins), its version, title; its lessons' order, titles and publication. */
export async function coursePublished(uow: AnalyticsUnitOfWork, p: FactPayload<'course.published'>): Promise<void> {
  const at = new Date(p.published_at);
  await uow.facts.courseFact({
    courseId: p.course_id,
    instructorId: p.instructor_id,
    title: p.title,
    titleAt: at,
    state: { published: true, archived: false, at },
    version: p.version,
    countableLessons: p.countable_lesson_ids?.length ?? p.lessons.filter((l) => l.counts_toward_completion !== false).length,
  });
  await uow.aggregates.countCourseLearners(p.course_id);
  await uow.facts.publishCourseLessons(
    p.course_id,
    p.version,
    at,
    p.lessons.map((l) => ({ lessonId: l.lesson_id, title: l.title, lessonType: l.lesson_type })),
  );
}

export async function courseUnpublished(uow: AnalyticsUnitOfWork, p: FactPayload<'course.unpublished'>): Promise<void> {
  await uow.facts.courseFact({ courseId: p.course_id, state: { published: false, archived: false, at: new Date(p.unpublished_at) } });
}

export async function courseArchived(uow: AnalyticsUnitOfWork, p: FactPayload<'course.archived'>): Promise<void> {
  await uow.facts.courseFact({ courseId: p.course_id, state: { published: false, archived: true, at: new Date(p.archived_at) } });
}

export async function courseUnarchived(uow: AnalyticsUnitOfWork, p: FactPayload<'course.unarchived'>): Promise<void> {
  await uow.facts.courseFact({ courseId: p.course_id, state: { published: false, archived: false, at: new Date(p.unarchived_at) } });
}

export async function courseDeleted(uow: AnalyticsUnitOfWork, p: FactPayload<'course.deleted'>): Promise<void> {
  await uow.facts.courseFact({ courseId: p.course_id, deletedAt: new Date(p.deleted_at) });
}

/** lesson.created: title and type; a draft as of created_at. */
export async function lessonCreated(uow: AnalyticsUnitOfWork, p: FactPayload<'lesson.created'>): Promise<void> {
  const at = new Date(p.created_at);
  await uow.facts.lessonFact({ lessonId: p.lesson_id, courseId: p.course_id, title: p.title, titleAt: at, lessonType: p.lesson_type, isPublished: false, publishedAt: at });
}

/** lesson.updated: the new title when changed; is_published as of updated_at (newest wins). */
export async function lessonUpdated(uow: AnalyticsUnitOfWork, p: FactPayload<'lesson.updated'>): Promise<void> {
  const at = new Date(p.updated_at);
  await uow.facts.lessonFact({ lessonId: p.lesson_id, courseId: p.course_id, title: p.title, titleAt: at, isPublished: p.is_published, publishedAt: at });
}

/** lesson.deleted: deleted, no position. */
export async function lessonDeleted(uow: AnalyticsUnitOfWork, p: FactPayload<'lesson.deleted'>): Promise<void> {
  await uow.facts.lessonFact({ lessonId: p.lesson_id, courseId: p.course_id, deletedAt: new Date(p.deleted_at) });
}
