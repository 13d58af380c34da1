import { Readable } from 'node:stream';
import type { RecordedPdf } from '../../infra/certificate-pdf.repository';
import type { CertificateDeps, CertificateUnitOfWork } from '../deps';
import { resolveTemplate } from '../templates/resolve-template';
import { certificateHtml, certificateValues } from './certificate-document';

/** One object per certificate: a retried or repeated render overwrites it, never leaves a second copy. */
export const certificatePdfKey = (certificateId: string) => `certificates/${certificateId}.pdf`;

/**
 * The render job's I/O, outside any transaction: the certificate's PDF rendered with the template of its course
 * and stored. null when there is nothing to do (unknown certificate, or its PDF already stored). Failures throw:
 * the job retries with backoff, then parks; a later download asks again.
 */
export async function renderCertificatePdf(deps: CertificateDeps, certificateId: string, signal?: AbortSignal): Promise<RecordedPdf | null> {
  const certificate = await deps.units.read.certificates.findById(certificateId);
  if (!certificate) {
    deps.logger.warn({ certificate_id: certificateId }, 'pdf render: unknown certificate; nothing to render');
    return null;
  }
  const key = certificatePdfKey(certificate.id);
  if (certificate.pdfKey && (await deps.storage.head(certificate.pdfKey))) return null;
  const template = await resolveTemplate(deps.units.read.templates, certificate.courseId);
  const values = certificateValues(certificate, deps.config);
  const started = Date.now();
  const pdf = await deps.renderer.render(certificateHtml(template, values), { landscape: true, qrCode: values.verification_url, signal });
  const { size } = await deps.storage.put(key, Readable.from([pdf]), { contentType: 'application/pdf', signal });
  deps.logger.info({ certificate_id: certificate.id, bytes: size, ms: Date.now() - started, template_id: template.id }, 'pdf render: stored');
  return { key, size, renderedAt: deps.clock(), templateId: template.builtIn ? null : template.id };
}

/** The render job's DB step: where the PDF is, in the job's inbox transaction. */
export async function recordCertificatePdf(uow: Pick<CertificateUnitOfWork, 'pdfs'>, certificateId: string, pdf: RecordedPdf): Promise<void> {
  await uow.pdfs.recordPdf(certificateId, pdf);
}
