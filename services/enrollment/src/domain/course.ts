/**
 * The enrollment service's picture of a course: one immutable snapshot per course version, built from
 * catalog's `course.published` event (or its outline when the event is late). It says, per lesson, its
 * position, the drip and prerequisite rules, and whether it counts toward completion.
 */
export const PREREQUISITES = ['', 'previous_lesson', 'previous_section'] as const;
export type Prerequisite = (typeof PREREQUISITES)[number];

export type CourseStatus = 'published' | 'unpublished' | 'archived';

export interface CourseLesson {
  lessonId: string;
  sectionId: string | null;
  /** 0-based position in the whole course. */
  position: number;
  /** 0-based position of its section among the course's sections (as they first appear). */
  sectionPosition: number;
  orderIndex: number;
  lessonType: string;
  unlockAt: Date | null;
  unlockAfterDays: number;
  prerequisite: Prerequisite;
  countable: boolean;
}

export interface CourseVersion {
  courseId: string;
  version: number;
  instructorId: string | null;
  title: string;
  publishedAt: Date | null;
  countableLessonIds: string[];
  lessons: CourseLesson[];
}

export interface LessonInput {
  lessonId: string;
  sectionId: string | null;
  orderIndex: number;
  lessonType: string;
  unlockAt: Date | null;
  unlockAfterDays: number;
  prerequisite: string;
  /** The lesson's current title, when the source carries it (not part of the version: see lesson_titles). */
  title?: string;
}

export interface CourseVersionInput {
  courseId: string;
  version: number;
  instructorId: string | null;
  title: string;
  publishedAt: Date | null;
  /** Ordered; lessons that count toward completion. */
  countableLessonIds: string[];
  /** In course order (sections in order, lessons in order within them). */
  lessons: LessonInput[];
}

/**
 * Normalises a published version: positions follow the given order, a countable id missing from the
 * lesson list is appended as a plain lesson (the count must never disagree with the list), duplicates
 * are dropped, unknown prerequisite kinds are treated as none.
 */
export function buildCourseVersion(input: CourseVersionInput): CourseVersion {
  const countable = [...new Set(input.countableLessonIds.map((id) => id.toLowerCase()))];
  const countableSet = new Set(countable);
  const seen = new Set<string>();
  const sectionPositions = new Map<string, number>();
  const lessons: CourseLesson[] = [];
  const add = (lesson: LessonInput) => {
    const id = lesson.lessonId.toLowerCase();
    if (seen.has(id)) return;
    seen.add(id);
    const sectionKey = lesson.sectionId ?? '';
    if (!sectionPositions.has(sectionKey)) sectionPositions.set(sectionKey, sectionPositions.size);
    lessons.push({
      lessonId: id,
      sectionId: lesson.sectionId,
      position: lessons.length,
      sectionPosition: sectionPositions.get(sectionKey)!,
      orderIndex: lesson.orderIndex,
      lessonType: lesson.lessonType,
      unlockAt: lesson.unlockAt,
      unlockAfterDays: Math.max(0, Math.trunc(lesson.unlockAfterDays || 0)),
      prerequisite: (PREREQUISITES as readonly string[]).includes(lesson.prerequisite) ? (lesson.prerequisite as Prerequisite) : '',
      countable: countableSet.has(id),
    });
  };
  input.lessons.forEach(add);
  const lastSection = lessons.length ? lessons[lessons.length - 1].sectionId : null;
  for (const id of countable) {
    if (!seen.has(id)) add({ lessonId: id, sectionId: lastSection, orderIndex: 0, lessonType: '', unlockAt: null, unlockAfterDays: 0, prerequisite: '' });
  }
  return {
    courseId: input.courseId.toLowerCase(),
    version: input.version,
    instructorId: input.instructorId,
    title: input.title,
    publishedAt: input.publishedAt,
    countableLessonIds: countable,
    lessons,
  };
}
