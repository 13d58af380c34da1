import type { StudentDashboard__Output } from '@lms/kit/generated/lms/analytics/v1/StudentDashboard';
import type { Recommendation__Output } from '@lms/kit/generated/lms/analytics/v1/Recommendation';
import { protoTime } from '@lms/kit/grpc';
import { LESSON_MILESTONES, achievementTitle, sortAchievements, type AchievementView } from '../../domain/figures/achievements';
import { fillDays, lastDays } from '../../domain/figures/dates';
import { averageOrNull, hours, optional, round2 } from '../../domain/figures/numbers';
import { estimatedCompletionDate } from '../../domain/figures/pace';
import { Checker } from '../../domain/validation';
import type { RecommendationRow } from '../../infra/student-figures.repository';
import type { AnalyticsRepositories } from '../deps';
import { studentTarget, type Caller, type QueryPorts } from './access';
import { studentSummary } from './get-student-summary';

export const ACTIVITY_DAYS = 30;
export const RECOMMENDATIONS = 5;

/** GetStudentDashboard: summary, every course, 30 days of activity, achievements and recommendations. */
export async function getStudentDashboard(deps: QueryPorts, caller: Caller, query: { studentId: string }): Promise<StudentDashboard__Output> {
  const check = new Checker();
  const studentId = studentTarget(caller, query.studentId, check);
  check.throwIfAny();
  const read = deps.units.read;
  const repo = read.dashboards.students;
  const now = deps.clock();
  const days = lastDays(now, ACTIVITY_DAYS);
  const name = await repo.userName(studentId);
  const [summary, enrollments, activity, achievements, recommendations] = await Promise.all([
    studentSummary(read, studentId, name),
    repo.enrollments(studentId),
    repo.days(studentId, days[0]),
    achievementsOf(read, studentId),
    recommendationsFor(read, studentId),
  ]);
  const byDay = new Map(activity.map((d) => [d.day, d]));
  return {
    student_id: studentId,
    student_name: name,
    summary,
    courses: enrollments.map((e) => ({
      course_id: e.courseId,
      course_title: e.courseTitle,
      enrollment_id: e.enrollmentId,
      status: e.status,
      enrollment_date: protoTime(e.enrolledAt),
      progress_percentage: round2(e.progress),
      completed_lessons: e.completedLessons,
      total_lessons: e.totalLessons,
      time_spent_hours: hours(e.timeSpentSeconds),
      last_accessed: protoTime(e.lastActivityAt),
      quizzes_completed: e.quizzesTaken,
      average_quiz_score: optional(e.averageQuizScore === null ? null : round2(e.averageQuizScore)),
      estimated_completion_date: e.status === 'active' ? estimatedCompletionDate(e.progress, e.enrolledAt, now) : '',
    })),
    recent_activity: fillDays(days, byDay, null).map((d, i) => ({
      date: days[i],
      lessons_completed: d?.lessonsCompleted ?? 0,
      time_spent_minutes: Math.floor((d?.timeSpentSeconds ?? 0) / 60),
      quizzes_taken: d?.quizzesTaken ?? 0,
    })),
    achievements: achievements.map((a) => ({
      kind: a.kind,
      title: a.title,
      course_id: a.courseId,
      course_title: a.courseTitle,
      achieved_at: protoTime(a.achievedAt),
      value: a.value,
      certificate_number: a.certificateNumber,
    })),
    recommendations,
  };
}

/** Completions, certificates (not revoked), lesson milestones and first perfect quiz scores, newest first. */
async function achievementsOf(read: AnalyticsRepositories, studentId: string): Promise<AchievementView[]> {
  const repo = read.dashboards.students;
  const [completions, certificates, milestones, perfect] = await Promise.all([
    repo.completions(studentId),
    repo.certificates(studentId),
    repo.lessonMilestones(studentId, LESSON_MILESTONES),
    repo.perfectQuizzes(studentId),
  ]);
  const base = { courseId: '', courseTitle: '', value: 0, certificateNumber: '' };
  return sortAchievements([
    ...completions.map((c) => ({
      ...base, kind: 'course_completed' as const, title: achievementTitle('course_completed', c), courseId: c.courseId, courseTitle: c.courseTitle, achievedAt: c.at,
    })),
    ...certificates.map((c) => ({
      ...base, kind: 'certificate_earned' as const, title: achievementTitle('certificate_earned', c), courseId: c.courseId, courseTitle: c.courseTitle,
      achievedAt: c.at, certificateNumber: c.number,
    })),
    ...milestones.map((m) => ({ ...base, kind: 'lessons_milestone' as const, title: achievementTitle('lessons_milestone', m), achievedAt: m.at, value: m.value })),
    ...perfect.map((p) => ({
      ...base, kind: 'perfect_quiz' as const, title: achievementTitle('perfect_quiz', p), courseId: p.courseId, courseTitle: p.courseTitle, achievedAt: p.at,
    })),
  ]);
}

/** Co-enrolment ("also taken") first, then popular listed courses, to RECOMMENDATIONS. */
async function recommendationsFor(read: AnalyticsRepositories, studentId: string): Promise<Recommendation__Output[]> {
  const repo = read.dashboards.students;
  const also = await repo.alsoTaken(studentId, RECOMMENDATIONS);
  const popular = await repo.popularFor(studentId, also.map((r) => r.courseId), RECOMMENDATIONS - also.length);
  const message = (r: RecommendationRow, reason: 'also_taken' | 'popular'): Recommendation__Output => ({
    course_id: r.courseId,
    course_title: r.title,
    instructor_name: r.instructorName,
    reason,
    students_in_common: reason === 'also_taken' ? r.studentsInCommon : 0,
    enrollments: r.enrollments,
    average_rating: optional(averageOrNull(r.ratingSum, r.ratingCount)),
  });
  return [...also.map((r) => message(r, 'also_taken')), ...popular.map((r) => message(r, 'popular'))];
}
