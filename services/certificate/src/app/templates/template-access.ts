import type { Caller } from '@lms/kit/auth';
import { isUniqueViolation } from '@lms/kit/db';
import { CertificateErrors } from '../../domain/certificate.errors';
import { TemplateErrors } from '../../domain/templates/template.errors';

/** Templates are the platform's: admins only. */
export function requireTemplateAdmin(caller: Caller): void {
  if (caller.role !== 'admin') throw CertificateErrors.adminOnly();
}

/** The unique partial indexes refuse a second active default / a second active template of a course: 409. */
export function asTemplateConflict(err: unknown, template: { courseId: string | null }): unknown {
  if (!isUniqueViolation(err)) return err;
  return template.courseId ? TemplateErrors.secondForCourse() : TemplateErrors.secondDefault();
}
