import type { Caller } from '@lms/kit/auth';
import { FieldChecker } from '@lms/kit/errors';
import { CertificateErrors } from '../../domain/certificate.errors';
import { checkTemplateFields, EDITABLE_FIELDS, type EditableField, type TemplateFields } from '../../domain/templates/template-input';
import { BUILT_IN_TEMPLATE_ID, type TemplateRecord } from '../../domain/templates/template.entities';
import type { CertificateDeps } from '../deps';
import { asTemplateConflict, requireTemplateAdmin } from './template-access';

export interface UpdateTemplateInput extends TemplateFields {
  templateId: string;
  /** The fields given (a partial update); the others keep their values. */
  fields: string[];
}

/** Changes the named fields of a stored template (the built-in one is read-only). */
export async function updateTemplate(deps: Pick<CertificateDeps, 'units' | 'clock'>, caller: Caller, input: UpdateTemplateInput): Promise<TemplateRecord> {
  requireTemplateAdmin(caller);
  const checker = new FieldChecker();
  const templateId = checker.uuid('template_id', input.templateId);
  const unknown = input.fields.filter((field) => !(EDITABLE_FIELDS as readonly string[]).includes(field));
  if (unknown.length) checker.add('fields', `unknown field(s): ${unknown.join(', ')}`);
  if (!checker.ok) throw CertificateErrors.validation(checker.errors);
  if (templateId === BUILT_IN_TEMPLATE_ID) throw CertificateErrors.builtInTemplateReadOnly();
  const given = new Set(input.fields as EditableField[]);
  const changes: Partial<TemplateFields> = {
    name: given.has('name') ? input.name : undefined,
    description: given.has('description') ? input.description : undefined,
    htmlTemplate: given.has('html_template') ? input.htmlTemplate : undefined,
    cssStyles: given.has('css_styles') ? input.cssStyles : undefined,
    isDefault: given.has('is_default') ? input.isDefault : undefined,
    isActive: given.has('is_active') ? input.isActive : undefined,
  };
  let updated: TemplateRecord | undefined;
  try {
    await deps.units.run(async (uow) => {
      const current = await uow.templates.lockById(templateId);
      if (!current) throw CertificateErrors.templateNotFound();
      const errors = checkTemplateFields(changes, current.courseId);
      if (errors.length) throw CertificateErrors.validation(errors);
      updated = {
        ...current,
        name: changes.name?.trim() ?? current.name,
        description: changes.description === undefined ? current.description : changes.description || null,
        htmlTemplate: changes.htmlTemplate ?? current.htmlTemplate,
        cssStyles: changes.cssStyles === undefined ? current.cssStyles : changes.cssStyles || null,
        isDefault: changes.isDefault ?? current.isDefault,
        isActive: changes.isActive ?? current.isActive,
        updatedAt: deps.clock(),
      };
      await uow.templates.update(updated);
    });
  } catch (err) {
    throw updated ? asTemplateConflict(err, updated) : err;
  }
  return updated!;
}
