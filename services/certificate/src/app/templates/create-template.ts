import { randomUUID } from 'node:crypto';
import type { Caller } from '@lms/kit/auth';
import { FieldChecker } from '@lms/kit/errors';
import { CertificateErrors } from '../../domain/certificate.errors';
import { checkTemplateFields, type TemplateFields } from '../../domain/templates/template-input';
import type { TemplateRecord } from '../../domain/templates/template.entities';
import type { CertificateDeps } from '../deps';
import { asTemplateConflict, requireTemplateAdmin } from './template-access';
import { requireCourse } from './require-course';

export interface CreateTemplateInput extends TemplateFields {
  /** "" = platform-wide. */
  courseId: string;
}

/** An admin's template: checked (placeholders, sizes, CSS), its course must exist (catalog), one active per scope (409). */
export async function createTemplate(deps: Pick<CertificateDeps, 'units' | 'catalog' | 'clock'>, caller: Caller, input: CreateTemplateInput): Promise<TemplateRecord> {
  requireTemplateAdmin(caller);
  const checker = new FieldChecker();
  const courseId = input.courseId ? checker.uuid('course_id', input.courseId) : null;
  const errors = [...checker.errors, ...checkTemplateFields(input, input.courseId ? courseId : null)];
  if (errors.length) throw CertificateErrors.validation(errors);
  if (courseId) await requireCourse(deps, courseId);
  const now = deps.clock();
  const template: TemplateRecord = {
    id: randomUUID(),
    name: input.name.trim(),
    description: input.description || null,
    htmlTemplate: input.htmlTemplate,
    cssStyles: input.cssStyles || null,
    isDefault: input.isDefault,
    isActive: input.isActive,
    courseId,
    createdAt: now,
    updatedAt: now,
    builtIn: false,
  };
  try {
    await deps.units.run((uow) => uow.templates.insert(template));
  } catch (err) {
    throw asTemplateConflict(err, template);
  }
  return template;
}
