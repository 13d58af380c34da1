import {
  AppError,
  ConflictError,
  NotFoundError,
  PermissionDeniedError,
  PreconditionError,
  UnavailableError,
  ValidationError,
  type FieldError,
} from '@lms/kit/errors';

/**
 * Every refusal of the enrollment service, with its stable code. The kit maps the kind to a gRPC status
 * once; the gateway maps that to HTTP once. Messages are safe to show to the caller.
 */
export const EnrollmentErrors = {
  validation: (fields: FieldError[]) => new ValidationError('The request is invalid', fields),
  notFound: () => new NotFoundError('Enrollment not found', 'ENROLLMENT.NOT_FOUND'),
  courseNotFound: () => new NotFoundError('Course not found', 'ENROLLMENT.COURSE_NOT_FOUND'),
  courseNotPublished: () =>
    new PreconditionError('The course is not published: enrolment is not open', 'ENROLLMENT.COURSE_NOT_PUBLISHED'),
  courseArchived: () => new PreconditionError('The course is archived: enrolment is closed', 'ENROLLMENT.COURSE_ARCHIVED'),
  alreadyEnrolled: () => new ConflictError('Already enrolled in this course', 'ENROLLMENT.ALREADY_EXISTS'),
  studentsOnly: () => new PermissionDeniedError('Only students can enrol in a course', 'ENROLLMENT.STUDENTS_ONLY'),
  ownerOnly: () =>
    new PermissionDeniedError('Only the enrolled student can change this enrolment', 'ENROLLMENT.OWNER_ONLY'),
  courseOwnerOnly: () =>
    new PermissionDeniedError("Only the course's instructor or an administrator can do this", 'ENROLLMENT.COURSE_OWNER_ONLY'),
  callerNotAllowed: () => new PermissionDeniedError('Only the certificate service may read enrolment facts', 'ENROLLMENT.CALLER_NOT_ALLOWED'),
  adminOnly: () => new PermissionDeniedError("Only an administrator can see another user's enrolments", 'ENROLLMENT.ADMIN_ONLY'),
  notActive: (status: string) =>
    new PreconditionError(`The enrolment is ${status}: enrol again to continue`, 'ENROLLMENT.NOT_ACTIVE', { status }),
  expired: (expiresAt: Date | null) =>
    new PreconditionError(
      `Access to this course ended${expiresAt ? ` on ${expiresAt.toISOString()}` : ''}: ask the instructor to extend it`,
      'ENROLLMENT.EXPIRED',
      { expires_at: expiresAt ? expiresAt.toISOString() : null },
    ),
  lifetimeAccess: () =>
    new PreconditionError('This enrolment has lifetime access: give an end of access (expires_at) instead of days', 'ENROLLMENT.LIFETIME_ACCESS'),
  lessonNotFound: () => new NotFoundError('Lesson not found in this course', 'ENROLLMENT.LESSON_NOT_FOUND'),
  lessonNotInCourse: () =>
    new ValidationError(
      'The lesson belongs to another course',
      [{ loc: ['lesson_id'], msg: 'belongs to another course' }],
      'ENROLLMENT.LESSON_NOT_IN_COURSE',
    ),
  lessonLocked: (unlockAt: Date) =>
    new PreconditionError(`This lesson is locked until ${unlockAt.toISOString()}`, 'ENROLLMENT.LESSON_LOCKED', {
      unlock_at: unlockAt.toISOString(),
    }),
  prerequisiteRequired: (lessonIds: string[], kind: 'previous_lesson' | 'previous_section') =>
    new PreconditionError(
      kind === 'previous_lesson'
        ? `Complete the previous lesson (${lessonIds[0]}) first`
        : `Complete every lesson of the previous section first (still open: ${lessonIds.slice(0, 5).join(', ')}${lessonIds.length > 5 ? ', ...' : ''})`,
      'ENROLLMENT.PREREQUISITE_REQUIRED',
      { prerequisite: kind, lesson_ids: lessonIds },
    ),
  quizRequired: () =>
    new PreconditionError('A quiz lesson is completed by passing its quiz', 'ENROLLMENT.QUIZ_REQUIRED'),
  reviewNotAllowed: (minPercent: number) =>
    new PreconditionError(
      `Complete at least ${minPercent}% of the course before reviewing it`,
      'ENROLLMENT.REVIEW_NOT_ALLOWED',
      { min_progress_percentage: minPercent },
    ),
  catalogUnavailable: (cause?: unknown) =>
    new UnavailableError('The course catalog is unavailable, try again', 'ENROLLMENT.CATALOG_UNAVAILABLE', cause),
  authUnavailable: (cause?: unknown) =>
    new UnavailableError('User directory is unavailable, try again', 'ENROLLMENT.AUTH_UNAVAILABLE', cause),
  tooManyRows: (max: number) =>
    new ValidationError(`At most ${max} user ids and emails per bulk enrolment`, [{ loc: ['user_ids'], msg: `at most ${max} rows` }]),
} satisfies Record<string, (...args: never[]) => AppError>;
