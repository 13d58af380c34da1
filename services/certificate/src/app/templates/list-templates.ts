import type { Caller } from '@lms/kit/auth';
import { FieldChecker } from '@lms/kit/errors';
import { CertificateErrors } from '../../domain/certificate.errors';
import type { TemplateRecord } from '../../domain/templates/template.entities';
import { BUILT_IN_TEMPLATE } from '../../infra/templates/built-in-certificate';
import type { CertificateDeps } from '../deps';
import { requireTemplateAdmin } from './template-access';

/** The built-in template first (unless narrowed to a course), then the stored ones, newest first. */
export async function listTemplates(deps: Pick<CertificateDeps, 'units'>, caller: Caller, query: { courseId: string }): Promise<TemplateRecord[]> {
  requireTemplateAdmin(caller);
  const checker = new FieldChecker();
  const courseId = query.courseId ? checker.uuid('course_id', query.courseId) : null;
  if (!checker.ok) throw CertificateErrors.validation(checker.errors);
  const stored = await deps.units.read.templates.list(courseId);
  return courseId ? stored : [BUILT_IN_TEMPLATE, ...stored];
}
