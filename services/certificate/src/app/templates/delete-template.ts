import type { Caller } from '@lms/kit/auth';
import { CertificateErrors } from '../../domain/certificate.errors';
import { checkedId } from '../../domain/validation';
import { BUILT_IN_TEMPLATE_ID } from '../../domain/templates/template.entities';
import type { CertificateDeps } from '../deps';
import { requireTemplateAdmin } from './template-access';

/** Certificates rendered with it keep their PDFs (their `template_id` is history, not a reference). */
export async function deleteTemplate(deps: Pick<CertificateDeps, 'units'>, caller: Caller, input: { templateId: string }): Promise<void> {
  requireTemplateAdmin(caller);
  const templateId = checkedId('template_id', input.templateId);
  if (templateId === BUILT_IN_TEMPLATE_ID) throw CertificateErrors.builtInTemplateReadOnly();
  const deleted = await deps.units.run((uow) => uow.templates.delete(templateId));
  if (!deleted) throw CertificateErrors.templateNotFound();
}
