import type { CourseLesson } from '../../domain/course';
import type { Enrollment } from '../../domain/enrollment';
import { dripUnlockAt, evaluateLock, type LessonProgress } from '../../domain/progress';
import { Checker } from '../../domain/validation';
import type { EnrollmentDeps } from '../deps';
import { loadVisible, throwIfInvalid, type Caller, type Viewer } from '../shared';

export interface LessonProgressView {
  lesson: CourseLesson;
  /** From the read model's lesson titles ("" = not known yet). */
  title: string;
  locked: boolean;
  unlockAt: Date | null;
  progress: LessonProgress | null;
}

/**
 * Per-lesson progress of an enrolment: every lesson of its course version in order, with its status,
 * whether it is locked (drip or prerequisite) and when a drip lock lifts. Notes are the student's own.
 */
export async function getProgress(
  deps: EnrollmentDeps,
  caller: Caller,
  q: { enrollmentId: string },
): Promise<{ enrollment: Enrollment; viewer: Viewer; lessons: LessonProgressView[] }> {
  const check = new Checker();
  const enrollmentId = check.uuid('enrollment_id', q.enrollmentId);
  throwIfInvalid(check);
  const { enrollment, viewer } = await loadVisible(deps, caller, enrollmentId);
  const { courses, progress } = deps.units.read;
  // Two local queries, whatever the number of lessons (titles joined in: no call to catalog per lesson).
  const [withTitles, rows] = await Promise.all([
    courses.listLessonsWithTitles(enrollment.courseId, enrollment.courseVersion),
    progress.listForEnrollment(enrollment.id),
  ]);
  const lessons = withTitles.map((l) => l.lesson);
  const byLesson = new Map(rows.map((r) => [r.lessonId, viewer === 'student' ? r : { ...r, notes: '' }]));
  const completed = (id: string) => Boolean(byLesson.get(id)?.completedAt);
  const now = deps.clock();
  const views = lessons.map((lesson, i) => {
    let prerequisiteLessons: CourseLesson[] = [];
    if (lesson.prerequisite === 'previous_lesson' && i > 0) prerequisiteLessons = [lessons[i - 1]];
    else if (lesson.prerequisite === 'previous_section')
      prerequisiteLessons = lessons.filter((l) => l.sectionPosition === lesson.sectionPosition - 1);
    const lock = evaluateLock(lesson, {
      enrolledAt: enrollment.enrolledAt,
      now,
      prerequisiteLessons: prerequisiteLessons.map((l) => ({ lessonId: l.lessonId, completed: completed(l.lessonId) })),
    });
    const progress = byLesson.get(lesson.lessonId) ?? null;
    return {
      lesson,
      title: withTitles[i].title,
      locked: lock.kind !== 'open' && !progress?.completedAt,
      unlockAt: lock.kind === 'drip' ? lock.unlockAt : dripUnlockAt(lesson, enrollment.enrolledAt),
      progress,
    };
  });
  return { enrollment, viewer, lessons: views };
}
