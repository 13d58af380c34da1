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
 * Every refusal of the quiz service, with its stable code. The kit maps the kind to a gRPC status once; the
 * gateway maps that to HTTP once. Messages are safe to show to the caller.
 */
export const QuizErrors = {
  validation: (fields: FieldError[], message = 'The request is invalid') => new ValidationError(message, fields),
  quizNotFound: () => new NotFoundError('Quiz not found', 'QUIZ.NOT_FOUND'),
  courseNotFound: () => new NotFoundError('Course not found', 'QUIZ.COURSE_NOT_FOUND'),
  questionNotFound: () => new NotFoundError('Question not found', 'QUIZ.QUESTION_NOT_FOUND'),
  poolNotFound: () => new NotFoundError('Pool not found', 'QUIZ.POOL_NOT_FOUND'),
  attemptNotFound: () => new NotFoundError('Attempt not found', 'QUIZ.ATTEMPT_NOT_FOUND'),
  noAttemptInProgress: () => new NotFoundError('No attempt in progress', 'QUIZ.NO_ATTEMPT_IN_PROGRESS'),
  courseOwnerOnly: () =>
    new PermissionDeniedError("Only the course's instructor or an administrator can do this", 'QUIZ.COURSE_OWNER_ONLY'),
  studentsOnly: () => new PermissionDeniedError('Only students take quizzes', 'QUIZ.STUDENTS_ONLY'),
  notEnrolled: () => new PermissionDeniedError('Enrol in the course to take its quizzes', 'QUIZ.NOT_ENROLLED'),
  lessonInvalid: (msg: string) =>
    new ValidationError(`The lesson cannot hold a quiz: ${msg}`, [{ loc: ['lesson_id'], msg }], 'QUIZ.LESSON_INVALID'),
  quizExistsForLesson: () => new ConflictError('This lesson already has a quiz', 'QUIZ.EXISTS_FOR_LESSON'),
  quizHasAttempts: () =>
    new PreconditionError('The quiz has attempts: unpublish it instead of deleting it', 'QUIZ.HAS_ATTEMPTS'),
  lessonDeleted: () =>
    new PreconditionError("The quiz's lesson was deleted from the course: it cannot be published", 'QUIZ.LESSON_DELETED'),
  quizHasNoQuestions: () => new PreconditionError('Add at least one question before publishing', 'QUIZ.HAS_NO_QUESTIONS'),
  poolTooSmall: (poolId: string, title: string, questions: number, drawCount: number) =>
    new PreconditionError(
      `Pool "${title}" draws ${drawCount} questions but has ${questions}`,
      'QUIZ.POOL_TOO_SMALL',
      { pool_id: poolId, question_count: questions, draw_count: drawCount },
    ),
  quizEmpty: () => new PreconditionError('The quiz has no questions to ask', 'QUIZ.HAS_NO_QUESTIONS'),
  quizNotOpen: (from: Date | null, until: Date | null) =>
    new PreconditionError('The quiz is not open now', 'QUIZ.NOT_OPEN', {
      available_from: from ? from.toISOString() : null,
      available_until: until ? until.toISOString() : null,
    }),
  maxAttemptsReached: (max: number) =>
    new PreconditionError(`All ${max} attempts have been used`, 'QUIZ.MAX_ATTEMPTS_REACHED', { max_attempts: max }),
  deadlinePassed: (deadline: Date | null) =>
    new PreconditionError('The attempt deadline has passed: the attempt was closed and graded', 'QUIZ.ATTEMPT_DEADLINE_PASSED', {
      deadline_at: deadline ? deadline.toISOString() : null,
    }),
  attemptClosed: (status: string) =>
    new PreconditionError('The attempt is already submitted', 'QUIZ.ATTEMPT_CLOSED', { status }),
  attemptFinal: () => new PreconditionError('The attempt is already graded', 'QUIZ.ATTEMPT_FINAL'),
  attemptInProgress: () => new PreconditionError('The attempt is still in progress', 'QUIZ.ATTEMPT_IN_PROGRESS'),
  regradeNotFound: () => new NotFoundError('Regrade not found', 'QUIZ.REGRADE_NOT_FOUND'),
  regradeInProgress: (regradeId: string) =>
    new PreconditionError('A regrade of this quiz is still running; follow it with GET …/regrades/{regrade_id}', 'QUIZ.REGRADE_IN_PROGRESS', {
      regrade_id: regradeId,
    }),
  typeCannotChange: () =>
    new ValidationError('The type of a question cannot change', [{ loc: ['question_type'], msg: 'cannot change' }]),
  callerNotAllowed: () => new PermissionDeniedError('Only the certificate service may read course grades', 'QUIZ.CALLER_NOT_ALLOWED'),
  catalogUnavailable: (cause?: unknown) =>
    new UnavailableError('The course catalog is unavailable, try again', 'QUIZ.CATALOG_UNAVAILABLE', cause),
  enrollmentUnavailable: (cause?: unknown) =>
    new UnavailableError('The enrolment service is unavailable, try again', 'QUIZ.ENROLLMENT_UNAVAILABLE', cause),
} satisfies Record<string, (...args: never[]) => AppError>;
