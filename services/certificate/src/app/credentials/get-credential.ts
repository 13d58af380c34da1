import type { Caller } from '@lms/kit/auth';
import { isUuid } from '@lms/kit/errors';
import type { CertificateRecord } from '../../domain/certificate.entities';
import { CertificateErrors } from '../../domain/certificate.errors';
import { openBadgeCredential } from '../../domain/credentials/open-badge';
import type { CertificateDeps } from '../deps';
import { issuerProfile, statusListUrl } from './issuer';
import { signVcJwt, VC_JWT_MEDIA_TYPE } from './vc-jwt';

export interface SignedCredential {
  credential: Record<string, unknown>;
  jwt: string;
  mediaType: string;
}

/** The certificate when the caller is its student or an admin; CERTIFICATE.NOT_FOUND otherwise (existence not revealed). */
async function readableCertificate(deps: Pick<CertificateDeps, 'units'>, caller: Caller, rawId: string): Promise<CertificateRecord> {
  if (!isUuid(rawId)) throw CertificateErrors.validation([{ loc: ['certificate_id'], msg: rawId ? 'must be a UUID' : 'is required' }]);
  const certificate = await deps.units.read.certificates.findById(rawId.toLowerCase());
  if (!certificate || (caller.role !== 'admin' && caller.userId !== certificate.studentId)) throw CertificateErrors.notFound();
  return certificate;
}

/**
 * A certificate's Open Badges 3.0 credential, signed as a VC-JWT with the issuer's current key — for its student
 * (to put in a wallet or send to an employer) or an admin. A revoked certificate still gets it: its status entry
 * says it is revoked, which is what a verifier must find out.
 */
export async function getCredential(deps: Pick<CertificateDeps, 'config' | 'units' | 'issuerKeys'>, caller: Caller, rawCertificateId: string): Promise<SignedCredential> {
  const certificate = await readableCertificate(deps, caller, rawCertificateId);
  const issuer = issuerProfile(deps.config);
  const credential = openBadgeCredential(certificate, issuer, {
    statusListUrl: statusListUrl(deps.config, certificate.statusListId),
    index: certificate.statusListIndex,
  });
  const key = await deps.issuerKeys.current();
  return { credential, jwt: await signVcJwt(key, issuer.did, credential), mediaType: VC_JWT_MEDIA_TYPE };
}
