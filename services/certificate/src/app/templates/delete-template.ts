import type { Caller } from '@lms/kit/auth';
import { FieldChecker } from '@lms/kit/errors';
import { CertificateErrors } from '../../domain/certificate.errors';
import { BUILT_IN_TEMPLATE_ID } from '../../domain/templates/template.entities';
import type { CertificateDeps } from '../deps';
import { requireTemplateAdmin } from './template-access';

/** Certificates rendered with it keep their PDFs (their `template_id` is history, not a reference). */
export async function deleteTemplate(deps: Pick<CertificateDeps, 'units'>, caller: Caller, input: { templateId: string }): Promise<void> {
  requireTemplateAdmin(caller);
  const checker = new FieldChecker();
  const templateId = checker.uuid('template_id', input.templateId);
  if (!checker.ok) throw CertificateErrors.validation(checker.errors);
  if (templateId === BUILT_IN_TEMPLATE_ID) throw CertificateErrors.builtInTemplateReadOnly();
  const deleted = await deps.units.run((uow) => uow.templates.delete(templateId));
  if (!deleted) throw CertificateErrors.templateNotFound();
}
