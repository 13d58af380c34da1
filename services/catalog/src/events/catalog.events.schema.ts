import { z } from 'zod';

/**
 * Machine-readable schemas of the events this service publishes (v1 payloads, the `data` of the
 * CloudEvents envelope). The catalogue for humans is protos/events/README.md, section "catalog".
 * Publication itself goes through the transactional outbox (`uow.emit` of the kit's unit of work).
 */
const uuid = z.string().uuid();
const at = z.string().datetime();
const lessonType = z.enum(['video', 'text', 'quiz', 'assignment', 'document']);

export const CATALOG_EVENT_SCHEMAS = {
  'course.created': z.object({
    course_id: uuid,
    instructor_id: uuid,
    title: z.string().min(3),
    slug: z.string().min(1),
    category: z.string(),
    difficulty_level: z.enum(['beginner', 'intermediate', 'advanced']),
    /** Additive (issue 12): absent in events published before it. */
    language: z.string().min(2).max(50).optional(),
    price_cents: z.number().int().min(0),
    currency: z.string().length(3),
    created_at: at,
    created_by: uuid,
  }),
  'course.updated': z.object({
    course_id: uuid,
    changed_fields: z.array(z.string()).min(1),
    version: z.number().int().min(0),
    updated_at: at,
    /** Additive (issue 13): the new values, present only when the field is in `changed_fields`. */
    title: z.string().min(3).optional(),
    price_cents: z.number().int().min(0).optional(),
    currency: z.string().length(3).optional(),
  }),
  'course.published': z.object({
    course_id: uuid,
    version: z.number().int().min(1),
    instructor_id: uuid,
    title: z.string(),
    published_at: at,
    countable_lesson_ids: z.array(uuid),
    lessons: z.array(
      z.object({
        lesson_id: uuid,
        section_id: uuid,
        order_index: z.number().int().min(0),
        lesson_type: lessonType,
        counts_toward_completion: z.boolean(),
        unlock_at: at.nullable(),
        unlock_after_days: z.number().int().min(0),
        prerequisite: z.enum(['previous_lesson', 'previous_section']).nullable(),
        title: z.string(),
      }),
    ),
  }),
  'course.unpublished': z.object({ course_id: uuid, version: z.number().int().min(0), unpublished_at: at }),
  'course.archived': z.object({ course_id: uuid, archived_at: at, was_published: z.boolean() }),
  'course.unarchived': z.object({ course_id: uuid, unarchived_at: at }),
  'course.deleted': z.object({ course_id: uuid, instructor_id: uuid, deleted_at: at, deleted_by: uuid }),
  'lesson.created': z.object({
    lesson_id: uuid,
    course_id: uuid,
    section_id: uuid,
    title: z.string().min(1),
    lesson_type: lessonType,
    is_published: z.boolean(),
    counts_toward_completion: z.boolean(),
    created_at: at,
  }),
  'lesson.updated': z.object({
    lesson_id: uuid,
    course_id: uuid,
    changed_fields: z.array(z.string()).min(1),
    is_published: z.boolean(),
    updated_at: at,
    /** Additive (issue 13): the new title, present only when `title` is in `changed_fields`. */
    title: z.string().min(1).optional(),
  }),
  'lesson.deleted': z.object({ lesson_id: uuid, course_id: uuid, deleted_at: at }),
} as const;

export type CatalogEventType = keyof typeof CATALOG_EVENT_SCHEMAS;
