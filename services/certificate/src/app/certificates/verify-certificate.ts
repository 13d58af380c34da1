import type { CertificateDeps } from '../deps';
import { normaliseCertificateNumber } from '../../domain/numbering';
import { publicCertificate, type PublicCertificateView } from './certificate-view';

export type VerificationResult =
  | { valid: false; found: false; message: 'Certificate not found' }
  | { valid: boolean; found: true; certificate: PublicCertificateView; message: 'Certificate is valid' | 'Certificate has been revoked' };

/**
 * Public verification by number: always an answer. A number that cannot be one (after trimming and upper-casing)
 * is simply not found; a revoked certificate is found but not valid. Only the six public fields are shown.
 */
export async function verifyCertificate(deps: Pick<CertificateDeps, 'units'>, rawNumber: string): Promise<VerificationResult> {
  const number = normaliseCertificateNumber(rawNumber);
  const certificate = number ? await deps.units.read.certificates.findByNumber(number) : null;
  if (!certificate) return { valid: false, found: false, message: 'Certificate not found' };
  const revoked = certificate.status === 'revoked';
  return {
    valid: !revoked,
    found: true,
    certificate: publicCertificate(certificate),
    message: revoked ? 'Certificate has been revoked' : 'Certificate is valid',
  };
}
