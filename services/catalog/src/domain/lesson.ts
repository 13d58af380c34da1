import { CatalogErrors } from './catalog.errors';
import { attachmentIds, type LessonAttachment } from './lesson-files';
import { Checker, LIMITS } from './validation';

export const LESSON_TYPES = ['video', 'text', 'quiz', 'assignment', 'document'] as const;
export type LessonType = (typeof LESSON_TYPES)[number];
export const PREREQUISITES = ['', 'previous_lesson', 'previous_section'] as const;
export type Prerequisite = (typeof PREREQUISITES)[number];
export const RESOURCE_TYPES = ['link', 'pdf', 'video', 'file', 'other'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export interface Resource {
  title: string;
  url: string;
  type: ResourceType;
}

export interface Section {
  id: string;
  courseId: string;
  title: string;
  description: string;
  orderIndex: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface Lesson {
  id: string;
  courseId: string;
  sectionId: string;
  title: string;
  slug: string;
  description: string;
  /** Markdown; "" when read without content (lists, outlines). */
  content: string;
  lessonType: LessonType;
  orderIndex: number;
  durationMinutes: number;
  videoUrl: string;
  resources: Resource[];
  isPreview: boolean;
  isPublished: boolean;
  countsTowardCompletion: boolean;
  unlockAt: Date | null;
  unlockAfterDays: number;
  prerequisite: Prerequisite;
  /** An uploaded video (media service) playing as the lesson's video; null = none. */
  videoFileId: string | null;
  /** Uploaded files attached to the lesson, in order (a snapshot of their facts taken when attached). */
  attachments: LessonAttachment[];
  createdAt: Date;
  updatedAt: Date;
}

/** The editable, validated content of a lesson (column values). */
export interface LessonContent {
  title: string;
  description: string;
  content: string;
  lessonType: LessonType;
  durationMinutes: number;
  videoUrl: string;
  resources: Resource[];
  isPreview: boolean;
  countsTowardCompletion: boolean;
  unlockAt: Date | null;
  unlockAfterDays: number;
  prerequisite: Prerequisite;
  /** Checked against the media service's facts by the use case (`checkLessonFiles`), not here. */
  videoFileId: string | null;
}

export const LESSON_EDITABLE_FIELDS = [
  'section_id',
  'title',
  'slug',
  'description',
  'content',
  'lesson_type',
  'duration_minutes',
  'video_url',
  'resources',
  'is_preview',
  'counts_toward_completion',
  'unlock_at',
  'unlock_after_days',
  'prerequisite',
  'video_file_id',
  'attachment_file_ids',
] as const;
export type LessonField = (typeof LESSON_EDITABLE_FIELDS)[number];

export interface LessonInput {
  sectionId: string;
  title: string;
  slug: string;
  description: string;
  content: string;
  lessonType: string;
  durationMinutes: number;
  videoUrl: string;
  resources: { title: string; url: string; type: string }[];
  isPreview: boolean;
  countsTowardCompletion: boolean;
  unlockAt: string;
  unlockAfterDays: number;
  prerequisite: string;
  /** "" = none (on an update with "video_file_id" in `fields`: detach the video). */
  videoFileId: string;
  attachmentFileIds: string[];
}

/** The fields that are lesson columns (attachments are rows of their own). */
export type ContentField = Exclude<LessonField, 'section_id' | 'slug' | 'attachment_file_ids'>;
type Validators = { [K in ContentField]: (check: Checker, input: LessonInput) => Partial<LessonContent> };

const VALIDATORS: Validators = {
  title: (c, i) => ({ title: c.line('title', i.title, LIMITS.lessonTitleMin, LIMITS.lessonTitleMax) }),
  description: (c, i) => ({ description: c.text('description', i.description, LIMITS.descriptionMax) }),
  content: (c, i) => ({ content: c.text('content', i.content, LIMITS.contentMax) }),
  lesson_type: (c, i) => ({ lessonType: c.oneOf('lesson_type', i.lessonType, LESSON_TYPES, 'text') }),
  duration_minutes: (c, i) => ({ durationMinutes: c.int('duration_minutes', i.durationMinutes, 0, LIMITS.durationMax) }),
  video_url: (c, i) => ({ videoUrl: c.url('video_url', i.videoUrl) }),
  resources: (c, i) => ({ resources: resources(c, i.resources) }),
  is_preview: (_c, i) => ({ isPreview: !!i.isPreview }),
  counts_toward_completion: (_c, i) => ({ countsTowardCompletion: !!i.countsTowardCompletion }),
  unlock_at: (c, i) => ({ unlockAt: c.timestamp('unlock_at', i.unlockAt) }),
  unlock_after_days: (c, i) => ({ unlockAfterDays: c.int('unlock_after_days', i.unlockAfterDays, 0, LIMITS.unlockAfterDaysMax) }),
  prerequisite: (c, i) => ({ prerequisite: c.oneOf('prerequisite', i.prerequisite, PREREQUISITES) }),
  video_file_id: (c, i) => ({ videoFileId: i.videoFileId ? c.uuid('video_file_id', i.videoFileId) || null : null }),
};

function resources(check: Checker, raw: LessonInput['resources']): Resource[] {
  if (raw.length > LIMITS.resourcesMax) {
    check.add('resources', `must contain at most ${LIMITS.resourcesMax} items`);
    return [];
  }
  return raw.map((r, i) => ({
    title: check.line(['resources', i, 'title'], r.title, 1, LIMITS.titleMax),
    url: check.url(['resources', i, 'url'], r.url, true),
    type: check.oneOf(['resources', i, 'type'], r.type, RESOURCE_TYPES, 'link'),
  }));
}

/**
 * A new lesson. Every content field is validated (empty means default); `counts_toward_completion`
 * defaults to true unless it is listed in `fields` (the proto cannot tell false from unset).
 * `sectionId` undefined = the course's last section; `slug` undefined = generated from the title.
 */
export function validateNewLesson(
  input: LessonInput,
  fields: string[],
): { content: LessonContent; attachmentFileIds: string[]; sectionId: string | undefined; slug: string | undefined } {
  const check = new Checker();
  const named = check.fields(fields, LESSON_EDITABLE_FIELDS, true);
  const content = {} as LessonContent;
  for (const validate of Object.values(VALIDATORS)) Object.assign(content, validate(check, input));
  if (!named.has('counts_toward_completion')) content.countsTowardCompletion = true;
  requireVideoUrl(check, content);
  const attachmentFileIds = attachmentIds(check, input.attachmentFileIds ?? []);
  const sectionId = input.sectionId ? check.uuid('section_id', input.sectionId) : undefined;
  const slug = input.slug === '' ? undefined : check.slug('slug', input.slug);
  if (!check.ok) throw CatalogErrors.validation(check.errors);
  return { content, attachmentFileIds, sectionId, slug };
}

/**
 * The seed's rule: a video lesson needs its video — a `video_url` or an uploaded `video_file_id`. Checked on
 * create, and on an update that sets the type, the URL or the file; existing video lessons without one are
 * not refused other edits (nor is the detaching of a deleted file: see `detachDeletedFile`).
 */
export function requireVideoUrl(check: Checker, lesson: Pick<LessonContent, 'lessonType' | 'videoUrl' | 'videoFileId'>): void {
  const reported = check.errors.some((e) => e.loc[0] === 'video_url' || e.loc[0] === 'video_file_id');
  if (lesson.lessonType === 'video' && !lesson.videoUrl && !lesson.videoFileId && !reported) {
    check.add('video_url', 'is required for video lessons (or an uploaded video as video_file_id)');
  }
}

/** An update's result must keep a video lesson's video (only checked when the update touches the type, the URL or the file). */
export function assertVideoUrlKept(current: Pick<Lesson, 'lessonType' | 'videoUrl' | 'videoFileId'>, patch: Partial<LessonContent>): void {
  if (patch.lessonType === undefined && patch.videoUrl === undefined && patch.videoFileId === undefined) return;
  const check = new Checker();
  requireVideoUrl(check, {
    lessonType: patch.lessonType ?? current.lessonType,
    videoUrl: patch.videoUrl ?? current.videoUrl,
    videoFileId: patch.videoFileId !== undefined ? patch.videoFileId : current.videoFileId,
  });
  if (!check.ok) throw CatalogErrors.validation(check.errors);
}

/** A partial update of a lesson; `slug: ''` = generate again from the title; `sectionId` = move there. */
export function validateLessonPatch(
  input: LessonInput,
  fields: string[],
): {
  patch: Partial<LessonContent>;
  /** The complete new list of attachments, when `attachment_file_ids` is in `fields`. */
  attachmentFileIds: string[] | undefined;
  sectionId: string | undefined;
  slug: string | undefined;
  changed: LessonField[];
} {
  const check = new Checker();
  const named = check.fields(fields, LESSON_EDITABLE_FIELDS);
  const patch: Partial<LessonContent> = {};
  let sectionId: string | undefined;
  let slug: string | undefined;
  let attachmentFileIds: string[] | undefined;
  for (const field of named) {
    if (field === 'section_id') sectionId = check.uuid('section_id', input.sectionId);
    else if (field === 'slug') slug = input.slug === '' ? '' : check.slug('slug', input.slug);
    else if (field === 'attachment_file_ids') attachmentFileIds = attachmentIds(check, input.attachmentFileIds ?? []);
    else Object.assign(patch, VALIDATORS[field](check, input));
  }
  if (!check.ok) throw CatalogErrors.validation(check.errors);
  return { patch, attachmentFileIds, sectionId, slug, changed: [...named] };
}

export function validateSection(
  input: { title: string; description: string },
  fields?: string[],
): { title?: string; description?: string; changed: ('title' | 'description')[] } {
  const check = new Checker();
  const named = fields ? check.fields(fields, ['title', 'description'] as const) : new Set(['title', 'description'] as const);
  const out: { title?: string; description?: string; changed: ('title' | 'description')[] } = { changed: [...named] };
  if (named.has('title')) out.title = check.line('title', input.title, 1, LIMITS.titleMax);
  if (named.has('description')) out.description = check.text('description', input.description, LIMITS.descriptionMax);
  if (!check.ok) throw CatalogErrors.validation(check.errors);
  return out;
}

// ---------------------------------------------------------------------------------------------- structure

/** Lessons in course order: by their section's position, then their own. */
export function inCourseOrder<L extends Pick<Lesson, 'sectionId' | 'orderIndex'>>(sections: Pick<Section, 'id' | 'orderIndex'>[], lessons: L[]): L[] {
  const sectionPos = new Map(sections.map((s) => [s.id, s.orderIndex]));
  return [...lessons].sort(
    (a, b) => (sectionPos.get(a.sectionId) ?? 0) - (sectionPos.get(b.sectionId) ?? 0) || a.orderIndex - b.orderIndex,
  );
}

/** The ids that count toward completion: published lessons with the flag, in course order. */
export function countableIds(ordered: Pick<Lesson, 'id' | 'isPublished' | 'countsTowardCompletion'>[]): string[] {
  return ordered.filter((l) => l.isPublished && l.countsTowardCompletion).map((l) => l.id);
}

export function sameIds(a: readonly string[] | null, b: readonly string[]): boolean {
  return !!a && a.length === b.length && a.every((id, i) => id === b[i]);
}

/** Totals shown on a course, from its published lessons. */
export function contentTotals(lessons: Pick<Lesson, 'isPublished' | 'lessonType' | 'durationMinutes'>[]): {
  totalLessons: number;
  totalQuizzes: number;
  estimatedDurationMinutes: number;
} {
  const published = lessons.filter((l) => l.isPublished);
  return {
    totalLessons: published.length,
    totalQuizzes: published.filter((l) => l.lessonType === 'quiz').length,
    estimatedDurationMinutes: published.reduce((sum, l) => sum + l.durationMinutes, 0),
  };
}

/**
 * Checks a ReorderLessons request against the course's actual structure: every section exactly once,
 * every lesson exactly once, nothing foreign. Returns the new positions.
 */
export function validateReorder(
  request: { sectionId: string; lessonIds: string[] }[],
  actual: { sectionIds: string[]; lessonIds: string[] },
): { sections: { id: string; orderIndex: number }[]; lessons: { id: string; sectionId: string; orderIndex: number }[] } {
  const check = new Checker();
  const knownSections = new Set(actual.sectionIds);
  const knownLessons = new Set(actual.lessonIds);
  const seenSections = new Set<string>();
  const seenLessons = new Set<string>();
  const sections: { id: string; orderIndex: number }[] = [];
  const lessons: { id: string; sectionId: string; orderIndex: number }[] = [];
  request.forEach((entry, i) => {
    const sectionId = check.uuid(['sections', i, 'section_id'], entry.sectionId);
    if (sectionId) {
      if (!knownSections.has(sectionId)) check.add(['sections', i, 'section_id'], 'is not a section of this course');
      else if (seenSections.has(sectionId)) check.add(['sections', i, 'section_id'], 'is listed more than once');
      seenSections.add(sectionId);
    }
    sections.push({ id: sectionId, orderIndex: i });
    entry.lessonIds.forEach((raw, j) => {
      const lessonId = check.uuid(['sections', i, 'lesson_ids', j], raw);
      if (!lessonId) return;
      if (!knownLessons.has(lessonId)) check.add(['sections', i, 'lesson_ids', j], 'is not a lesson of this course');
      else if (seenLessons.has(lessonId)) check.add(['sections', i, 'lesson_ids', j], 'is listed more than once');
      seenLessons.add(lessonId);
      lessons.push({ id: lessonId, sectionId, orderIndex: j });
    });
  });
  const missingSections = actual.sectionIds.filter((id) => !seenSections.has(id));
  const missingLessons = actual.lessonIds.filter((id) => !seenLessons.has(id));
  if (missingSections.length) check.add('sections', `must list every section of the course; missing: ${missingSections.join(', ')}`);
  if (missingLessons.length) check.add('sections', `must list every lesson of the course; missing: ${missingLessons.join(', ')}`);
  if (!check.ok) throw CatalogErrors.validation(check.errors);
  return { sections, lessons };
}

/** The largest position a MoveLesson request may name (anything past the end means "the end"). */
export const MOVE_INDEX_MAX = 1_000_000;

/** Checks a MoveLesson target position: an integer ≥ 0 (past the end is allowed: it means the end). */
export function validateMoveIndex(raw: number | string): number {
  const check = new Checker();
  const index = check.int('new_order_index', raw, 0, MOVE_INDEX_MAX);
  if (!check.ok) throw CatalogErrors.validation(check.errors);
  return index;
}

/**
 * The new positions of a section's lessons (`ordered`, in their current order) after moving `lessonId`
 * to `newIndex` (clamped to the last position); positions stay contiguous from 0.
 */
export function moveWithinSection(ordered: readonly string[], lessonId: string, newIndex: number): { id: string; orderIndex: number }[] {
  const rest = ordered.filter((id) => id !== lessonId);
  const at = Math.min(Math.max(newIndex, 0), rest.length);
  rest.splice(at, 0, lessonId);
  return rest.map((id, orderIndex) => ({ id, orderIndex }));
}
