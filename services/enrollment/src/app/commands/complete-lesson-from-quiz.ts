import type { CommandEnv, EnrollmentDeps, EnrollmentUnitOfWork } from '../deps';
import { fetchOutlineThrottled, type CatalogOutline } from './course-model';
import { storeOutline } from './apply-course-version';
import { completeLocked, lockEnrollment } from './lesson-progress';

export interface QuizPassedFact {
  studentId: string;
  courseId: string;
  lessonId: string;
  passedAt: Date;
}

/**
 * Before `quiz.passed`'s inbox transaction (the consumer's `prepare`: no transaction open, reads on autocommit):
 * when the quiz's lesson is not in our model of the course yet (its course.published may be late), fetches
 * catalog's outline (throttled per course). The handler stores it in its own unit of work; a failed fetch is
 * logged and the completion is still recorded (it counts once the version arrives).
 */
export async function prepareLessonFromQuiz(deps: EnrollmentDeps, fact: QuizPassedFact): Promise<CatalogOutline | null> {
  const read = deps.units.read;
  const found = await read.enrollments.findByStudentCourse(fact.studentId, fact.courseId);
  if (!found) return null;
  const course = await read.courses.get(fact.courseId);
  const knownVersion = Math.max(course?.currentVersion ?? 0, found.courseVersion);
  if (course && (await read.courses.getLesson(fact.courseId, knownVersion, fact.lessonId))) return null;
  return fetchOutlineThrottled(deps, fact.courseId).catch((err: Error) => {
    deps.logger.warn({ err: err.message, course_id: fact.courseId }, 'could not refresh the course outline for quiz.passed');
    return null;
  });
}

/**
 * `quiz.passed` completes the quiz's lesson for the student's enrolment, in the unit of work joined to the
 * consumer's inbox transaction (a duplicate event never gets here; a second, different event for the same
 * lesson finds the lesson completed and changes nothing). The quiz service is the authority: no drip check
 * here. A lesson our model does not know yet is still recorded; it counts once its course version arrives.
 * DB-only: an outline fetched by `prepareLessonFromQuiz` is stored in this same unit of work.
 */
export async function completeLessonFromQuiz(
  uow: EnrollmentUnitOfWork,
  env: CommandEnv,
  fact: QuizPassedFact,
  outline: CatalogOutline | null = null,
): Promise<'completed' | 'duplicate' | 'not_enrolled'> {
  const found = await uow.enrollments.findByStudentCourse(fact.studentId, fact.courseId);
  if (!found) return 'not_enrolled';
  if (outline) await storeOutline(uow, env, fact.courseId, outline);
  const { enrollment, events } = await lockEnrollment(uow, env, found.id);
  const lesson = await uow.courses.getLesson(enrollment.courseId, enrollment.courseVersion, fact.lessonId);
  const done = await completeLocked(uow, enrollment, lesson, fact.lessonId, fact.passedAt, 'quiz');
  await uow.emit(...events, ...done.events);
  return done.events.length ? 'completed' : 'duplicate';
}
