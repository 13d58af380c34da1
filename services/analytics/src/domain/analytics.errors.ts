import { AppError, NotFoundError, PermissionDeniedError, UnavailableError, ValidationError, type FieldError } from '@lms/kit/errors';

/**
 * Every refusal of the analytics service, with its stable code. The kit maps the kind to a gRPC status once; the
 * gateway maps that to HTTP once. Messages are safe to show to the caller.
 */
export const AnalyticsErrors = {
  validation: (fields: FieldError[], message = 'The request is invalid') => new ValidationError(message, fields),
  courseNotFound: () => new NotFoundError('Course not found', 'ANALYTICS.COURSE_NOT_FOUND'),
  quizNotFound: () => new NotFoundError('Quiz not found', 'ANALYTICS.QUIZ_NOT_FOUND'),
  ownStudentDashboardOnly: () =>
    new PermissionDeniedError("Only an administrator can read another learner's figures", 'ANALYTICS.OWN_DASHBOARD_ONLY'),
  courseOwnerOnly: () =>
    new PermissionDeniedError("Only the course's instructor or an administrator can read its figures", 'ANALYTICS.COURSE_OWNER_ONLY'),
  instructorsOnly: () =>
    new PermissionDeniedError('The instructor dashboard is for instructors and administrators', 'ANALYTICS.INSTRUCTORS_ONLY'),
  ownInstructorDashboardOnly: () =>
    new PermissionDeniedError("Only an administrator can read another instructor's dashboard", 'ANALYTICS.OWN_DASHBOARD_ONLY'),
  adminOnly: () => new PermissionDeniedError('Only an administrator can read platform figures', 'ANALYTICS.ADMIN_ONLY'),
  reportRendererUnavailable: (cause?: unknown) =>
    new UnavailableError('The PDF report cannot be produced right now, try again', 'ANALYTICS.REPORT_RENDERER_UNAVAILABLE', cause),
  /** The renderer refused our own request (a bug or a misconfiguration here, not the caller's doing). */
  reportRenderRefused: (cause: unknown) =>
    new AppError('internal', 'The PDF report could not be produced', { code: 'ANALYTICS.REPORT_RENDER_REFUSED', cause }),
};
