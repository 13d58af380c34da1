import { CompactSign } from 'jose';
import { verificationMethodId } from '../../domain/credentials/issuer-did';
import type { IssuerKey } from '../ports';

/** The media type of a credential secured with JOSE (VC-JOSE-COSE): what the gateway answers with. */
export const VC_JWT_MEDIA_TYPE = 'application/vc+jwt';

/**
 * A credential secured as VC-JOSE-COSE (https://www.w3.org/TR/vc-jose-cose/): a compact JWS whose payload is the
 * credential itself (VC Data Model 2.0, no `vc` wrapper), signed with the issuer's current Ed25519 key. The `kid`
 * is the DID URL of the key in the issuer's DID document. Ed25519 is deterministic: the same credential and key
 * always give the same JWT.
 */
export function signVcJwt(key: IssuerKey, did: string, credential: Record<string, unknown>): Promise<string> {
  return new CompactSign(Buffer.from(JSON.stringify(credential)))
    .setProtectedHeader({ alg: 'EdDSA', typ: 'vc+jwt', cty: 'vc', kid: verificationMethodId(did, key.kid) })
    .sign(key.privateKey);
}
