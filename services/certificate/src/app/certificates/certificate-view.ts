import type { CertificateConfig } from '../../config';
import type { CertificateRecord } from '../../domain/certificate.entities';
import type { CertificateLinks } from '../../domain/certificate.events';
import { publicOrigin } from '../credentials/issuer';

/** A certificate's absolute URLs, all on the gateway's public origin (PUBLIC_API_URL). */
export interface CertificateUrls extends CertificateLinks {
  credentialUrl: string;
}

const certificatesBase = (config: Pick<CertificateConfig, 'PUBLIC_API_URL'>) => `${publicOrigin(config)}/api/v1/certificates`;

/** The public verification page of a certificate number (what the QR code and the "Verify at" line point to). */
export function verificationUrl(config: Pick<CertificateConfig, 'PUBLIC_API_URL'>, certificateNumber: string): string {
  return `${certificatesBase(config)}/verify/${certificateNumber}`;
}

export function certificateUrls(config: Pick<CertificateConfig, 'PUBLIC_API_URL'>, certificate: Pick<CertificateRecord, 'id' | 'certificateNumber'>): CertificateUrls {
  const base = certificatesBase(config);
  return {
    pdfUrl: `${base}/${certificate.id}/download`,
    verificationUrl: verificationUrl(config, certificate.certificateNumber),
    credentialUrl: `${base}/${certificate.id}/credential`,
  };
}

/** What public verification shows of a certificate: the seed's six fields, never the student's id or email. */
export interface PublicCertificateView {
  certificateNumber: string;
  studentName: string;
  courseTitle: string;
  instructorName: string;
  completionDate: Date;
  issuedBy: string;
}

export function publicCertificate(certificate: CertificateRecord): PublicCertificateView {
  return {
    certificateNumber: certificate.certificateNumber,
    studentName: certificate.studentName,
    courseTitle: certificate.courseTitle,
    instructorName: certificate.instructorName,
    completionDate: certificate.completionDate,
    issuedBy: certificate.issuedBy,
  };
}
