import type { ServiceHandlers } from '@lms/kit/grpc';
import type { CertificateServiceDefinition } from '@lms/kit/generated/lms/certificate/v1/CertificateService';
import type { CreateTemplateRequest__Output } from '@lms/kit/generated/lms/certificate/v1/CreateTemplateRequest';
import type { Template } from '@lms/kit/generated/lms/certificate/v1/Template';
import type { CertificateDeps } from '../app/deps';
import { renderProgressReport } from '../app/reports/render-progress-report';
import { createTemplate } from '../app/templates/create-template';
import { deleteTemplate } from '../app/templates/delete-template';
import { listTemplates } from '../app/templates/list-templates';
import { previewTemplate } from '../app/templates/preview-template';
import { updateTemplate } from '../app/templates/update-template';
import type { TemplateRecord } from '../domain/templates/template.entities';

export type TemplateHandlers = Pick<
  ServiceHandlers<CertificateServiceDefinition>,
  'ListTemplates' | 'CreateTemplate' | 'UpdateTemplate' | 'DeleteTemplate' | 'PreviewTemplate' | 'RenderProgressReport'
>;

/** Templates (admin) and the analytics progress report over gRPC: authenticate, decode, call the use case, encode. */
export function templateHandlers(deps: CertificateDeps): TemplateHandlers {
  const caller = (authorization: string | undefined) => deps.verifier.verify(authorization);
  return {
    ListTemplates: async (req, call) => ({
      templates: (await listTemplates(deps, await caller(call.authorization), { courseId: req.course_id })).map(templateMessage),
    }),
    CreateTemplate: async (req, call) =>
      templateMessage(
        await createTemplate(deps, await caller(call.authorization), { ...templateContent(req), courseId: req.course_id }),
      ),
    UpdateTemplate: async (req, call) =>
      templateMessage(
        await updateTemplate(deps, await caller(call.authorization), { templateId: req.template_id, fields: req.fields, ...templateContent(req) }),
      ),
    DeleteTemplate: async (req, call) => {
      await deleteTemplate(deps, await caller(call.authorization), { templateId: req.template_id });
      return {};
    },
    PreviewTemplate: async (req, call) => previewTemplate(deps, await caller(call.authorization), { templateId: req.template_id }, call.signal),
    RenderProgressReport: async (req, call) => ({ content: await renderProgressReport(deps, call.callerService, req, call.signal) }),
  };
}

/** The template's own fields, as Create and Update requests both carry them. */
function templateContent(req: Omit<CreateTemplateRequest__Output, 'course_id'>) {
  return {
    name: req.name,
    description: req.description,
    htmlTemplate: req.html_template,
    cssStyles: req.css_styles,
    isDefault: req.is_default,
    isActive: req.is_active,
  };
}

export function templateMessage(template: TemplateRecord): Template {
  return {
    id: template.id,
    name: template.name,
    description: template.description ?? '',
    html_template: template.htmlTemplate,
    css_styles: template.cssStyles ?? '',
    is_default: template.isDefault,
    is_active: template.isActive,
    course_id: template.courseId ?? '',
    created_at: template.createdAt.toISOString(),
    updated_at: template.updatedAt.toISOString(),
    built_in: template.builtIn,
  };
}
