import type { Caller } from '@lms/kit/auth';
import type { CertificateRecord } from '../../domain/certificate.entities';
import { CertificateErrors } from '../../domain/certificate.errors';
import { certificateRevoked } from '../../domain/certificate.events';
import { Checker } from '../../domain/validation';
import type { CertificatePorts, CertificateUnitOfWork } from '../deps';

export interface RevokeCertificateCommand {
  certificateId: string;
  /** "" → "Revoked by admin"; at most 500 characters. */
  reason: string;
}

/**
 * An admin revokes a certificate: it stays readable but verifies as revoked, its status-list bit is set (the
 * status list reads `status`), and `certificate.revoked` is published. Revoking a revoked certificate changes
 * nothing and publishes nothing (the row is locked: two revocations at once publish one event). Unknown → NOT_FOUND.
 */
export async function revokeCertificate(uow: CertificateUnitOfWork, ports: CertificatePorts, caller: Caller, command: RevokeCertificateCommand): Promise<CertificateRecord> {
  if (caller.role !== 'admin') throw CertificateErrors.adminOnly();
  const check = new Checker();
  const id = check.uuid('certificate_id', command.certificateId);
  const reason = check.revocationReason('reason', command.reason);
  check.throwIfAny();

  const certificate = await uow.certificates.lockById(id);
  if (!certificate) throw CertificateErrors.notFound();
  if (certificate.status === 'revoked') return certificate;

  const revokedAt = ports.clock();
  const revoked = await uow.certificates.markRevoked(id, { revokedAt, reason, revokedBy: caller.userId });
  await uow.emit(certificateRevoked({ ...revoked, revokedAt, revocationReason: reason }));
  ports.logger.info({ certificateId: id, revokedBy: caller.userId }, 'certificate revoked');
  return revoked;
}
