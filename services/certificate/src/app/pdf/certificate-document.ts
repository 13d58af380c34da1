import type { CertificateConfig } from '../../config';
import type { CertificateRecord } from '../../domain/certificate.entities';
import { formatCertificateDate } from '../../domain/templates/dates';
import type { TemplateValues } from '../../domain/templates/placeholders';
import { parseTemplate, renderTemplate } from '../../domain/templates/template-engine';
import type { TemplateRecord } from '../../domain/templates/template.entities';
import { htmlDocument } from '../../infra/templates/document';
import { verificationUrl } from '../certificates/certificate-view';

/** An SVG QR code of `text` (error correction M: survives a print smudge, stays small). Our markup only. */
export async function qrCodeSvg(text: string): Promise<string> {
  // Loaded at the first certificate rendered, not at start-up (qrcode and pngjs: ~60 modules an idle process does not need).
  const { default: QRCode } = await import('qrcode');
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
}

/** What a certificate prints: its frozen snapshot, the issuer, and the QR code of its verification URL. */
export async function certificateValues(
  certificate: Pick<
    CertificateRecord,
    'certificateNumber' | 'studentName' | 'courseTitle' | 'instructorName' | 'completionDate' | 'issuedAt' | 'finalGrade' | 'totalHours' | 'issuedBy' | 'signatureName'
  >,
  config: Pick<CertificateConfig, 'PUBLIC_API_URL' | 'CERTIFICATE_SIGNATURE_NAME'>,
): Promise<TemplateValues> {
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
    qr_code: await qrCodeSvg(url),
  };
}

/** The template filled in, as a whole document. A stored template was validated when saved; a broken one fails loudly. */
export function certificateHtml(template: Pick<TemplateRecord, 'id' | 'htmlTemplate' | 'cssStyles'>, values: TemplateValues): string {
  const parsed = parseTemplate(template.htmlTemplate);
  if (!parsed.ok) throw new Error(`template ${template.id} does not parse: ${parsed.problems.join('; ')}`);
  return htmlDocument(renderTemplate(parsed.template, values), template.cssStyles ?? '');
}
