import type { CertificateConfig } from '../../config';
import type { CertificateRecord } from '../../domain/certificate.entities';
import { formatCertificateDate } from '../../domain/templates/dates';
import type { TemplateValues } from '../../domain/templates/placeholders';
import { parseTemplate, renderTemplate } from '../../domain/templates/template-engine';
import type { TemplateRecord } from '../../domain/templates/template.entities';
import { QR_CODE_SLOT } from '../../infra/renderer/protocol';
import { htmlDocument } from '../../infra/templates/document';
import { verificationUrl } from '../certificates/certificate-view';

/**
 * What a certificate prints: its frozen snapshot, the issuer, and the QR code of its verification URL — a slot the
 * render process fills (qrcode is loaded there, not in the service): render with `{ qrCode: values.verification_url }`.
 */
export function certificateValues(
  certificate: Pick<
    CertificateRecord,
    'certificateNumber' | 'studentName' | 'courseTitle' | 'instructorName' | 'completionDate' | 'issuedAt' | 'finalGrade' | 'totalHours' | 'issuedBy' | 'signatureName'
  >,
  config: Pick<CertificateConfig, 'PUBLIC_API_URL' | 'CERTIFICATE_SIGNATURE_NAME'>,
): TemplateValues {
  const url = verificationUrl(config, certificate.certificateNumber);
  return {
    certificate_number: certificate.certificateNumber,
    student_name: certificate.studentName,
    course_title: certificate.courseTitle,
    instructor_name: certificate.instructorName,
    completion_date: formatCertificateDate(certificate.completionDate),
    issued_date: formatCertificateDate(certificate.issuedAt),
    final_grade: certificate.finalGrade,
    total_hours: certificate.totalHours ?? '',
    issuer: certificate.issuedBy,
    signature_name: certificate.signatureName ?? config.CERTIFICATE_SIGNATURE_NAME,
    verification_url: url,
    qr_code: QR_CODE_SLOT,
  };
}

/** The template filled in, as a whole document. A stored template was validated when saved; a broken one fails loudly. */
export function certificateHtml(template: Pick<TemplateRecord, 'id' | 'htmlTemplate' | 'cssStyles'>, values: TemplateValues): string {
  const parsed = parseTemplate(template.htmlTemplate);
  if (!parsed.ok) throw new Error(`template ${template.id} does not parse: ${parsed.problems.join('; ')}`);
  return htmlDocument(renderTemplate(parsed.template, values), template.cssStyles ?? '');
}
