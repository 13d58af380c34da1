import type { Caller } from '@lms/kit/auth';
import type { CertificateRecord } from '../../domain/certificate.entities';
import type { CertificateDeps } from '../deps';

/** The caller's certificates, newest first, revoked ones included; all of them (at most one per enrolment, as the seed). */
export function listMyCertificates(deps: Pick<CertificateDeps, 'units'>, caller: Caller): Promise<CertificateRecord[]> {
  return deps.units.read.certificates.listByStudent(caller.userId);
}
