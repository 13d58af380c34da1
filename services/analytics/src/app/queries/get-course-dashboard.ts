import type { CourseDashboard__Output } from '@lms/kit/generated/lms/analytics/v1/CourseDashboard';
import type { CourseStats__Output } from '@lms/kit/generated/lms/analytics/v1/CourseStats';
import type { QuizPerformance__Output } from '@lms/kit/generated/lms/analytics/v1/QuizPerformance';
import { DAY_MS, lastDays, runningSeries } from '../../domain/figures/dates';
import { average, averageOrNull, hours, optional, percent, round2 } from '../../domain/figures/numbers';
import { Checker } from '../../domain/validation';
import type { CourseRow, CourseStatsRow } from '../../infra/course-figures.repository';
import type { AnalyticsRepositories } from '../deps';
import { courseIdOf, readableCourse, type Caller, type QueryPorts } from './access';

export const TREND_DAYS = 30;
/** An active learner silent this long counts as dropped out. */
export const DROPOUT_SILENCE_DAYS = 14;
export const DIFFICULT_QUESTIONS = 5;

/** The course's stats block (course_stats and the published content counts). */
export async function courseStats(read: AnalyticsRepositories, course: CourseRow, stats: CourseStatsRow): Promise<CourseStats__Output> {
  const counts = await read.dashboards.courses.contentCounts(course.courseId);
  return {
    course_id: course.courseId,
    course_title: course.title,
    total_enrollments: stats.enrollments,
    active_students: stats.active,
    completed_students: stats.completed,
    completion_rate: percent(stats.completed, stats.enrollments),
    average_progress: average(stats.progressSum, stats.enrollments),
    average_time_hours: stats.enrollments > 0 ? hours(stats.timeSpentSeconds / stats.enrollments) : 0,
    average_rating: optional(averageOrNull(stats.ratingSum, stats.ratingCount)),
    total_reviews: stats.ratingCount,
    lessons_count: counts.lessons,
    quizzes_count: counts.quizzes,
  };
}

/** GetCourseDashboard: stats, engagement, lessons, quizzes and 30-day trends of a course (owner, admin). */
export async function getCourseDashboard(deps: QueryPorts, caller: Caller, query: { courseId: string }): Promise<CourseDashboard__Output> {
  const check = new Checker();
  const courseId = courseIdOf(query.courseId, check);
  check.throwIfAny();
  const read = deps.units.read;
  const course = await readableCourse(read, caller, courseId);
  const repo = read.dashboards.courses;
  const now = deps.clock();
  const days = lastDays(now, TREND_DAYS);
  const ago = (n: number) => new Date(now.getTime() - n * DAY_MS);
  const stats = await repo.stats(courseId);
  const [statsBlock, active, session, dropouts, watched, lessons, quizzes, trend] = await Promise.all([
    courseStats(read, course, stats),
    repo.activeLearners(courseId, { day: ago(1), week: ago(7), month: ago(30) }),
    repo.sessionTotals(courseId, days[0]),
    repo.dropouts(courseId, ago(DROPOUT_SILENCE_DAYS)),
    repo.mostWatchedLesson(courseId),
    repo.lessons(courseId),
    quizPerformance(read, courseId),
    repo.days(courseId, days[0]),
  ]);
  return {
    course_id: courseId,
    course_title: course.title,
    stats: statsBlock,
    engagement: {
      course_id: courseId,
      daily_active_users: active.day,
      weekly_active_users: active.week,
      monthly_active_users: active.month,
      average_session_duration: session.learnerDays > 0 ? round2(session.seconds / session.learnerDays / 60) : 0,
      total_watch_time_hours: hours(stats.timeSpentSeconds),
      dropout_rate: percent(dropouts, stats.enrollments),
      most_watched_lesson: watched
        ? { lesson_id: watched.lessonId, lesson_title: watched.title, total_time_hours: hours(watched.seconds), students_started: watched.started }
        : null,
    },
    lessons: lessons.map((l) => ({
      lesson_id: l.lessonId,
      lesson_title: l.title,
      position: l.position,
      completion_rate: percent(l.completed, l.started),
      average_time_spent: l.learnersWithTime > 0 ? round2(l.timeSpentSeconds / l.learnersWithTime / 60) : 0,
      students_started: l.started,
      students_completed: l.completed,
      average_completion_time: optional(l.completionTimed > 0 ? round2(l.completionSecondsSum / l.completionTimed / 60) : null),
    })),
    quizzes,
    enrollment_trend: runningSeries(days, new Map(trend.rows.map((d) => [d.day, d.newEnrollments])), trend.before.enrollments).map((p) => ({
      date: p.date,
      new_enrollments: p.added,
      total_enrollments: p.total,
    })),
    completion_trend: runningSeries(days, new Map(trend.rows.map((d) => [d.day, d.completions])), trend.before.completions).map((p) => ({
      date: p.date,
      completions: p.added,
      total_completions: p.total,
    })),
  };
}

/** The course's quizzes (published or with attempts) with their figures and hardest questions. */
async function quizPerformance(read: AnalyticsRepositories, courseId: string): Promise<QuizPerformance__Output[]> {
  const repo = read.dashboards.courses;
  const quizzes = await repo.quizzes(courseId);
  const hard = await repo.hardQuestions(quizzes.map((q) => q.quizId), DIFFICULT_QUESTIONS);
  return quizzes.map((q) => ({
    quiz_id: q.quizId,
    quiz_title: q.title,
    total_attempts: q.graded,
    unique_students: q.uniqueStudents,
    average_score: average(q.percentageSum, q.graded),
    pass_rate: percent(q.passed, q.graded),
    average_time_spent: q.timed > 0 ? round2(q.durationSecondsSum / q.timed / 60) : 0,
    difficult_questions: hard
      .filter((h) => h.quizId === q.quizId)
      .map((h) => ({ question_id: h.questionId, question_text: h.text, answered: h.answered, success_rate: percent(h.correct, h.answered) })),
  }));
}
