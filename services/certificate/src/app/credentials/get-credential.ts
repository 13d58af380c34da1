import type { Caller } from '@lms/kit/auth';
import { openBadgeCredential } from '../../domain/credentials/open-badge';
import { findReadableCertificate } from '../certificates/get-certificate';
import type { CertificateDeps } from '../deps';
import { issuerProfile, statusListUrl } from './issuer';
import { signVcJwt, VC_JWT_MEDIA_TYPE } from './vc-jwt';

export interface SignedCredential {
  credential: Record<string, unknown>;
  jwt: string;
  mediaType: string;
}

/**
 * A certificate's Open Badges 3.0 credential, signed as a VC-JWT with the issuer's current key — for its student
 * (to put in a wallet or send to an employer) or an admin. A revoked certificate still gets it: its status entry
 * says it is revoked, which is what a verifier must find out.
 */
export async function getCredential(deps: Pick<CertificateDeps, 'config' | 'units' | 'issuerKeys'>, caller: Caller, rawCertificateId: string): Promise<SignedCredential> {
  const certificate = await findReadableCertificate(deps.units.read, caller, rawCertificateId);
  const issuer = issuerProfile(deps.config);
  const credential = openBadgeCredential(certificate, issuer, {
    statusListUrl: statusListUrl(deps.config, certificate.statusListId),
    index: certificate.statusListIndex,
  });
  const key = await deps.issuerKeys.current();
  return { credential, jwt: await signVcJwt(key, issuer.did, credential), mediaType: VC_JWT_MEDIA_TYPE };
}
