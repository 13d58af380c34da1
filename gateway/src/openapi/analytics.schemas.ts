import { NullableId, NullableText, NullableTimestamp, nullable, optionalNumber } from '../presentation/public-shape';
import { pathUuid } from './quiz-common';
import { z } from './zod';

/**
 * Requests and responses of the analytics routes (→ the analytics service, protos/lms/analytics/v1). Field
 * names are the seed's (its analytics response schemas); every field the seed left a TODO or an empty list is
 * filled. Conventions of the public contract: percentages 0-100 and hours/minutes with two decimals, dates
 * `YYYY-MM-DD` (UTC), timestamps RFC 3339 UTC; a figure without data (no quiz taken, nobody rated) is `null`,
 * as is an absent timestamp, id or text. The four system lists are `{"data": [...]}` as in the seed.
 */

const Int = z.number().int();
const Num = z.number();
const Percent = z.number().openapi({ description: 'Percent 0-100, two decimals', example: 62.5 });
const Hours = z.number().openapi({ description: 'Hours, two decimals', example: 12.5 });
const Minutes = z.number().openapi({ description: 'Minutes, two decimals', example: 14.25 });
const DateOnly = z.string().openapi({ description: 'UTC date YYYY-MM-DD', example: '2026-02-17' });
const Timestamp = z.string().openapi({ description: 'RFC 3339 UTC', example: '2026-02-17T18:00:00.000Z' });
const Rating = optionalNumber().openapi({ description: 'Average rating 1-5 (two decimals); null when nobody rated', example: 4.5 });
const QuizScore = optionalNumber().openapi({ description: 'Average quiz percentage 0-100; null when no quiz was graded', example: 87.5 });
const EnrollmentStatus = z.enum(['active', 'completed', 'dropped', 'expired']);

// ------------------------------------------------------------------------------------------- requests

export const StudentIdParams = z.object({ student_id: pathUuid('student_id') }).strict();
export const CourseIdParams = z.object({ course_id: pathUuid('course_id') }).strict();
export const QuizIdParams = z.object({ quiz_id: pathUuid('quiz_id') }).strict();
export const InstructorIdParams = z.object({ instructor_id: pathUuid('instructor_id') }).strict();

export const DaysQuery = z
  .object({ days: z.coerce.number().int().min(7).max(365).default(30).openapi({ description: 'Days of the series, today included (7-365, default 30)' }) })
  .strict();
export const LimitQuery = z
  .object({ limit: z.coerce.number().int().min(5).max(50).default(10).openapi({ description: 'How many (5-50, default 10)' }) })
  .strict();
export const FunnelQuery = z
  .object({
    inactivity_days: z.coerce
      .number()
      .int()
      .min(1)
      .max(365)
      .default(14)
      .openapi({ description: 'A learner silent this long (1-365, default 14) "stopped" at the last lesson they touched' }),
  })
  .strict();
export const AtRiskQuery = z
  .object({
    inactivity_days: z.coerce.number().int().min(1).max(365).default(7).openapi({ description: 'Days without activity that make a learner inactive (1-365, default 7)' }),
    limit: z.coerce.number().int().min(1).max(500).default(50).openapi({ description: 'At most this many learners, highest risk first (1-500, default 50)' }),
  })
  .strict();
export const CourseExportQuery = z
  .object({ format: z.enum(['csv', 'json']).default('csv').openapi({ description: 'csv (default) or json' }) })
  .strict();
export const MyProgressExportQuery = z
  .object({
    format: z
      .enum(['csv', 'json', 'pdf'])
      .default('csv')
      .openapi({ description: 'csv (default), json, or pdf (a report rendered by the certificate service)' }),
  })
  .strict();

// ------------------------------------------------------------------------------------------- learner

export const StudentProgressSummarySchema = z
  .object({
    student_id: z.string().uuid(),
    student_name: z.string().openapi({ description: '"" when the analytics read model has not seen the user yet; "Deleted user" for a deleted account' }),
    total_enrollments: Int,
    active_enrollments: Int,
    completed_enrollments: Int,
    average_progress: Percent.openapi({ description: 'Average progress over ACTIVE enrolments (the seed rule); 0 when none' }),
    total_time_hours: Hours,
    total_lessons_completed: Int,
    quizzes_taken: Int.openapi({ description: 'Graded quiz attempts' }),
    quizzes_passed: Int,
    average_quiz_score: QuizScore,
  })
  .openapi('StudentProgressSummary');

export const StudentCourseProgressSchema = z
  .object({
    course_id: z.string().uuid(),
    course_title: z.string(),
    enrollment_id: z.string().uuid(),
    status: EnrollmentStatus,
    enrollment_date: NullableTimestamp(),
    progress_percentage: Percent,
    completed_lessons: Int,
    total_lessons: Int,
    time_spent_hours: Hours,
    last_accessed: NullableTimestamp().openapi({ description: 'Last lesson activity; null before any' }),
    quizzes_completed: Int.openapi({ description: 'Graded attempts in this course' }),
    average_quiz_score: QuizScore,
    estimated_completion_date: nullable(DateOnly).openapi({
      description: "From the learner's pace since enrolling (the seed rule); null at 0 % or 100 % or before a day has passed",
    }),
  })
  .openapi('StudentCourseProgress');

export const ActivityDaySchema = z
  .object({ date: DateOnly, lessons_completed: Int, time_spent_minutes: Int, quizzes_taken: Int })
  .openapi('StudentActivityDay');

export const AchievementSchema = z
  .object({
    kind: z.enum(['course_completed', 'certificate_earned', 'lessons_milestone', 'perfect_quiz']),
    title: z.string(),
    course_id: NullableId().openapi({ description: 'null when not about one course (lessons_milestone)' }),
    course_title: NullableText(),
    achieved_at: Timestamp,
    value: nullable(Int, 0).openapi({ description: 'lessons_milestone: the milestone (1, 10, 50, 100, 500); null for the other kinds' }),
    certificate_number: NullableText().openapi({ description: 'certificate_earned only' }),
  })
  .openapi('Achievement');

export const RecommendationSchema = z
  .object({
    course_id: z.string().uuid(),
    course_title: z.string(),
    instructor_name: z.string(),
    reason: z.enum(['also_taken', 'popular']).openapi({ description: 'also_taken: learners of your courses also took it; popular: the fill-up' }),
    students_in_common: Int,
    enrollments: Int,
    average_rating: Rating,
  })
  .openapi('Recommendation');

export const StudentDashboardSchema = z
  .object({
    student_id: z.string().uuid(),
    student_name: z.string(),
    summary: StudentProgressSummarySchema,
    courses: z.array(StudentCourseProgressSchema).openapi({ description: 'Every enrolment, newest first' }),
    recent_activity: z.array(ActivityDaySchema).openapi({ description: 'The last 30 UTC days, oldest first, today included, zeros filled' }),
    achievements: z.array(AchievementSchema).openapi({ description: 'Newest first' }),
    recommendations: z.array(RecommendationSchema).openapi({ description: 'At most 5 published courses the student is not enrolled in' }),
  })
  .openapi('StudentDashboard');

// ------------------------------------------------------------------------------------------- course

export const CourseStatsSchema = z
  .object({
    course_id: z.string().uuid(),
    course_title: z.string(),
    total_enrollments: Int,
    active_students: Int,
    completed_students: Int,
    completion_rate: Percent.openapi({ description: 'completed / enrolments × 100' }),
    average_progress: Percent,
    average_time_hours: Hours,
    average_rating: Rating,
    total_reviews: Int,
    lessons_count: Int.openapi({ description: 'Published lessons' }),
    quizzes_count: Int.openapi({ description: 'Published quizzes' }),
  })
  .openapi('CourseStats');

export const MostWatchedLessonSchema = z
  .object({ lesson_id: z.string().uuid(), lesson_title: z.string(), total_time_hours: Hours, students_started: Int })
  .openapi('MostWatchedLesson');

export const CourseEngagementSchema = z
  .object({
    course_id: z.string().uuid(),
    daily_active_users: Int.openapi({ description: 'Distinct learners active in the last 24 h' }),
    weekly_active_users: Int,
    monthly_active_users: Int,
    average_session_duration: Minutes.openapi({ description: 'Minutes per learner-day with activity over the last 30 days' }),
    total_watch_time_hours: Hours,
    dropout_rate: Percent.openapi({ description: 'Not completed and (dropped, expired or silent for 14 days) / enrolments × 100' }),
    most_watched_lesson: nullable(MostWatchedLessonSchema).openapi({ description: 'null while no time was recorded' }),
  })
  .openapi('CourseEngagement');

export const LessonPerformanceSchema = z
  .object({
    lesson_id: z.string().uuid(),
    lesson_title: z.string(),
    position: Int.openapi({ description: 'Course order, from 1' }),
    completion_rate: Percent.openapi({ description: 'completed / started × 100' }),
    average_time_spent: Minutes.openapi({ description: 'Minutes, over learners with time recorded' }),
    students_started: Int,
    students_completed: Int,
    average_completion_time: optionalNumber().openapi({ description: 'Minutes from first opening to completion; null when none completed' }),
  })
  .openapi('LessonPerformance');

export const DifficultQuestionSchema = z
  .object({ question_id: z.string().uuid(), question_text: z.string(), answered: Int, success_rate: Percent })
  .openapi('DifficultQuestion');

export const QuizPerformanceSchema = z
  .object({
    quiz_id: z.string().uuid(),
    quiz_title: z.string(),
    total_attempts: Int.openapi({ description: 'Graded attempts' }),
    unique_students: Int,
    average_score: Percent,
    pass_rate: Percent,
    average_time_spent: Minutes.openapi({ description: 'Minutes from start to submission' }),
    difficult_questions: z.array(DifficultQuestionSchema).openapi({ description: 'Success rate < 50 %, hardest first, at most 5' }),
  })
  .openapi('QuizPerformance');

export const EnrollmentTrendPointSchema = z
  .object({ date: DateOnly, new_enrollments: Int, total_enrollments: Int.openapi({ description: 'Running total at the end of the day' }) })
  .openapi('EnrollmentTrendPoint');

export const CompletionTrendPointSchema = z
  .object({ date: DateOnly, completions: Int, total_completions: Int })
  .openapi('CompletionTrendPoint');

export const CourseDashboardSchema = z
  .object({
    course_id: z.string().uuid(),
    course_title: z.string(),
    stats: CourseStatsSchema,
    engagement: CourseEngagementSchema,
    lessons: z.array(LessonPerformanceSchema).openapi({ description: 'Published lessons in course order' }),
    quizzes: z.array(QuizPerformanceSchema),
    enrollment_trend: z.array(EnrollmentTrendPointSchema).openapi({ description: 'The last 30 UTC days' }),
    completion_trend: z.array(CompletionTrendPointSchema).openapi({ description: 'The last 30 UTC days' }),
  })
  .openapi('CourseAnalyticsDashboard');

export const LessonFunnelSchema = z
  .object({
    course_id: z.string().uuid(),
    course_title: z.string(),
    total_enrollments: Int,
    inactivity_days: Int,
    steps: z.array(
      z
        .object({
          lesson_id: z.string().uuid(),
          lesson_title: z.string(),
          position: Int,
          reached: Int.openapi({ description: 'Learners who opened it' }),
          completed: Int,
          stopped_here: Int.openapi({ description: 'Not completed the course, silent ≥ inactivity_days, this was the last lesson they touched' }),
        })
        .openapi('FunnelStep'),
    ),
  })
  .openapi('LessonFunnel');

export const AtRiskPageSchema = z
  .object({
    course_id: z.string().uuid(),
    total: Int.openapi({ description: 'Learners with at least one reason' }),
    students: z.array(
      z
        .object({
          student_id: z.string().uuid(),
          student_name: z.string(),
          enrollment_id: z.string().uuid(),
          progress_percentage: Percent,
          cohort_median_progress: Percent.openapi({ description: 'Median progress of active learners in the same week of enrolment age' }),
          days_enrolled: Int,
          days_inactive: Int,
          last_activity_at: NullableTimestamp(),
          risk_score: Num.openapi({ description: '0-100, higher = more at risk' }),
          reasons: z.array(
            z
              .object({
                code: z.enum(['inactive', 'behind_cohort', 'repeated_quiz_failure', 'never_started']),
                detail: z.string().openapi({ example: 'no activity for 12 days' }),
              })
              .openapi('RiskReason'),
          ),
        })
        .openapi('AtRiskStudent'),
    ),
  })
  .openapi('AtRiskStudents');

export const QuizItemAnalysisSchema = z
  .object({
    quiz_id: z.string().uuid(),
    quiz_title: z.string(),
    course_id: z.string().uuid(),
    attempts_analysed: Int.openapi({ description: 'Graded attempts' }),
    items: z.array(
      z
        .object({
          question_id: z.string().uuid(),
          question_text: z.string(),
          question_type: z.string(),
          answered: Int,
          correct: Int,
          difficulty: Num.openapi({ description: 'Facility index: share answered correctly, 0-1 (higher = easier)' }),
          discrimination: optionalNumber().openapi({
            description: 'Point-biserial correlation of the item with the rest score, -1..1; null with < 2 attempts or no variance',
          }),
          options: z.array(
            z
              .object({ option_id: z.string(), option_text: z.string(), is_correct: z.boolean(), chosen: Int, chosen_rate: Percent })
              .openapi('ItemOptionStat'),
          ),
        })
        .openapi('QuizItemStat'),
    ),
  })
  .openapi('QuizItemAnalysis');

/** The columns of the course export, in order (CSV header row; the JSON rows carry the same names). */
export const COURSE_EXPORT_COLUMNS = [
  'student_id',
  'student_name',
  'enrollment_id',
  'status',
  'enrolled_at',
  'progress_percentage',
  'completed_lessons',
  'total_lessons',
  'time_spent_hours',
  'last_activity_at',
  'completed_at',
  'quizzes_taken',
  'quizzes_passed',
  'average_quiz_score',
] as const;

export const CourseStudentRowSchema = z
  .object({
    student_id: z.string().uuid(),
    student_name: z.string(),
    enrollment_id: z.string().uuid(),
    status: EnrollmentStatus,
    enrolled_at: NullableTimestamp(),
    progress_percentage: Percent,
    completed_lessons: Int,
    total_lessons: Int,
    time_spent_hours: Hours,
    last_activity_at: NullableTimestamp(),
    completed_at: NullableTimestamp(),
    quizzes_taken: Int,
    quizzes_passed: Int,
    average_quiz_score: QuizScore,
  })
  .openapi('CourseStudentExportRow');

export const CourseStudentsCsvSchema = z.string().openapi({
  description:
    `text/csv; charset=utf-8 (RFC 4180, CRLF, header row first): ${COURSE_EXPORT_COLUMNS.join(', ')}. Empty cell = null. ` +
    "A cell starting with = + - @, TAB or CR is prefixed with ' (formula injection).",
});

export const CourseStudentsJsonSchema = z
  .object({
    course_id: z.string().uuid(),
    course_title: z.string(),
    students: z.array(CourseStudentRowSchema).openapi({ description: 'Every enrolment of the course (keyset order), streamed' }),
  })
  .openapi('CourseStudentExport');

/** The columns of `export/my-progress` (one row per enrolment of the caller). */
export const MY_PROGRESS_COLUMNS = [
  'course_id',
  'course_title',
  'enrollment_id',
  'status',
  'enrollment_date',
  'progress_percentage',
  'completed_lessons',
  'total_lessons',
  'time_spent_hours',
  'last_accessed',
  'quizzes_completed',
  'average_quiz_score',
  'estimated_completion_date',
] as const;

export const MyProgressCsvSchema = z.string().openapi({
  description:
    `text/csv; charset=utf-8 (RFC 4180, CRLF, header row first), one row per enrolment of the caller: ${MY_PROGRESS_COLUMNS.join(', ')}. ` +
    "Empty cell = null; formula-like cells prefixed with '.",
});

export const MyProgressJsonSchema = z
  .object({
    student_id: z.string().uuid(),
    student_name: z.string(),
    summary: StudentProgressSummarySchema,
    courses: z.array(StudentCourseProgressSchema),
  })
  .openapi('MyProgressExport');

// ------------------------------------------------------------------------------------------- instructor

export const MoneySchema = z
  .object({ currency: z.string().openapi({ example: 'EGP' }), amount: Num.openapi({ description: 'Major units', example: 799.99 }) })
  .openapi('Money');

export const InstructorStatsSchema = z
  .object({
    instructor_id: z.string().uuid(),
    instructor_name: z.string(),
    total_courses: Int,
    published_courses: Int,
    total_students: Int.openapi({ description: "Distinct learners over the instructor's courses" }),
    total_enrollments: Int,
    average_course_rating: Rating,
    total_reviews: Int,
    total_revenue: Num.openapi({
      description:
        'List price at enrolment time summed over every enrolment (there is no payment system: not money received), in revenue_currency; ' +
        '0 when the revenue is in several currencies (see revenue_by_currency)',
    }),
    revenue_currency: NullableText().openapi({ description: 'null when there is no revenue or it is in several currencies' }),
    revenue_by_currency: z.array(MoneySchema),
  })
  .openapi('InstructorStats');

export const InstructorCoursePerformanceSchema = z
  .object({
    course_id: z.string().uuid(),
    course_title: z.string(),
    is_published: z.boolean(),
    enrollments: Int,
    active_students: Int,
    completion_rate: Percent,
    average_rating: Rating,
    revenue: Num.openapi({ description: 'List price at enrolment time, summed (no payment system)' }),
    currency: NullableText(),
  })
  .openapi('InstructorCoursePerformance');

export const InstructorDashboardSchema = z
  .object({
    instructor_id: z.string().uuid(),
    instructor_name: z.string(),
    stats: InstructorStatsSchema,
    courses: z.array(InstructorCoursePerformanceSchema),
    recent_enrollments: z
      .array(
        z
          .object({ student_name: z.string(), course_id: z.string().uuid(), course_title: z.string(), enrolled_at: Timestamp })
          .openapi('RecentEnrollment'),
      )
      .openapi({ description: 'Newest 10' }),
    recent_reviews: z
      .array(
        z
          .object({
            student_name: z.string(),
            course_id: z.string().uuid(),
            course_title: z.string(),
            rating: Int,
            review: NullableText().openapi({ description: 'null for a rating without text' }),
            reviewed_at: Timestamp,
          })
          .openapi('RecentReview'),
      )
      .openapi({ description: 'Newest 10' }),
    student_feedback: z
      .object({
        average_rating: Rating,
        total_reviews: Int.openapi({ description: 'Ratings received' }),
        written_reviews: Int.openapi({ description: 'Ratings with text' }),
        rating_distribution: z
          .array(z.object({ rating: Int, count: Int }).openapi('RatingCount'))
          .openapi({ description: '5 down to 1, every rating present' }),
      })
      .openapi('StudentFeedback'),
  })
  .openapi('InstructorDashboard');

// ------------------------------------------------------------------------------------------- system

export const SystemOverviewSchema = z
  .object({
    total_users: Int,
    total_students: Int,
    total_instructors: Int,
    total_courses: Int,
    published_courses: Int,
    total_enrollments: Int,
    active_enrollments: Int,
    total_lessons: Int.openapi({ description: 'Published lessons' }),
    total_quizzes: Int.openapi({ description: 'Published quizzes' }),
    total_quiz_attempts: Int.openapi({ description: 'Attempts started' }),
  })
  .openapi('SystemOverview');

export const UserGrowthPointSchema = z
  .object({ date: DateOnly, new_users: Int, total_users: Int.openapi({ description: 'Running total at the end of the day' }) })
  .openapi('UserGrowthPoint');

export const PopularCourseSchema = z
  .object({
    course_id: z.string().uuid(),
    course_title: z.string(),
    instructor_name: z.string(),
    enrollments: Int.openapi({ description: 'Enrolments with access (active + completed)' }),
    rating: Rating,
    completion_rate: Percent,
  })
  .openapi('PopularCourse');

export const TopInstructorSchema = z
  .object({
    instructor_id: z.string().uuid(),
    instructor_name: z.string(),
    total_students: Int.openapi({ description: 'Distinct learners' }),
    total_courses: Int,
  })
  .openapi('TopInstructor');

export const SystemDashboardSchema = z
  .object({
    overview: SystemOverviewSchema,
    user_growth: z.array(UserGrowthPointSchema).openapi({ description: 'The last 30 UTC days' }),
    enrollment_trend: z.array(EnrollmentTrendPointSchema).openapi({ description: 'The last 30 UTC days' }),
    popular_courses: z.array(PopularCourseSchema).openapi({ description: 'Top 10' }),
    top_instructors: z.array(TopInstructorSchema).openapi({ description: 'Top 10 by distinct students' }),
    revenue_summary: z
      .object({
        total_by_currency: z.array(MoneySchema).openapi({ description: 'List prices at enrolment time (no payment system)' }),
        paid_enrollments: Int,
        free_enrollments: Int,
      })
      .openapi('RevenueSummary'),
  })
  .openapi('SystemDashboard');

const dataOf = <S extends z.ZodTypeAny>(name: string, item: S) => z.object({ data: z.array(item) }).openapi(name);
export const UserGrowthSeriesSchema = dataOf('UserGrowthSeries', UserGrowthPointSchema);
export const EnrollmentTrendSeriesSchema = dataOf('EnrollmentTrendSeries', EnrollmentTrendPointSchema);
export const PopularCourseListSchema = dataOf('PopularCourseList', PopularCourseSchema);
export const TopInstructorListSchema = dataOf('TopInstructorList', TopInstructorSchema);
