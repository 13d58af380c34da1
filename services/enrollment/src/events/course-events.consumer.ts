import type { z, ZodType } from 'zod';
import type { ConsumerDefinition } from '@lms/kit/events';
import type { EnrollmentDeps } from '../app/deps';
import { fetchCourseRules, type CatalogOutline } from '../app/commands/course-model';
import { applyCourseVersion, storeOutline } from '../app/commands/apply-course-version';
import { markLessonDeleted } from '../app/commands/mark-lesson-deleted';
import { setCourseStatus } from '../app/commands/set-course-status';
import {
  CONTENT_CHANGED_QUEUE,
  ContentChangedV1,
  COURSE_PUBLISHED_QUEUE,
  COURSE_STATUS_QUEUE,
  CoursePublishedV1,
  CourseStatusChangedV1,
  LESSON_DELETED_QUEUE,
  LessonDeletedV1,
} from './enrollment.events.schema';

/**
 * `course.published` stores a version of the read model (countable set, lessons, drip and prerequisites)
 * and schedules the recompute of the course's enrolments. Versions only move forward, so a late or
 * duplicated event changes nothing.
 */
export function coursePublishedConsumer(deps: EnrollmentDeps): ConsumerDefinition<z.infer<typeof CoursePublishedV1>> {
  return {
    queue: COURSE_PUBLISHED_QUEUE,
    bindings: ['course.published'],
    // Defaults and transforms make the input type differ from the output; the kit parses with it either way.
    schema: CoursePublishedV1 as unknown as ZodType<z.output<typeof CoursePublishedV1>>,
    async handle(event, transaction) {
      const data = event.data;
      const version = {
        courseId: data.course_id,
        version: data.version,
        instructorId: data.instructor_id ?? null,
        title: data.title,
        publishedAt: data.published_at,
        countableLessonIds: data.countable_lesson_ids,
        lessons: data.lessons.map((l) => ({
          lessonId: l.lesson_id,
          sectionId: l.section_id ?? null,
          orderIndex: l.order_index,
          lessonType: l.lesson_type,
          unlockAt: l.unlock_at,
          unlockAfterDays: l.unlock_after_days ?? 0,
          prerequisite: l.prerequisite ?? '',
          title: l.title,
        })),
      };
      const status = { status: 'published' as const, at: new Date(event.time) };
      await deps.units.join(transaction, (uow) => applyCourseVersion(uow, deps, version, 'event', status));
    },
  };
}

/** `course.unpublished` / `course.archived` close enrolment (an older fact never overrides a newer one). */
export function courseStatusConsumer(deps: EnrollmentDeps): ConsumerDefinition<z.infer<typeof CourseStatusChangedV1>> {
  return {
    queue: COURSE_STATUS_QUEUE,
    bindings: ['course.unpublished', 'course.archived'],
    schema: CourseStatusChangedV1,
    async handle(event, transaction) {
      const status = event.type === 'course.archived' ? 'archived' : 'unpublished';
      await deps.units.join(transaction, (uow) => setCourseStatus(uow, deps, event.data.course_id, status, new Date(event.time)));
    },
  };
}

/**
 * `lesson.deleted`: the lesson can no longer be opened; the lesson list (positions, prerequisites) is
 * refreshed from catalog. Counters follow the course.published catalog emits if the lesson counted.
 * The outline is fetched in `prepare`, before the inbox transaction, and stored in it (issue 10 B2).
 */
export function lessonDeletedConsumer(deps: EnrollmentDeps): ConsumerDefinition<z.infer<typeof LessonDeletedV1>, CatalogOutline | null> {
  return {
    queue: LESSON_DELETED_QUEUE,
    bindings: ['lesson.deleted'],
    schema: LessonDeletedV1,
    prepare: (event) => fetchCourseRules(deps, event.data.course_id),
    async handle(event, transaction, outline) {
      await deps.units.join(transaction, async (uow) => {
        await markLessonDeleted(uow, event.data.lesson_id, event.data.course_id, new Date(event.time));
        if (outline) await storeOutline(uow, deps, event.data.course_id, outline);
      });
    },
  };
}

/** Changes that alter the lesson list, its rules or titles without a new version (no course.published follows). */
const RULE_FIELDS = new Set(['title', 'unlock_at', 'unlock_after_days', 'prerequisite', 'lesson_type', 'is_published', 'section_id', 'lesson_order', 'video_completion_threshold']);

/**
 * `lesson.updated` / `course.updated`: when drip dates, prerequisites, types, publication of lessons that do
 * not count, or the order changed, the current version's lesson list is refreshed from catalog's outline
 * (fetched in `prepare`, stored in the inbox transaction).
 */
export function contentChangedConsumer(deps: EnrollmentDeps): ConsumerDefinition<z.infer<typeof ContentChangedV1>, CatalogOutline | null> {
  return {
    queue: CONTENT_CHANGED_QUEUE,
    bindings: ['lesson.updated', 'course.updated'],
    schema: ContentChangedV1 as unknown as ZodType<z.output<typeof ContentChangedV1>>,
    prepare: async (event) => (event.data.changed_fields.some((f) => RULE_FIELDS.has(f)) ? fetchCourseRules(deps, event.data.course_id) : null),
    async handle(event, transaction, outline) {
      if (outline) await deps.units.join(transaction, (uow) => storeOutline(uow, deps, event.data.course_id, outline));
    },
  };
}
