import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { CertificateRecord, CertificateSnapshot, IssuedVia } from '../../domain/certificate.entities';
import { CertificateErrors } from '../../domain/certificate.errors';
import { certificateIssued } from '../../domain/certificate.events';
import { NUMBER_ATTEMPTS, certificateNumber } from '../../domain/numbering';
import { certificateUrls } from '../certificates/certificate-view';
import type { CertificatePorts, CertificateUnitOfWork } from '../deps';
import { requestRender } from '../pdf/request-render';

export interface IssueOptions {
  via: IssuedVia;
  /** The admin who generated it (via 'admin'). */
  issuedByUserId?: string;
}

export interface IssueOutcome {
  certificate: CertificateRecord;
  /** false: the enrolment had its certificate already (issued before, or by a racing issuer); nothing was emitted. */
  created: boolean;
}

/** Random draws of a status-list index before giving up; a list takes entries only while under half full, so each draw wins with p > ½. */
const INDEX_DRAWS = 64;

/**
 * Issues the enrolment's certificate from a snapshot gathered beforehand: once per enrolment whoever asks (the
 * unique enrollment_id decides between the consumer and an admin racing). A new certificate gets a fresh number,
 * a random entry in the open status list (random, as the Bitstring Status List spec recommends, so neighbouring
 * entries say nothing about issue order), `certificate.issued`, and a render request for its PDF.
 */
export async function issueCertificate(uow: CertificateUnitOfWork, ports: CertificatePorts, snapshot: CertificateSnapshot, options: IssueOptions): Promise<IssueOutcome> {
  const existing = await uow.certificates.findByEnrollment(snapshot.enrollmentId);
  if (existing) return { certificate: existing, created: false };

  // the list's row lock serialises issuers: two never draw the same entry, and a racing issuer of the same
  // enrolment waits here, then finds the winner's row through ON CONFLICT
  const list = await uow.statusLists.lockOpenList(ports.config.STATUS_LIST_SIZE);
  const statusListIndex = await drawFreeIndex(uow, list.id, list.size);

  const issuedAt = ports.clock();
  for (let attempt = 0; attempt < NUMBER_ATTEMPTS; attempt++) {
    const candidate: CertificateRecord = {
      ...snapshot,
      id: randomUUID(),
      certificateNumber: certificateNumber(issuedAt, randomBytes(4)),
      issuedBy: ports.config.CERTIFICATE_ISSUER,
      signatureName: ports.config.CERTIFICATE_SIGNATURE_NAME,
      issuedAt,
      issuedVia: options.via,
      issuedByUserId: options.issuedByUserId ?? null,
      status: 'valid',
      revokedAt: null,
      revocationReason: null,
      revokedBy: null,
      pdfKey: null,
      pdfSize: null,
      pdfRenderedAt: null,
      pdfRequestedAt: issuedAt,
      templateId: null,
      statusListId: list.id,
      statusListIndex,
    };
    const outcome = await uow.certificates.insertIfAbsent(candidate);
    if (outcome.kind === 'number_taken') continue;
    if (outcome.kind === 'exists') {
      const winner = await uow.certificates.findByEnrollment(snapshot.enrollmentId);
      if (!winner) throw new Error(`certificate of enrolment ${snapshot.enrollmentId} conflicted but cannot be read`);
      return { certificate: winner, created: false };
    }
    const certificate = outcome.certificate;
    await uow.statusLists.countAllocation(list.id);
    await uow.emit(certificateIssued(certificate, certificateUrls(ports.config, certificate)));
    await requestRender(uow, ports, certificate);
    ports.logger.info({ certificateId: certificate.id, enrollmentId: certificate.enrollmentId, via: options.via }, 'certificate issued');
    return { certificate, created: true };
  }
  throw new Error(`no free certificate number after ${NUMBER_ATTEMPTS} draws`);
}

async function drawFreeIndex(uow: CertificateUnitOfWork, listId: number, size: number): Promise<number> {
  for (let draw = 0; draw < INDEX_DRAWS; draw++) {
    const index = randomInt(0, size);
    if (!(await uow.statusLists.isIndexTaken(listId, index))) return index;
  }
  throw CertificateErrors.statusListsExhausted();
}
