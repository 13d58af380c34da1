import { BUILT_IN_TEMPLATE_ID, type TemplateRecord } from '../../domain/templates/template.entities';
import { CertificateErrors } from '../../domain/certificate.errors';
import { BUILT_IN_TEMPLATE } from '../../infra/templates/built-in-certificate';
import type { TemplateRepository } from '../../infra/template.repository';

/** A template by id, the built-in one included; NOT_FOUND otherwise. */
export async function findTemplate(templates: TemplateRepository, templateId: string): Promise<TemplateRecord> {
  if (templateId === BUILT_IN_TEMPLATE_ID) return BUILT_IN_TEMPLATE;
  const template = await templates.findById(templateId);
  if (!template) throw CertificateErrors.templateNotFound();
  return template;
}
