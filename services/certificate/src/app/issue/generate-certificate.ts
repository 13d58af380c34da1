import type { Caller } from '@lms/kit/auth';
import { CertificateErrors } from '../../domain/certificate.errors';
import { checkedId } from '../../domain/validation';
import { rerequestRenderIfStale } from '../certificates/rerequest-render';
import type { CertificateDeps } from '../deps';
import { gatherSnapshot } from './gather-snapshot';
import { issueCertificate, type IssueOutcome } from './issue-certificate';

/**
 * An admin issues the certificate of a completed enrolment by hand ("usually auto-generated"). Already issued →
 * that certificate (`created` false), and its PDF asked for again when it is still missing a minute after the
 * last request. Otherwise the snapshot is gathered (remote calls, before the transaction) and issued; racing the
 * completion consumer, one of them creates it and the other returns it.
 */
export async function generateCertificate(deps: CertificateDeps, caller: Caller, rawEnrollmentId: string): Promise<IssueOutcome> {
  if (caller.role !== 'admin') throw CertificateErrors.adminOnly();
  const enrollmentId = checkedId('enrollment_id', rawEnrollmentId);
  const existing = await deps.units.read.certificates.findByEnrollment(enrollmentId);
  if (existing) {
    if (existing.pdfKey === null) await rerequestRenderIfStale(deps, existing);
    return { certificate: existing, created: false };
  }
  const snapshot = await gatherSnapshot(deps, enrollmentId);
  return deps.units.run((uow) => issueCertificate(uow, deps, snapshot, { via: 'admin', issuedByUserId: caller.userId }));
}
