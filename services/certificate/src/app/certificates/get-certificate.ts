import type { Caller } from '@lms/kit/auth';
import type { CertificateRecord } from '../../domain/certificate.entities';
import { CertificateErrors } from '../../domain/certificate.errors';
import { checkedId } from '../../domain/validation';
import type { CertificateDeps, CertificateRepositories } from '../deps';

/**
 * The certificate if this caller may read it: its student or an admin. Anyone else gets NOT_FOUND, exactly like an
 * unknown id, so a certificate's existence is not revealed (the seed answered 403). Shared by every read of one
 * certificate (details, PDF, credential).
 */
export async function findReadableCertificate(repositories: Pick<CertificateRepositories, 'certificates'>, caller: Caller, rawId: string): Promise<CertificateRecord> {
  const id = checkedId('certificate_id', rawId);
  const certificate = await repositories.certificates.findById(id);
  if (!certificate || (caller.role !== 'admin' && certificate.studentId !== caller.userId)) throw CertificateErrors.notFound();
  return certificate;
}

export function getCertificate(deps: Pick<CertificateDeps, 'units'>, caller: Caller, certificateId: string): Promise<CertificateRecord> {
  return findReadableCertificate(deps.units.read, caller, certificateId);
}
