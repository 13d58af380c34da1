import { buffer } from 'node:stream/consumers';
import type { Caller } from '@lms/kit/auth';
import { CertificateErrors } from '../../domain/certificate.errors';
import type { CertificateDeps } from '../deps';
import { findReadableCertificate } from './get-certificate';
import { rerequestRenderIfStale } from './rerequest-render';

export interface CertificatePdfFile {
  content: Buffer;
  filename: string;
}

/**
 * The certificate's PDF for its student or an admin. Until the render job has stored it (or when its object has
 * gone missing) the answer is CERTIFICATE.PDF_PENDING with `retry_after_seconds` (the gateway: 503 + Retry-After),
 * and a render is asked for again if the last request is over a minute old — a parked job heals on the next download.
 */
export async function getCertificatePdf(deps: CertificateDeps, caller: Caller, certificateId: string): Promise<CertificatePdfFile> {
  const certificate = await findReadableCertificate(deps.units.read, caller, certificateId);
  const stream = certificate.pdfKey ? await deps.storage.get(certificate.pdfKey) : null;
  if (!stream) {
    if (certificate.pdfKey) deps.logger.warn({ certificateId: certificate.id, pdfKey: certificate.pdfKey }, 'certificate PDF object missing from storage');
    await rerequestRenderIfStale(deps, certificate);
    throw CertificateErrors.pdfPending(deps.config.PDF_RETRY_AFTER_SECONDS);
  }
  return { content: await buffer(stream), filename: `Certificate_${certificate.certificateNumber}.pdf` };
}
