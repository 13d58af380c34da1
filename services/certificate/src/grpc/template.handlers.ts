import type { ServiceHandlers } from '@lms/kit/grpc';
import type { CertificateServiceDefinition } from '@lms/kit/generated/lms/certificate/v1/CertificateService';
import type { CertificateDeps } from '../app/deps';

export type TemplateHandlers = Pick<
  ServiceHandlers<CertificateServiceDefinition>,
  'ListTemplates' | 'CreateTemplate' | 'UpdateTemplate' | 'DeleteTemplate' | 'PreviewTemplate' | 'RenderProgressReport'
>;

/** Templates (admin) and the analytics progress report over gRPC (skeleton; the implementation follows). */
export function templateHandlers(deps: CertificateDeps): TemplateHandlers {
  void deps;
  const notYet = () => Promise.reject(new Error('not implemented yet'));
  return {
    ListTemplates: notYet,
    CreateTemplate: notYet,
    UpdateTemplate: notYet,
    DeleteTemplate: notYet,
    PreviewTemplate: notYet,
    RenderProgressReport: notYet,
  };
}
