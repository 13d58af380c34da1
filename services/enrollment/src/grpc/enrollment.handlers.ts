import { protoTime, type UnaryHandlers } from '@lms/kit/grpc';
import type { EnrollmentServiceDefinition } from '@lms/kit/generated/lms/enrollment/v1/EnrollmentService';
import type { Enrollment as EnrollmentMessage } from '@lms/kit/generated/lms/enrollment/v1/Enrollment';
import type { LessonProgress as LessonProgressMessage } from '@lms/kit/generated/lms/enrollment/v1/LessonProgress';
import type { BulkEnrollmentJob } from '@lms/kit/generated/lms/enrollment/v1/BulkEnrollmentJob';
import type { Enrollment } from '../domain/enrollment';
import type { LessonProgress } from '../domain/progress';
import type { BulkJob } from '../infra/bulk-job.repository';
import type { EnrollmentDeps } from '../app/deps';
import { authenticate } from '../app/shared';
import { enrollStudent, prepareEnroll } from '../app/commands/enroll';
import { authorizeDrop, dropEnrollment } from '../app/commands/drop-enrollment';
import { prepareReview, reviewEnrollment } from '../app/commands/review-enrollment';
import { parseLessonCommand, runLearnerLesson } from '../app/commands/lesson-progress';
import { startLesson } from '../app/commands/start-lesson';
import { parseProgressCommand, updateLessonProgress } from '../app/commands/update-lesson-progress';
import { completeLesson } from '../app/commands/complete-lesson';
import { bulkEnroll, prepareBulkEnroll } from '../app/commands/bulk-enroll';
import { getEnrollment } from '../app/queries/get-enrollment';
import { getEnrollmentFacts } from '../app/queries/get-enrollment-facts';
import { getProgress } from '../app/queries/get-progress';
import { listMyEnrollments } from '../app/queries/list-my-enrollments';
import { listCourseEnrollments } from '../app/queries/list-course-enrollments';
import { listCourseReviews } from '../app/queries/list-course-reviews';
import { getCourseStats } from '../app/queries/get-course-stats';
import { isEnrolled } from '../app/queries/is-enrolled';
import { countStudentEnrollments } from '../app/queries/count-student-enrollments';
import { extendEnrollment, prepareExtension } from '../app/commands/extend-enrollment';

export function enrollmentMessage(e: Enrollment): EnrollmentMessage {
  return {
    id: e.id,
    student_id: e.studentId,
    course_id: e.courseId,
    status: e.status,
    enrolled_at: protoTime(e.enrolledAt),
    started_at: protoTime(e.startedAt),
    completed_at: protoTime(e.completedAt),
    dropped_at: protoTime(e.droppedAt),
    last_accessed_at: protoTime(e.lastAccessedAt),
    progress_percentage: e.progressPercentage,
    completed_lessons_count: e.completedLessonsCount,
    total_lessons_count: e.totalLessonsCount,
    total_time_spent_seconds: e.totalTimeSpentSeconds,
    rating: e.rating ?? 0,
    review: e.review,
    reviewed_at: protoTime(e.reviewedAt),
    has_new_content: e.hasNewContent,
    course_version: e.courseVersion,
    expires_at: protoTime(e.expiresAt),
    certificate_url: e.certificateUrl ?? '',
    certificate_issued_at: protoTime(e.certificateIssuedAt),
  };
}

function progressMessage(p: LessonProgress): LessonProgressMessage {
  return {
    id: p.id,
    enrollment_id: p.enrollmentId,
    lesson_id: p.lessonId,
    status: p.status,
    completion_percentage: p.completionPercentage,
    time_spent_seconds: p.timeSpentSeconds,
    last_position_seconds: p.lastPositionSeconds,
    notes: p.notes,
    started_at: protoTime(p.startedAt),
    completed_at: protoTime(p.completedAt),
    last_accessed_at: protoTime(p.lastAccessedAt),
  };
}

function emptyProgress(enrollmentId: string, lessonId: string): LessonProgressMessage {
  return {
    id: '',
    enrollment_id: enrollmentId,
    lesson_id: lessonId,
    status: 'not_started',
    completion_percentage: 0,
    time_spent_seconds: 0,
    last_position_seconds: 0,
    notes: '',
    started_at: '',
    completed_at: '',
    last_accessed_at: '',
  };
}

function jobMessage(job: BulkJob): BulkEnrollmentJob {
  return {
    id: job.id,
    course_id: job.courseId,
    requested_by: job.requestedBy,
    status: job.status,
    total: job.total,
    enrolled: job.enrolled,
    already_enrolled: job.alreadyEnrolled,
    unknown_user: job.unknownUser,
    invalid: job.invalid,
    results: job.results.map((r) => ({
      row: r.row,
      input: r.input,
      user_id: r.userId ?? '',
      result: r.result,
      enrollment_id: r.enrollmentId ?? '',
      detail: r.detail,
    })),
    created_at: protoTime(job.createdAt),
    completed_at: protoTime(job.completedAt),
  };
}

/**
 * The EnrollmentService over gRPC: decode the request, call the use case, encode the reply. Each command's
 * handler owns its unit of work: remote checks first (`prepare…`), then `deps.units.run` around the command.
 */
export function enrollmentHandlers(deps: EnrollmentDeps): UnaryHandlers<EnrollmentServiceDefinition> {
  const caller = (authorization: string | undefined) => authenticate(deps, authorization);
  const { units } = deps;
  return {
    Enroll: async (req, call) => {
      const student = await caller(call.authorization);
      const input = await prepareEnroll(deps, student, { courseId: req.course_id });
      return enrollmentMessage((await units.run((uow) => enrollStudent(uow, deps, student.userId, input))).enrollment);
    },

    ListMyEnrollments: async (req, call) => {
      const page = await listMyEnrollments(deps, await caller(call.authorization), {
        page: req.page,
        pageSize: req.page_size,
        status: req.status,
      });
      return {
        items: page.items.map((item) => ({
          enrollment: enrollmentMessage(item.enrollment),
          course: { id: item.course.id, title: item.course.title, thumbnail_url: item.course.thumbnailUrl },
          time_spent_hours: Math.round((item.enrollment.totalTimeSpentSeconds / 3600) * 100) / 100,
        })),
        total: page.total,
        page: page.page,
        page_size: page.pageSize,
        total_pages: page.totalPages,
        course_details_degraded: page.degraded,
      };
    },

    GetEnrollment: async (req, call) =>
      enrollmentMessage((await getEnrollment(deps, await caller(call.authorization), { enrollmentId: req.enrollment_id })).enrollment),
    GetEnrollmentFacts: async (req, call) =>
      enrollmentMessage(await getEnrollmentFacts(deps, call.callerService, { enrollmentId: req.enrollment_id })),

    DropEnrollment: async (req, call) => {
      const enrollmentId = await authorizeDrop(deps, await caller(call.authorization), { enrollmentId: req.enrollment_id });
      return enrollmentMessage(await units.run((uow) => dropEnrollment(uow, deps, enrollmentId)));
    },

    ExtendEnrollment: async (req, call) => {
      const cmd = { enrollmentId: req.enrollment_id, days: req.days, expiresAt: req.expires_at };
      const extension = await prepareExtension(deps, await caller(call.authorization), cmd);
      return enrollmentMessage(await units.run((uow) => extendEnrollment(uow, deps, extension)));
    },
    ReviewEnrollment: async (req, call) => {
      const cmd = { enrollmentId: req.enrollment_id, rating: req.rating, review: req.review };
      const review = await prepareReview(deps, await caller(call.authorization), cmd);
      return enrollmentMessage(await units.run((uow) => reviewEnrollment(uow, deps, review)));
    },

    GetProgress: async (req, call) => {
      const view = await getProgress(deps, await caller(call.authorization), { enrollmentId: req.enrollment_id });
      return {
        enrollment: enrollmentMessage(view.enrollment),
        lessons: view.lessons.map((l) => ({
          lesson_id: l.lesson.lessonId,
          section_id: l.lesson.sectionId ?? '',
          position: l.lesson.position,
          lesson_type: l.lesson.lessonType,
          is_countable: l.lesson.countable,
          is_locked: l.locked,
          unlock_at: protoTime(l.unlockAt),
          progress: l.progress ? progressMessage(l.progress) : emptyProgress(view.enrollment.id, l.lesson.lessonId),
          lesson_title: l.title,
        })),
      };
    },

    StartLesson: async (req, call) => {
      const student = await caller(call.authorization);
      const ids = parseLessonCommand({ enrollmentId: req.enrollment_id, lessonId: req.lesson_id });
      return progressMessage((await runLearnerLesson(deps, student, ids, (uow, learner) => startLesson(uow, deps, learner))).progress);
    },

    UpdateLessonProgress: async (req, call) => {
      const student = await caller(call.authorization);
      const input = parseProgressCommand(
        {
          enrollmentId: req.enrollment_id,
          lessonId: req.lesson_id,
          fields: req.fields,
          status: req.status,
          timeSpentSeconds: Number(req.time_spent_seconds),
          lastPositionSeconds: Number(req.last_position_seconds),
          completionPercentage: req.completion_percentage,
          notes: req.notes,
        },
        deps.config.MAX_TIME_INCREMENT_SECONDS,
      );
      const result = await runLearnerLesson(deps, student, input.ids, (uow, learner) => updateLessonProgress(uow, deps, learner, input));
      return progressMessage(result.progress);
    },

    CompleteLesson: async (req, call) => {
      const student = await caller(call.authorization);
      const ids = parseLessonCommand({ enrollmentId: req.enrollment_id, lessonId: req.lesson_id });
      return progressMessage((await runLearnerLesson(deps, student, ids, (uow, learner) => completeLesson(uow, deps, learner))).progress);
    },

    ListCourseEnrollments: async (req, call) => {
      const page = await listCourseEnrollments(deps, await caller(call.authorization), {
        courseId: req.course_id,
        page: req.page,
        pageSize: req.page_size,
        status: req.status,
        sort: req.sort,
        cursor: req.cursor,
      });
      return {
        items: page.items.map(enrollmentMessage),
        total: page.total,
        page: page.page,
        page_size: page.pageSize,
        total_pages: page.totalPages,
        next_cursor: page.nextCursor,
        students: page.students.map((s) => ({ id: s.id, full_name: s.fullName, email: s.email })),
        student_details_degraded: page.studentsDegraded,
      };
    },

    // Public: a token is optional (it only matters for the owner of a course that is not published).
    ListCourseReviews: async (req, call) => {
      const who = call.authorization ? await caller(call.authorization) : null;
      const page = await listCourseReviews(deps, who, { courseId: req.course_id, page: req.page, pageSize: req.page_size });
      return {
        items: page.items.map((r) => ({ student_name: r.reviewerName, rating: r.rating, review: r.review, reviewed_at: protoTime(r.reviewedAt) })),
        total: page.total,
        page: page.page,
        page_size: page.pageSize,
        total_pages: page.totalPages,
      };
    },

    GetCourseStats: async (req, call) => {
      const s = await getCourseStats(deps, await caller(call.authorization), { courseId: req.course_id });
      return {
        course_id: s.courseId,
        total_enrollments: s.total,
        active_enrollments: s.active,
        completed_enrollments: s.completed,
        dropped_enrollments: s.dropped,
        expired_enrollments: s.expired,
        completion_rate: s.completionRate,
        average_progress: s.averageProgress,
        average_rating: s.averageRating,
        rating_count: s.ratingCount,
        course_version: s.courseVersion,
        total_lessons_count: s.totalLessonsCount,
      };
    },

    BulkEnroll: async (req, call) => {
      const cmd = { courseId: req.course_id, userIds: req.user_ids, emails: req.emails };
      const input = await prepareBulkEnroll(deps, await caller(call.authorization), cmd);
      return jobMessage(await units.run((uow) => bulkEnroll(uow, deps, input)));
    },

    IsEnrolled: async (req, call) => {
      const r = await isEnrolled(deps, await caller(call.authorization), {
        courseId: req.course_id,
        studentId: req.student_id,
        lessonId: req.lesson_id,
      });
      return {
        enrolled: r.enrolled,
        enrollment_id: r.enrollmentId,
        status: r.status,
        expires_at: protoTime(r.expiresAt),
        lesson_locked: r.lesson?.locked ?? false,
        unlock_at: protoTime(r.lesson?.unlockAt),
        lock_reason: r.lesson?.reason ?? '',
        missing_lesson_ids: r.lesson?.missingLessonIds ?? [],
        lesson_completed: r.lesson?.completed ?? false,
      };
    },

    CountStudentEnrollments: async (req, call) =>
      countStudentEnrollments(deps.units.read, await caller(call.authorization), { studentId: req.student_id }),
  };
}
