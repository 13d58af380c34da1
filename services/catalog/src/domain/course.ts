import type { Caller } from '@lms/kit/auth';
import { CatalogErrors } from './catalog.errors';
import { Checker, length, LIMITS } from './validation';

export const DIFFICULTY_LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export type DifficultyLevel = (typeof DIFFICULTY_LEVELS)[number];

/** A course as the service sees it. */
export interface Course {
  id: string;
  title: string;
  slug: string;
  description: string;
  longDescription: string;
  category: string;
  difficultyLevel: DifficultyLevel;
  /** BCP 47 language tag of the course ("en" by default, as the seed). */
  language: string;
  priceCents: number;
  currency: string;
  thumbnailUrl: string;
  previewVideoUrl: string;
  requirements: string[];
  learningObjectives: string[];
  tags: string[];
  /** Days of access an enrolment gets (null = lifetime). */
  accessDays: number | null;
  /** 1..100: a video lesson's progress update reaching this completion percentage completes it (default 80). */
  videoCompletionThreshold: number;
  instructorId: string;
  isPublished: boolean;
  publishedAt: Date | null;
  archivedAt: Date | null;
  /** 0 until first published; bumped whenever the published countable lessons change. */
  version: number;
  /** The ordered countable lesson ids at the last publication (null: never published). */
  publishedCountableIds: string[] | null;
  totalLessons: number;
  totalQuizzes: number;
  estimatedDurationMinutes: number;
  enrollmentCount: number;
  averageRating: number;
  ratingCount: number;
  createdAt: Date;
  updatedAt: Date;
}

/** The editable, validated content of a course (column values). */
export interface CourseContent {
  title: string;
  description: string;
  longDescription: string;
  category: string;
  difficultyLevel: DifficultyLevel;
  language: string;
  priceCents: number;
  currency: string;
  thumbnailUrl: string;
  previewVideoUrl: string;
  requirements: string[];
  learningObjectives: string[];
  tags: string[];
  accessDays: number | null;
  videoCompletionThreshold: number;
}

/** Field names of UpdateCourse's `fields` (the proto's snake_case names). */
export const COURSE_EDITABLE_FIELDS = [
  'title',
  'slug',
  'description',
  'long_description',
  'category',
  'difficulty_level',
  'language',
  'price_cents',
  'currency',
  'thumbnail_url',
  'preview_video_url',
  'requirements',
  'learning_objectives',
  'tags',
  'access_days',
  'video_completion_threshold',
] as const;
export type CourseField = (typeof COURSE_EDITABLE_FIELDS)[number];

/** What a create or update request carries, already decoded from the wire (snake_case → camelCase). */
export interface CourseInput {
  title: string;
  slug: string;
  description: string;
  longDescription: string;
  category: string;
  difficultyLevel: string;
  /** "" = the default ("en") on create and update. */
  language?: string;
  priceCents: string | number;
  currency: string;
  thumbnailUrl: string;
  previewVideoUrl: string;
  requirements: string[];
  learningObjectives: string[];
  tags: string[];
  /** 0 = lifetime access. */
  accessDays?: number | string;
  /** 1..100; 0/absent = DEFAULT_VIDEO_COMPLETION_THRESHOLD. */
  videoCompletionThreshold?: number | string;
}

/** The seed's default course language. */
export const DEFAULT_LANGUAGE = 'en';

/** The seed's rule: a video watched to 80 % counts as completed, unless the course sets another threshold. */
export const DEFAULT_VIDEO_COMPLETION_THRESHOLD = 80;

/** Service-wide defaults of a course's fields (from configuration). */
export interface CourseDefaults {
  /** ISO 4217; used when `currency` is "". */
  currency: string;
}

const BUILT_IN_DEFAULTS: CourseDefaults = { currency: 'USD' };

type Validators = {
  [K in Exclude<CourseField, 'slug'>]: (check: Checker, input: CourseInput, defaults: CourseDefaults) => Partial<CourseContent>;
};

const VALIDATORS: Validators = {
  title: (c, i) => ({ title: c.line('title', i.title, LIMITS.courseTitleMin, LIMITS.courseTitleMax) }),
  description: (c, i) => ({ description: c.text('description', i.description, LIMITS.descriptionMax) }),
  long_description: (c, i) => ({ longDescription: c.text('long_description', i.longDescription, LIMITS.longDescriptionMax) }),
  category: (c, i) => ({ category: c.line('category', i.category, 0, LIMITS.categoryMax) }),
  difficulty_level: (c, i) => ({ difficultyLevel: c.oneOf('difficulty_level', i.difficultyLevel, DIFFICULTY_LEVELS, 'beginner') }),
  language: (c, i) => ({ language: c.language('language', i.language ?? '', DEFAULT_LANGUAGE) }),
  price_cents: (c, i) => ({ priceCents: c.int('price_cents', i.priceCents, 0, LIMITS.priceMax) }),
  currency: (c, i, d) => ({ currency: c.currency('currency', i.currency, d.currency) }),
  thumbnail_url: (c, i) => ({ thumbnailUrl: c.url('thumbnail_url', i.thumbnailUrl) }),
  preview_video_url: (c, i) => ({ previewVideoUrl: c.url('preview_video_url', i.previewVideoUrl) }),
  requirements: (c, i) => ({ requirements: c.list('requirements', i.requirements) }),
  learning_objectives: (c, i) => ({ learningObjectives: c.list('learning_objectives', i.learningObjectives) }),
  tags: (c, i) => ({ tags: c.list('tags', i.tags, { lowerCase: true, unique: true }) }),
  access_days: (c, i) => ({ accessDays: c.int('access_days', i.accessDays ?? 0, 0, 3650) || null }),
  video_completion_threshold: (c, i) => ({
    videoCompletionThreshold:
      c.int('video_completion_threshold', i.videoCompletionThreshold || DEFAULT_VIDEO_COMPLETION_THRESHOLD, 1, 100) || DEFAULT_VIDEO_COMPLETION_THRESHOLD,
  }),
};

/**
 * A new course's content. `slug` is the client's (validated) slug, or undefined to generate one from
 * the title. Empty difficulty → beginner, empty currency → the configured default (DEFAULT_CURRENCY).
 */
export function validateNewCourse(
  input: CourseInput,
  defaults: CourseDefaults = BUILT_IN_DEFAULTS,
): { content: CourseContent; slug: string | undefined } {
  const check = new Checker();
  const content = {} as CourseContent;
  for (const validate of Object.values(VALIDATORS)) Object.assign(content, validate(check, input, defaults));
  const slug = input.slug === '' ? undefined : check.slug('slug', input.slug);
  if (!check.ok) throw CatalogErrors.validation(check.errors);
  return { content, slug };
}

/**
 * A partial update: only the named fields are validated and returned. `slug: ''` means "generate it
 * again from the (new) title"; `slug: undefined` leaves it unchanged.
 */
export function validateCoursePatch(
  input: CourseInput,
  fields: string[],
  defaults: CourseDefaults = BUILT_IN_DEFAULTS,
): { patch: Partial<CourseContent>; slug: string | undefined; changed: CourseField[] } {
  const check = new Checker();
  const named = check.fields(fields, COURSE_EDITABLE_FIELDS);
  const patch: Partial<CourseContent> = {};
  let slug: string | undefined;
  for (const field of named) {
    if (field === 'slug') slug = input.slug === '' ? '' : check.slug('slug', input.slug);
    else Object.assign(patch, VALIDATORS[field](check, input, defaults));
  }
  if (!check.ok) throw CatalogErrors.validation(check.errors);
  return { patch, slug, changed: [...named] };
}

// ---------------------------------------------------------------------------------------------- access

/** Instructors and administrators write courses; students only read. */
export function canAuthor(caller: Caller | undefined): boolean {
  return !!caller && (caller.role === 'instructor' || caller.role === 'admin');
}

export const COURSE_STATUSES = ['draft', 'published', 'archived'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];

/**
 * The seed's course `status`, derived from the one source of truth (`is_published`, `archived_at`): archived
 * when archived (never published then), published when published, else draft.
 */
export function courseStatus(course: Pick<Course, 'isPublished' | 'archivedAt'>): CourseStatus {
  if (course.archivedAt !== null) return 'archived';
  return course.isPublished ? 'published' : 'draft';
}

export function isPubliclyVisible(course: Pick<Course, 'isPublished' | 'archivedAt'>): boolean {
  return course.isPublished && course.archivedAt === null;
}

/** The owner (while still an instructor) and administrators manage a course. */
export function canManage(course: Pick<Course, 'instructorId'>, caller: Caller | undefined): boolean {
  if (!caller) return false;
  if (caller.role === 'admin') return true;
  return caller.role === 'instructor' && caller.userId === course.instructorId;
}

export function canView(course: Pick<Course, 'isPublished' | 'archivedAt' | 'instructorId'>, caller: Caller | undefined): boolean {
  return isPubliclyVisible(course) || canManage(course, caller);
}

/**
 * Writes: owner or admin. Others get PERMISSION_DENIED for a course they can see, and NOT_FOUND for
 * one they cannot (drafts stay invisible, even to a writer who guessed an id).
 */
export function assertCanManage(course: Course | undefined, caller: Caller): Course {
  if (!course) throw CatalogErrors.courseNotFound();
  if (canManage(course, caller)) return course;
  if (canView(course, caller)) throw CatalogErrors.notOwner();
  throw CatalogErrors.courseNotFound();
}

// ---------------------------------------------------------------------------------------------- listing

export const COURSE_SORTS = ['newest', 'title', 'popular', 'relevance'] as const;
export type CourseSort = (typeof COURSE_SORTS)[number];

/**
 * Which courses a listing may show: `public` = published and not archived (anonymous callers,
 * students, and anyone who did not ask for unpublished courses); `own-and-public` = an instructor's
 * own courses in any state plus the public ones; `all` = administrators asking for unpublished.
 */
export type Visibility = { kind: 'public' } | { kind: 'own-and-public'; instructorId: string } | { kind: 'all' };

export function listingVisibility(caller: Caller | undefined, includeUnpublished: boolean): Visibility {
  if (!includeUnpublished || !caller) return { kind: 'public' };
  if (caller.role === 'admin') return { kind: 'all' };
  if (caller.role === 'instructor') return { kind: 'own-and-public', instructorId: caller.userId };
  return { kind: 'public' };
}

export interface CourseFilter {
  category?: string;
  difficultyLevel?: DifficultyLevel;
  /** Canonical language tag. */
  language?: string;
  instructorId?: string;
  minPriceCents?: number;
  maxPriceCents?: number;
  isFree?: boolean;
  search?: string;
}

export interface ListCoursesInput {
  page: number;
  pageSize: number;
  category: string;
  difficultyLevel: string;
  /** "" = any language. */
  language?: string;
  instructorId: string;
  minPriceCents: string | number;
  maxPriceCents: string | number;
  isFree: string;
  search: string;
  sort: string;
}

/** Validates a listing request; the sort defaults to relevance when searching, else newest. */
export function validateListCourses(input: ListCoursesInput): {
  page: number;
  pageSize: number;
  filter: CourseFilter;
  sort: CourseSort;
} {
  const check = new Checker();
  const { page, pageSize } = check.paging(input.page, input.pageSize);
  const filter: CourseFilter = {};
  const category = check.line('category', input.category, 0, LIMITS.categoryMax);
  if (category) filter.category = category;
  if (input.difficultyLevel) filter.difficultyLevel = check.oneOf('difficulty_level', input.difficultyLevel, DIFFICULTY_LEVELS);
  if (input.language) filter.language = check.language('language', input.language);
  if (input.instructorId) filter.instructorId = check.uuid('instructor_id', input.instructorId);
  const min = check.int('min_price_cents', input.minPriceCents, -1, LIMITS.priceMax);
  const max = check.int('max_price_cents', input.maxPriceCents, -1, LIMITS.priceMax);
  if (min >= 0) filter.minPriceCents = min;
  if (max >= 0) filter.maxPriceCents = max;
  if (min >= 0 && max >= 0 && min > max) check.add('min_price_cents', 'must not be greater than max_price_cents');
  if (input.isFree === 'true') filter.isFree = true;
  else if (input.isFree === 'false') filter.isFree = false;
  else if (input.isFree !== '') check.add('is_free', 'must be "true", "false" or empty');
  const search = check.line('search', input.search, 0, LIMITS.searchMax);
  if (search && length(search) < LIMITS.searchMin) check.add('search', `must be at least ${LIMITS.searchMin} characters`);
  else if (search) filter.search = search;
  let sort: CourseSort = filter.search ? 'relevance' : 'newest';
  if (input.sort) sort = check.oneOf('sort', input.sort, COURSE_SORTS);
  if (sort === 'relevance' && !filter.search) sort = 'newest';
  if (!check.ok) throw CatalogErrors.validation(check.errors);
  return { page, pageSize, filter, sort };
}

export const MY_COURSE_STATUSES = COURSE_STATUSES;
export type MyCourseStatus = CourseStatus;
