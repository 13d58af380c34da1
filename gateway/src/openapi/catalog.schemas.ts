import { listSchema, pageSchema } from '../presentation/lists';
import { nullable, NullableId, NullableText, NullableTimestamp } from '../presentation/public-shape';
import { Pagination, Uuid } from './schemas';
import { z } from './zod';

/**
 * Request and response shapes of the catalog routes. Field names are the proto's (snake_case). Money is
 * public in decimal major units, as the seed documents it (`price: 799.99` + ISO 4217 `currency`); the
 * catalog service keeps integer minor units (`price_cents`), converted here exactly (see `priceToCents`).
 * The limits mirror the catalog service's own validation, so the gateway refuses early with the same
 * answer the service would give (422).
 */
export const CATALOG_LIMITS = {
  titleMin: 3,
  /** Course and lesson titles as the seed (courses 3–255, lessons 2–255); sections and resources 1–200. */
  courseTitle: 255,
  title: 200,
  /** BCP 47 language tag, at most 50 characters as the seed. */
  language: 50,
  slug: 100,
  description: 2_000,
  longDescription: 20_000,
  category: 100,
  listItems: 30,
  listItem: 200,
  /** 100 000 000 minor units = 1 000 000.00 in the currency. */
  priceCents: 100_000_000,
  /** The same bound in major units. */
  price: 1_000_000,
  url: 500,
  search: 200,
  /** The seed's `min_length=2` on `search`. */
  searchMin: 2,
  sectionTitleMin: 1,
  sectionDescription: 2_000,
  lessonTitleMin: 2,
  lessonTitle: 255,
  lessonContent: 200_000,
  durationMinutes: 1_440,
  unlockAfterDays: 3_650,
  resources: 50,
  resourceTitle: 200,
  reorderSections: 500,
  reorderLessons: 5_000,
  /** Uploaded files attached to one lesson. */
  lessonAttachments: 20,
  /** A single-lesson move past the end means "the end"; bigger numbers are refused. */
  moveIndex: 1_000_000,
  topLimit: 100,
} as const;

const L = CATALOG_LIMITS;
/** Slug form as the service defines it: lower-case letters (any script), marks and digits, single hyphens. */
const SLUG_FORM = /^[\p{Ll}\p{Lm}\p{Lo}\p{M}\p{N}]+(?:-[\p{Ll}\p{Lm}\p{Lo}\p{M}\p{N}]+)*$/u;
const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;

export const DIFFICULTY_LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export const LESSON_TYPES = ['video', 'text', 'quiz', 'assignment', 'document'] as const;
export const RESOURCE_TYPES = ['link', 'pdf', 'video', 'file', 'other'] as const;
export const PREREQUISITES = ['', 'previous_lesson', 'previous_section'] as const;
export const COURSE_SORTS = ['newest', 'title', 'popular', 'relevance'] as const;
export const MY_COURSE_STATUSES = ['draft', 'published', 'archived'] as const;
/** The seed's CourseStatus, derived by the catalog from is_published / archived_at. */
export const COURSE_STATUSES = MY_COURSE_STATUSES;

export const Difficulty = z.enum(DIFFICULTY_LEVELS).openapi('DifficultyLevel');
export const LessonType = z.enum(LESSON_TYPES).openapi('LessonType');
const BoolFlag = z.enum(['true', 'false']);

/** http(s) URL, or "" to clear. */
const OptionalUrl = z
  .string()
  .trim()
  .max(L.url)
  .refine((v) => v === '' || (/^https?:\/\/[^\s]+$/i.test(v) && URL.canParse(v)), 'Must be an http(s) URL or empty')
  .openapi({ format: 'uri', example: 'https://cdn.example.com/intro.mp4' });

const Title = z.string().trim().min(L.titleMin).max(L.courseTitle).openapi({ example: 'Introduction to TypeScript' });
/** A BCP 47-shaped language tag (`en`, `ar`, `pt-BR`); the catalog stores it in canonical case. */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i;
const Language = z
  .string()
  .trim()
  .max(L.language)
  .refine((v) => LANGUAGE_TAG.test(v), 'A language tag such as en, ar or pt-BR')
  .openapi({ description: `BCP 47 language tag (at most ${L.language} characters)`, example: 'en' });
const Slug = z
  .string()
  .trim()
  .refine(
    (v) => v === '' || ([...v].length <= L.slug && SLUG_FORM.test(v) && !UUID_SHAPE.test(v)),
    `Lower-case letters or digits (any script) separated by single hyphens, at most ${L.slug} characters, not a UUID`,
  )
  .openapi({ description: 'Generated from the title when empty or absent', example: 'introduction-to-typescript' });
/** A decimal amount in major units with at most two decimals, e.g. `799.99`, `0`, `12.5`. */
const MONEY_TEXT = /^\d{1,9}(\.\d{1,2})?$/;

/** Whether a number or numeric string is a plain decimal with at most two decimals (`1e-7` is not). */
export function isMoney(value: number | string): boolean {
  if (typeof value === 'number' && !Number.isFinite(value)) return false;
  return MONEY_TEXT.test(typeof value === 'number' ? String(value) : value);
}

/**
 * Major units → integer minor units, exactly: only for values `isMoney` accepts. From text it is integer
 * arithmetic on the digits; from a JSON number with at most two decimals, `price * 100` is within 1e-6 of
 * the integer, so rounding recovers it.
 */
export function priceToCents(value: number | string): number {
  if (typeof value === 'number') return Math.round(value * 100);
  const [units, fraction = ''] = value.split('.');
  return Number(units) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Integer minor units → major units (79999 → 799.99; the nearest double prints as the decimal). */
export function centsToPrice(cents: number | string): number {
  return Number(cents) / 100;
}

const Price = z
  .number()
  .min(0, 'Must be 0 or more')
  .max(L.price, `Must be at most ${L.price}`)
  .refine(isMoney, 'At most two decimals (major units, e.g. 799.99)')
  .openapi({ description: `Major units, at most two decimals, 0–${L.price}; 0 = free`, example: 799.99 });
const PriceCents = z
  .number()
  .int()
  .min(0)
  .max(L.priceCents)
  .openapi({ description: 'Deprecated alias of `price` in minor units (cents); send `price` instead', example: 79999, deprecated: true });
const Currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'Three upper-case letters (ISO 4217), e.g. USD')
  .openapi({ description: 'Default USD', example: 'USD' });
const StringList = (max: number) => z.array(z.string().trim().min(1).max(max)).max(L.listItems);

const courseFields = {
  title: Title,
  slug: Slug.optional(),
  description: z.string().max(L.description).optional(),
  long_description: z.string().max(L.longDescription).optional().openapi({ description: 'Markdown' }),
  category: z.string().trim().max(L.category).optional().openapi({ example: 'programming' }),
  difficulty_level: Difficulty.optional(),
  language: Language.optional().openapi({ description: 'BCP 47 language tag, e.g. en, ar, pt-BR; default en (the seed)' }),
  price: Price.optional(),
  price_cents: PriceCents.optional(),
  currency: Currency.optional().openapi({ description: "ISO 4217; default: the catalog's DEFAULT_CURRENCY (USD)" }),
  thumbnail_url: OptionalUrl.optional(),
  preview_video_url: OptionalUrl.optional(),
  requirements: StringList(L.listItem).optional(),
  learning_objectives: StringList(L.listItem).optional(),
  tags: StringList(L.listItem).optional().openapi({ description: 'Stored lower-cased, duplicates dropped' }),
  access_days: z.number().int().min(1).max(3650).nullable().transform((v) => v ?? 0).optional().openapi({ description: 'Days of access an enrolment grants (1-3650); null or absent = lifetime' }),
  video_completion_threshold: z
    .number()
    .int()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: "Percent (1-100) at which a video lesson's progress update completes it; default 80 (the seed's rule)", example: 80 }),
};

const ONE_PRICE = { message: 'Send `price` or the deprecated `price_cents`, not both', path: ['price_cents'] };
const onePrice = (b: { price?: number; price_cents?: number }) => b.price === undefined || b.price_cents === undefined;

export const CreateCourseBody = z
  .object({
    ...courseFields,
    instructor_id: Uuid.optional().openapi({ description: 'Admins only: create on behalf of this instructor (default: you)' }),
  })
  .strict()
  .refine(onePrice, ONE_PRICE)
  .openapi('CreateCourseRequest');

export const UpdateCourseBody = z
  .object({ ...courseFields, title: Title.optional() })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'At least one field is required')
  .refine(onePrice, ONE_PRICE)
  .openapi('UpdateCourseRequest', { description: 'Partial update: only the fields present are changed' });

/** A price bound in a query string: major units, at most two decimals. */
const PriceBound = z
  .string()
  .trim()
  .refine(isMoney, 'A decimal amount in major units with at most two decimals, e.g. 49.99')
  .refine((v) => !isMoney(v) || priceToCents(v) <= L.priceCents, `Must be at most ${L.price}`)
  .openapi({ description: 'Major units (e.g. 49.99), inclusive', example: '49.99' });

export const ListCoursesQuery = z
  .object({
    ...Pagination,
    category: z.string().trim().max(L.category).optional().openapi({ description: 'Exact category; empty = any' }),
    difficulty_level: Difficulty.optional(),
    language: Language.optional().openapi({ description: 'Only courses in this language tag (case-insensitive), e.g. ar' }),
    instructor_id: Uuid.optional(),
    min_price: PriceBound.optional(),
    max_price: PriceBound.optional(),
    is_free: BoolFlag.optional(),
    search: z
      .string()
      .trim()
      .min(L.searchMin)
      .max(L.search)
      .optional()
      .openapi({ description: `Full-text over title, description and tags (ranked); ${L.searchMin}-${L.search} characters when sent (absent = no search)` }),
    sort: z.enum(COURSE_SORTS).optional().openapi({ description: 'Default: relevance when searching, else newest' }),
    include_unpublished: BoolFlag.optional().openapi({
      description: 'Instructors: also your own drafts; admins: every course. Ignored for other callers.',
    }),
  })
  .strict();

export const MyCoursesQuery = z
  .object({ ...Pagination, status: z.enum(MY_COURSE_STATUSES).optional() })
  .strict();

export const TopCoursesQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(L.topLimit).default(10),
    category: z.string().trim().max(L.category).optional().openapi({ description: 'Exact category; empty = any' }),
  })
  .strict();

const pathUuid = (name: string) => Uuid.openapi({ param: { name, in: 'path' } });
export const CourseIdParams = z.object({ course_id: pathUuid('course_id') }).strict();
export const SectionParams = z.object({ course_id: pathUuid('course_id'), section_id: pathUuid('section_id') }).strict();
export const LessonIdParams = z.object({ lesson_id: pathUuid('lesson_id') }).strict();
export const CourseLessonParams = z.object({ course_id: pathUuid('course_id'), lesson_id: pathUuid('lesson_id') }).strict();
export const InstructorIdParams = z.object({ instructor_id: pathUuid('instructor_id') }).strict();
export const SlugParams = z
  .object({ slug: z.string().min(1).max(L.slug).openapi({ param: { name: 'slug', in: 'path' }, example: 'introduction-to-typescript' }) })
  .strict();

export const CreateSectionBody = z
  .object({
    title: z.string().trim().min(L.sectionTitleMin).max(L.title),
    description: z.string().max(L.sectionDescription).optional(),
  })
  .strict()
  .openapi('CreateSectionRequest');

export const UpdateSectionBody = z
  .object({
    title: z.string().trim().min(L.sectionTitleMin).max(L.title).optional(),
    description: z.string().max(L.sectionDescription).optional(),
  })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'At least one field is required')
  .openapi('UpdateSectionRequest', { description: 'Partial update: only the fields present are changed' });

const ResourceBody = z
  .object({
    title: z.string().trim().min(1).max(L.resourceTitle),
    url: OptionalUrl.refine((v) => v !== '', 'Required'),
    type: z.enum(RESOURCE_TYPES).default('link'),
  })
  .strict();

/** Drip: an absolute RFC 3339 timestamp with a time zone, or "" for none. */
const UnlockAt = z
  .string()
  .trim()
  .refine((v) => v === '' || (RFC3339.test(v) && !Number.isNaN(Date.parse(v))), 'An RFC 3339 timestamp such as 2030-01-31T09:00:00Z, or ""')
  .openapi({ example: '2030-01-31T09:00:00Z' });

const lessonFields = {
  section_id: Uuid.optional().openapi({ description: "Default: the course's last section (created when it has none)" }),
  title: z.string().trim().min(L.lessonTitleMin).max(L.lessonTitle),
  slug: Slug.optional(),
  description: z.string().max(L.description).optional(),
  content: z
    .string()
    .max(L.lessonContent)
    .optional()
    .openapi({ description: 'Markdown, stored as written: clients must sanitise it when rendering it as HTML (no raw HTML/scripts)' }),
  lesson_type: LessonType.optional().openapi({ description: 'Default: text; a video lesson needs a `video_url` or a `video_file_id`' }),
  duration_minutes: z.number().int().min(0).max(L.durationMinutes).optional(),
  video_url: OptionalUrl.optional(),
  resources: z.array(ResourceBody).max(L.resources).optional(),
  is_preview: z.boolean().optional(),
  counts_toward_completion: z.boolean().optional().openapi({ description: 'Default: true' }),
  unlock_at: UnlockAt.optional(),
  unlock_after_days: z.number().int().min(0).max(L.unlockAfterDays).optional(),
  prerequisite: z.enum(PREREQUISITES).optional(),
  video_file_id: z
    .union([Uuid, z.literal('')])
    .nullable()
    .transform((v) => v ?? '')
    .optional()
    .openapi({
      description:
        'An uploaded video (`POST /files/upload`, file_type video) uploaded by the course owner or an admin; ' +
        'null or "" = none (on an update: detach the video)',
    }),
  attachment_file_ids: z
    .array(Uuid)
    .max(L.lessonAttachments)
    .optional()
    .openapi({
      description:
        'Uploaded files (any type) of the course owner or an admin, in order, none twice; on an update the complete new list ([] = none)',
    }),
};

/** The seed's rule: a video lesson needs its video — a video_url or an uploaded video (an update that would drop it is refused by the catalog). */
const VIDEO_URL_REQUIRED = { message: 'Required for video lessons (or an uploaded video as video_file_id)', path: ['video_url'] };

export const CreateLessonBody = z
  .object(lessonFields)
  .strict()
  .refine((b) => b.lesson_type !== 'video' || !!b.video_url || !!b.video_file_id, VIDEO_URL_REQUIRED)
  .openapi('CreateLessonRequest');

export const UpdateLessonBody = z
  .object({ ...lessonFields, title: lessonFields.title.optional() })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'At least one field is required')
  .openapi('UpdateLessonRequest', { description: 'Partial update: only the fields present are changed' });

export const MoveLessonBody = z
  .object({
    lesson_id: Uuid.optional().openapi({ description: "The seed's LessonReorder carries it: when sent it must be the path's lesson_id" }),
    new_order_index: z
      .number()
      .int()
      .min(0)
      .max(L.moveIndex)
      .openapi({ description: 'The new position within its section (0 = first); past the end = last', example: 0 }),
  })
  .strict()
  .openapi('LessonReorderRequest');

export const ReorderBody = z
  .object({
    sections: z
      .array(
        z
          .object({
            section_id: Uuid,
            lesson_ids: z.array(Uuid).max(L.reorderLessons),
          })
          .strict(),
      )
      .min(1)
      .max(L.reorderSections),
  })
  .strict()
  .openapi('ReorderRequest', {
    description:
      'The complete new order: every section of the course in order, each with every one of its lessons in order. ' +
      'Lessons may move between sections; anything missing, duplicated or foreign is refused.',
  });

// ---------------------------------------------------------------------------------------------- responses
// Absent-able fields are declared nullable (`NullableTimestamp`, `NullableId`, `NullableText`): the
// presentation layer answers `null` for them, never the proto's `""`.

const Timestamp = z.string().openapi({ description: 'RFC 3339 UTC', example: '2026-02-17T18:00:00.000Z' });

export const InstructorSummarySchema = z
  .object({
    id: z.string().uuid(),
    full_name: z.string(),
    bio: NullableText(),
    avatar_url: NullableText().openapi({ description: "The instructor's avatar from their profile; null when none" }),
  })
  .openapi('InstructorSummary');

export const CourseSchema = z
  .object({
    id: z.string().uuid(),
    title: z.string(),
    slug: z.string(),
    description: NullableText(),
    long_description: NullableText().openapi({ description: 'Markdown; null when not set' }),
    category: NullableText().openapi({ description: 'null when not set' }),
    difficulty_level: z.string().openapi({ description: 'beginner | intermediate | advanced' }),
    language: z.string().openapi({ description: 'BCP 47 language tag; default en', example: 'en' }),
    status: z.enum(COURSE_STATUSES).openapi({ description: 'draft | published | archived (derived from is_published and archived_at)' }),
    price: z.number().openapi({ description: 'Major units (e.g. 799.99); 0 = free', example: 799.99 }),
    currency: z.string().openapi({ description: 'ISO 4217', example: 'EGP' }),
    price_cents: z.number().int().openapi({ description: 'Read-only: the same price in minor units (79999)' }),
    thumbnail_url: NullableText(),
    preview_video_url: NullableText(),
    requirements: z.array(z.string()),
    learning_objectives: z.array(z.string()),
    tags: z.array(z.string()),
    access_days: nullable(z.number().int(), 0).openapi({ description: 'Days of access an enrolment grants; null = lifetime' }),
    video_completion_threshold: z
      .number()
      .int()
      .openapi({ description: "Percent at which a video lesson's progress update (`completion_percentage`) completes it; default 80" }),
    instructor_id: z.string().uuid(),
    instructor: nullable(InstructorSummarySchema).openapi({ description: 'The instructor {id, full_name, bio, avatar_url}' }),
    is_published: z.boolean(),
    published_at: NullableTimestamp(),
    archived_at: NullableTimestamp(),
    estimated_duration_minutes: z.number().int().openapi({ description: "Sum of the published lessons' durations" }),
    estimated_duration_hours: z.number().openapi({ description: 'The same in hours, one decimal' }),
    version: z.number().int().openapi({ description: "Bumped when a published course's completion-relevant content changes" }),
    total_lessons: z.number().int().openapi({ description: 'Published lessons' }),
    total_quizzes: z.number().int(),
    enrollment_count: z.number().int(),
    average_rating: z.number(),
    total_reviews: z.number().int().openapi({ description: 'Number of ratings (the seed name; same as rating_count)' }),
    rating_count: z.number().int(),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi('Course');

export const CoursePageSchema = pageSchema('CoursePage', 'courses', CourseSchema);

export const CourseListSchema = listSchema('CourseList', 'courses', CourseSchema);

export const CategoryListSchema = listSchema(
  'CategoryList',
  'categories',
  z.object({ name: z.string(), course_count: z.number().int() }).openapi('Category'),
);

export const ResourceSchema = z.object({ title: z.string(), url: z.string(), type: z.string() }).openapi('Resource');

export const LessonAttachmentSchema = z
  .object({
    file_id: z.string().uuid(),
    filename: z.string().openapi({ description: "The file's original (sanitised) name, as it was when attached" }),
    file_type: z.string().openapi({ description: 'video | document | image' }),
    mime_type: z.string(),
    file_size: z.number().int().openapi({ description: 'Bytes' }),
    download_url: z.string().openapi({
      description: 'The authorised download route, relative to the API origin (readable by whoever may read the lesson)',
      example: '/api/v1/files/download/5f0c…',
    }),
  })
  .openapi('LessonAttachment');

const lessonShape = {
  id: z.string().uuid(),
  course_id: z.string().uuid(),
  section_id: NullableId(),
  title: z.string(),
  slug: z.string(),
  description: NullableText(),
  content: z.string().openapi({ description: 'Markdown; "" in outlines. Instructor-written: sanitise before rendering as HTML' }),
  lesson_type: z.string().openapi({ description: 'video | text | quiz | assignment | document' }),
  order_index: z.number().int().openapi({ description: 'Position within its section' }),
  duration_minutes: z.number().int(),
  video_url: NullableText(),
  resources: z.array(ResourceSchema),
  is_preview: z.boolean(),
  is_published: z.boolean(),
  counts_toward_completion: z.boolean(),
  unlock_at: NullableTimestamp(),
  unlock_after_days: z.number().int(),
  prerequisite: NullableText().openapi({ description: 'previous_lesson | previous_section; null when none' }),
  video_file_id: NullableId().openapi({
    description: 'The uploaded video playing as this lesson\'s video (`GET /files/download/{id}` streams it, Range supported); null when none',
  }),
  attachments: z.array(LessonAttachmentSchema).openapi({ description: 'Uploaded files attached to the lesson, in order' }),
  created_at: Timestamp,
  updated_at: Timestamp,
};

export const LessonSchema = z.object(lessonShape).openapi('Lesson');

export const LessonDetailSchema = LessonSchema.extend({
  unlock_at: NullableTimestamp().openapi({
    description:
      "The drip date; for an enrolled student the date the drip rules open it for them (the later of `unlock_at` and their enrolment + `unlock_after_days`); null when no drip rule",
  }),
  previous_lesson_id: NullableId().openapi({ description: 'The lesson before this one in the course order (null when first)' }),
  next_lesson_id: NullableId().openapi({ description: 'The lesson after this one in the course order (null when last)' }),
  is_completed: z.boolean().openapi({ description: 'Whether the caller completed it (false when not enrolled)' }),
  is_locked: z.boolean().openapi({
    description:
      'Drip date not reached or prerequisite missing, for the enrolled caller: the lesson is then its outline entry only ' +
      '(`content` "", `video_url` null, `resources` [], `video_file_id` null, `attachments` [])',
  }),
  lock_reason: NullableText().openapi({ description: 'Why it is locked: drip | prerequisite | unknown_lesson; null when open' }),
}).openapi('LessonDetail');

/** A section heading in the flat lesson list (seed row 10). */
export const SectionEntrySchema = z
  .object({
    id: z.string().uuid(),
    title: z.string(),
    is_section: z.literal(true),
    order_index: z.number().int().openapi({ description: 'Position of the section in the course' }),
    lessons_count: z.number().int().openapi({ description: 'Lessons of this section in the list' }),
  })
  .openapi('LessonListSection');

/** A lesson in the flat lesson list: the lesson without its content. */
export const LessonEntrySchema = z
  .object({ ...lessonShape, is_section: z.literal(false) })
  .omit({ content: true })
  .openapi('LessonListLesson');

export const LessonListSchema = listSchema(
  'LessonList',
  'lessons',
  z.union([SectionEntrySchema, LessonEntrySchema]).openapi({
    description: 'Each section (`is_section: true`) followed by its lessons (`is_section: false`), in course order',
  }),
).openapi({ description: '`total` is the number of lessons (section entries are not counted)' });

export const SectionSchema = z
  .object({
    id: z.string().uuid(),
    course_id: z.string().uuid(),
    title: z.string(),
    description: NullableText(),
    order_index: z.number().int(),
    lessons: z.array(LessonSchema).openapi({ description: 'In order; content omitted' }),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi('Section');

export const CourseOutlineSchema = z
  .object({
    course_id: z.string().uuid(),
    version: z.number().int(),
    is_published: z.boolean(),
    instructor_id: z.string().uuid(),
    sections: z.array(SectionSchema),
    countable_lesson_ids: z.array(z.string()).openapi({ description: 'Published lessons that count toward completion, in order' }),
  })
  .openapi('CourseOutline');
