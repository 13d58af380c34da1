import { AppError, NotFoundError, PermissionDeniedError, PreconditionError, UnavailableError, ValidationError, type FieldError } from '@lms/kit/errors';

/**
 * Every refusal of the certificate service, with its stable code. The kit maps kinds to gRPC statuses once; the
 * gateway refines CERTIFICATE.PDF_PENDING to 503 + Retry-After (kit `httpStatusForError`). Messages are safe to
 * show to the caller.
 */
export const CertificateErrors = {
  validation: (fields: FieldError[], message = 'The request is invalid') => new ValidationError(message, fields),
  /** Also for a certificate the caller may not read: its existence is not revealed. */
  notFound: () => new NotFoundError('Certificate not found', 'CERTIFICATE.NOT_FOUND'),
  enrollmentNotFound: () => new NotFoundError('Enrollment not found', 'CERTIFICATE.ENROLLMENT_NOT_FOUND'),
  courseNotFound: () => new NotFoundError('Course not found', 'CERTIFICATE.COURSE_NOT_FOUND'),
  /** The student's account is gone (deleted): no certificate is issued to it. */
  studentNotFound: () => new NotFoundError('Student not found', 'CERTIFICATE.STUDENT_NOT_FOUND'),
  courseNotCompleted: () => new PreconditionError('Course not completed yet', 'CERTIFICATE.COURSE_NOT_COMPLETED'),
  pdfPending: (retryAfterSeconds: number) =>
    new PreconditionError("The certificate's PDF is being generated", 'CERTIFICATE.PDF_PENDING', { retry_after_seconds: retryAfterSeconds }),
  /** Generate, revoke, templates: the platform's administrators only. */
  adminOnly: () => new PermissionDeniedError('Only an administrator can do this', 'CERTIFICATE.ADMIN_ONLY'),
  callerNotAllowed: () => new PermissionDeniedError('This call is not open to the calling service', 'CERTIFICATE.CALLER_NOT_ALLOWED'),
  templateNotFound: () => new NotFoundError('Template not found', 'CERTIFICATE.TEMPLATE_NOT_FOUND'),
  builtInTemplateReadOnly: () => new PreconditionError('The built-in template cannot be changed or deleted', 'CERTIFICATE.TEMPLATE_READ_ONLY'),
  renderFailed: (cause?: unknown) => new UnavailableError('The PDF could not be rendered', 'CERTIFICATE.RENDER_FAILED', cause),
  renderBusy: () => new AppError('unavailable', 'The PDF renderer is busy, try again shortly', { code: 'CERTIFICATE.RENDER_BUSY' }),
  statusListNotFound: () => new NotFoundError('Status list not found', 'CERTIFICATE.STATUS_LIST_NOT_FOUND'),
  /** No free entry in many random draws of a list below half full: should never happen; issuing fails loudly. */
  statusListsExhausted: () => new AppError('internal', 'No status-list index left', { code: 'CERTIFICATE.STATUS_LIST_EXHAUSTED' }),
};
