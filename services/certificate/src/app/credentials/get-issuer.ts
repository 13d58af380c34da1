import { didDocument, jwks } from '../../domain/credentials/issuer-did';
import type { CertificateDeps } from '../deps';
import { issuerProfile } from './issuer';

export interface IssuerView {
  did: string;
  didDocument: Record<string, unknown>;
  jwks: { keys: Record<string, unknown>[] };
}

/** The issuer's public keys (current and retired), as a did:web DID document and as a JWK Set. Public. */
export async function getIssuer(deps: Pick<CertificateDeps, 'config' | 'issuerKeys'>): Promise<IssuerView> {
  const { did } = issuerProfile(deps.config);
  const keys = await deps.issuerKeys.publicKeys();
  return { did, didDocument: didDocument(did, keys), jwks: jwks(did, keys) };
}
