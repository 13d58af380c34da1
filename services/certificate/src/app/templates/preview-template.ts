import type { Caller } from '@lms/kit/auth';
import { checkedId } from '../../domain/validation';
import type { CertificateDeps } from '../deps';
import { certificateHtml, certificateValues } from '../pdf/certificate-document';
import { findTemplate } from './get-template';
import { requireTemplateAdmin } from './template-access';

/** A sample certificate (every optional value present, so every section shows) for checking a template; nothing is stored. */
export async function previewTemplate(
  deps: Pick<CertificateDeps, 'units' | 'renderer' | 'config' | 'clock'>,
  caller: Caller,
  input: { templateId: string },
  signal?: AbortSignal,
): Promise<{ content: Buffer; filename: string }> {
  requireTemplateAdmin(caller);
  const templateId = checkedId('template_id', input.templateId);
  const template = await findTemplate(deps.units.read.templates, templateId);
  const now = deps.clock();
  const values = certificateValues(
    {
      certificateNumber: 'CERT-20260101-0123ABCD',
      studentName: 'Jane Sample',
      courseTitle: 'Sample Course Title',
      instructorName: 'Sam Instructor',
      completionDate: now,
      issuedAt: now,
      finalGrade: 'A',
      totalHours: '12 hours',
      issuedBy: deps.config.CERTIFICATE_ISSUER,
      signatureName: deps.config.CERTIFICATE_SIGNATURE_NAME,
    },
    deps.config,
  );
  const content = await deps.renderer.render(certificateHtml(template, values), { landscape: true, qrCode: values.verification_url, signal });
  return { content, filename: 'Certificate_preview.pdf' };
}
