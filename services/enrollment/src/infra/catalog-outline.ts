import type { CourseOutline__Output } from '@lms/kit/generated/lms/catalog/v1/CourseOutline';
import type { CourseVersionInput } from '../domain/course';

const dateOrNull = (value: string): Date | null => {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
};

/**
 * A catalog outline as a course version snapshot: the published lessons in outline order (sections in
 * order, lessons in order within them) and the countable ids as catalog computed them.
 */
export function versionFromOutline(outline: CourseOutline__Output): CourseVersionInput {
  const lessons = outline.sections.flatMap((section) =>
    section.lessons
      .filter((lesson) => lesson.is_published)
      .map((lesson) => ({
        lessonId: lesson.id,
        sectionId: lesson.section_id || section.id || null,
        orderIndex: lesson.order_index,
        lessonType: lesson.lesson_type,
        unlockAt: dateOrNull(lesson.unlock_at),
        unlockAfterDays: lesson.unlock_after_days,
        prerequisite: lesson.prerequisite,
        title: lesson.title,
      })),
  );
  return {
    courseId: outline.course_id,
    version: outline.version,
    instructorId: outline.instructor_id || null,
    title: '',
    publishedAt: null,
    countableLessonIds: outline.countable_lesson_ids,
    lessons,
  };
}
