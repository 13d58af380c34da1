import { canManage, type Course } from '../../domain/course';
import { countableIds, type Lesson, type Section } from '../../domain/lesson';
import type { CatalogDeps, CatalogRepositories } from '../deps';
import { assertCanRead, requireUuid, type Caller } from '../shared';

export interface OutlineSection extends Section {
  /** In order, without content. */
  lessons: Lesson[];
}

export interface Outline {
  courseId: string;
  version: number;
  isPublished: boolean;
  instructorId: string;
  sections: OutlineSection[];
  /** Published lessons that count toward completion, in course order. */
  countableLessonIds: string[];
  /** Days of access an enrolment gets (null = lifetime). */
  accessDays: number | null;
  /** Percent at which a video lesson's progress update completes it. */
  videoCompletionThreshold: number;
}

/**
 * A lesson as an outline shows it to someone who does not manage the course: no content, and — unless it
 * is a preview lesson (public) — no `video_url`, `resources`, `video_file_id` or attachments either (a video
 * lesson's video is its content: it is served by GetLesson, where enrolment, drip dates and prerequisites are
 * checked).
 */
export function publicOutlineEntry(lesson: Lesson): Lesson {
  return lesson.isPreview
    ? { ...lesson, content: '' }
    : { ...lesson, content: '', videoUrl: '', resources: [], videoFileId: null, attachments: [] };
}

/**
 * Sections with their lessons in order (no content). With `includeDrafts` (owner/admin) everything;
 * otherwise published lessons only, as outline entries (`publicOutlineEntry`), and only the sections that have one.
 * `read` is `units.read` for the query, or a command's unit of work (ReorderLessons answers with the new outline).
 */
export async function loadOutline(read: CatalogRepositories, course: Course, options: { includeDrafts: boolean }): Promise<Outline> {
  const [sections, lessons] = await Promise.all([read.sections.listByCourse(course.id), read.lessons.listByCourse(course.id)]);
  const visible = options.includeDrafts ? lessons : lessons.filter((l) => l.isPublished).map(publicOutlineEntry);
  const bySection = new Map<string, Lesson[]>(sections.map((s) => [s.id, []]));
  for (const lesson of visible) bySection.get(lesson.sectionId)?.push(lesson);
  return {
    courseId: course.id,
    version: course.version,
    isPublished: course.isPublished,
    instructorId: course.instructorId,
    sections: sections
      .map((s) => ({ ...s, lessons: bySection.get(s.id) ?? [] }))
      .filter((s) => options.includeDrafts || s.lessons.length > 0),
    countableLessonIds: countableIds(lessons),
    accessDays: course.accessDays,
    videoCompletionThreshold: course.videoCompletionThreshold,
  };
}

/** The outline for everyone who may read the course (`canRead`; other services use it: countable ids + version). */
export async function getCourseOutline(deps: CatalogDeps, caller: Caller | undefined, query: { courseId: string }): Promise<Outline> {
  const courseId = requireUuid('course_id', query.courseId);
  const course = await assertCanRead(deps, await deps.units.read.courses.findById(courseId), caller);
  return loadOutline(deps.units.read, course, { includeDrafts: canManage(course, caller) });
}
