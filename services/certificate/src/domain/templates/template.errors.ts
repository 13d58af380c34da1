import { ConflictError } from '@lms/kit/errors';

/** Template refusals CertificateErrors does not have (the rest — not found, read-only, validation — are its). */
export const TemplateErrors = {
  secondDefault: () => new ConflictError('An active default template already exists', 'CERTIFICATE.TEMPLATE_DEFAULT_EXISTS'),
  secondForCourse: () => new ConflictError('The course already has an active template', 'CERTIFICATE.TEMPLATE_COURSE_EXISTS'),
};
