import type { DomainEvent } from '@lms/kit/events';
import type { Course, CourseField } from './course';
import type { Lesson, LessonField, LessonType } from './lesson';

/**
 * The facts the catalog service publishes (documented in protos/events/README.md, section "catalog").
 * Builders are pure: a use case hands them to `uow.emit`, which wraps them in a CloudEvents envelope
 * (source EVENT_SOURCE) and writes them to the outbox. The subject of every catalog event is the course id.
 */
export const EVENT_SOURCE = 'lms/catalog';

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

export interface CourseCreatedV1 {
  course_id: string;
  instructor_id: string;
  title: string;
  slug: string;
  category: string;
  difficulty_level: string;
  /** Added by issue 12 (additive): the course's BCP 47 language tag. */
  language: string;
  price_cents: number;
  currency: string;
  created_at: string;
  created_by: string;
}

export function courseCreated(course: Course, createdBy: string): DomainEvent<CourseCreatedV1> {
  return {
    type: 'course.created',
    subject: course.id,
    time: course.createdAt,
    data: {
      course_id: course.id,
      instructor_id: course.instructorId,
      title: course.title,
      slug: course.slug,
      category: course.category,
      difficulty_level: course.difficultyLevel,
      language: course.language,
      price_cents: course.priceCents,
      currency: course.currency,
      created_at: course.createdAt.toISOString(),
      created_by: createdBy,
    },
  };
}

export interface CourseUpdatedV1 {
  course_id: string;
  /** Proto field names of what changed; `lesson_order` after a reorder. */
  changed_fields: string[];
  version: number;
  updated_at: string;
  /** Added by issue 13 (additive): the new values of these fields, present only when listed in `changed_fields`. */
  title?: string;
  price_cents?: number;
  currency?: string;
}

export function courseUpdated(course: Course, changedFields: (CourseField | 'lesson_order')[], at: Date): DomainEvent<CourseUpdatedV1> {
  const changed = new Set<string>(changedFields);
  return {
    type: 'course.updated',
    subject: course.id,
    time: at,
    data: {
      course_id: course.id,
      changed_fields: changedFields,
      version: course.version,
      updated_at: at.toISOString(),
      ...(changed.has('title') ? { title: course.title } : {}),
      ...(changed.has('price_cents') ? { price_cents: course.priceCents } : {}),
      ...(changed.has('currency') ? { currency: course.currency } : {}),
    },
  };
}

export interface PublishedLessonV1 {
  lesson_id: string;
  section_id: string;
  /** Position within its section (the list itself is in course order). */
  order_index: number;
  lesson_type: LessonType;
  counts_toward_completion: boolean;
  unlock_at: string | null;
  unlock_after_days: number;
  prerequisite: 'previous_lesson' | 'previous_section' | null;
  /** The lesson's title at publication (enrollment shows it in progress lists; renames follow as lesson.updated). */
  title: string;
}

export interface CoursePublishedV1 {
  course_id: string;
  version: number;
  instructor_id: string;
  title: string;
  published_at: string;
  /** Published lessons that count toward completion, in course order. */
  countable_lesson_ids: string[];
  /** Every published lesson, in course order. */
  lessons: PublishedLessonV1[];
}

export function coursePublished(
  course: Course,
  publishedLessons: Pick<
    Lesson,
    'id' | 'sectionId' | 'orderIndex' | 'lessonType' | 'countsTowardCompletion' | 'unlockAt' | 'unlockAfterDays' | 'prerequisite' | 'title'
  >[],
  countable: string[],
  at: Date,
): DomainEvent<CoursePublishedV1> {
  return {
    type: 'course.published',
    subject: course.id,
    time: at,
    data: {
      course_id: course.id,
      version: course.version,
      instructor_id: course.instructorId,
      title: course.title,
      published_at: (course.publishedAt ?? at).toISOString(),
      countable_lesson_ids: countable,
      lessons: publishedLessons.map((l) => ({
        lesson_id: l.id,
        section_id: l.sectionId,
        order_index: l.orderIndex,
        lesson_type: l.lessonType,
        counts_toward_completion: l.countsTowardCompletion,
        unlock_at: iso(l.unlockAt),
        unlock_after_days: l.unlockAfterDays,
        prerequisite: l.prerequisite === '' ? null : l.prerequisite,
        title: l.title,
      })),
    },
  };
}

export interface CourseUnpublishedV1 {
  course_id: string;
  version: number;
  unpublished_at: string;
}

export function courseUnpublished(course: Course, at: Date): DomainEvent<CourseUnpublishedV1> {
  return {
    type: 'course.unpublished',
    subject: course.id,
    time: at,
    data: { course_id: course.id, version: course.version, unpublished_at: at.toISOString() },
  };
}

export interface CourseArchivedV1 {
  course_id: string;
  archived_at: string;
  /** True when archiving also took the course off the catalogue. */
  was_published: boolean;
}

export function courseArchived(course: Course, wasPublished: boolean, at: Date): DomainEvent<CourseArchivedV1> {
  return {
    type: 'course.archived',
    subject: course.id,
    time: at,
    data: { course_id: course.id, archived_at: at.toISOString(), was_published: wasPublished },
  };
}

export interface CourseUnarchivedV1 {
  course_id: string;
  unarchived_at: string;
}

/** An archived course restored as a draft (unpublished): it can be published again. */
export function courseUnarchived(course: Course, at: Date): DomainEvent<CourseUnarchivedV1> {
  return {
    type: 'course.unarchived',
    subject: course.id,
    time: at,
    data: { course_id: course.id, unarchived_at: at.toISOString() },
  };
}

export interface CourseDeletedV1 {
  course_id: string;
  instructor_id: string;
  deleted_at: string;
  deleted_by: string;
}

export function courseDeleted(course: Course, by: string, at: Date): DomainEvent<CourseDeletedV1> {
  return {
    type: 'course.deleted',
    subject: course.id,
    time: at,
    data: { course_id: course.id, instructor_id: course.instructorId, deleted_at: at.toISOString(), deleted_by: by },
  };
}

export interface LessonCreatedV1 {
  lesson_id: string;
  course_id: string;
  section_id: string;
  title: string;
  lesson_type: LessonType;
  is_published: boolean;
  counts_toward_completion: boolean;
  created_at: string;
}

export function lessonCreated(lesson: Lesson): DomainEvent<LessonCreatedV1> {
  return {
    type: 'lesson.created',
    subject: lesson.courseId,
    time: lesson.createdAt,
    data: {
      lesson_id: lesson.id,
      course_id: lesson.courseId,
      section_id: lesson.sectionId,
      title: lesson.title,
      lesson_type: lesson.lessonType,
      is_published: lesson.isPublished,
      counts_toward_completion: lesson.countsTowardCompletion,
      created_at: lesson.createdAt.toISOString(),
    },
  };
}

export interface LessonUpdatedV1 {
  lesson_id: string;
  course_id: string;
  /** Proto field names of what changed; `is_published` for PublishLesson / UnpublishLesson. */
  changed_fields: string[];
  is_published: boolean;
  updated_at: string;
  /** Added by issue 13 (additive): the new title, present only when `title` is in `changed_fields`. */
  title?: string;
}

export function lessonUpdated(lesson: Lesson, changedFields: (LessonField | 'is_published')[], at: Date): DomainEvent<LessonUpdatedV1> {
  return {
    type: 'lesson.updated',
    subject: lesson.courseId,
    time: at,
    data: {
      lesson_id: lesson.id,
      course_id: lesson.courseId,
      changed_fields: changedFields,
      is_published: lesson.isPublished,
      updated_at: at.toISOString(),
      ...(changedFields.includes('title') ? { title: lesson.title } : {}),
    },
  };
}

export interface LessonDeletedV1 {
  lesson_id: string;
  course_id: string;
  deleted_at: string;
}

export function lessonDeleted(lesson: Pick<Lesson, 'id' | 'courseId'>, at: Date): DomainEvent<LessonDeletedV1> {
  return {
    type: 'lesson.deleted',
    subject: lesson.courseId,
    time: at,
    data: { lesson_id: lesson.id, course_id: lesson.courseId, deleted_at: at.toISOString() },
  };
}
