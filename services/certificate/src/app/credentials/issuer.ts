import type { CertificateConfig } from '../../config';
import { issuerDid } from '../../domain/credentials/issuer-did';
import type { IssuerProfile } from '../../domain/credentials/open-badge';

/** PUBLIC_API_URL without a trailing slash: every public URL of the service (credentials, certificates) is built on it. */
export function publicOrigin(config: Pick<CertificateConfig, 'PUBLIC_API_URL'>): string {
  return config.PUBLIC_API_URL.replace(/\/+$/, '');
}

/** The issuer as credentials name it: did:web of the gateway's host, and the gateway's public URL. */
export function issuerProfile(config: Pick<CertificateConfig, 'PUBLIC_API_URL'>): IssuerProfile {
  return { did: issuerDid(config.PUBLIC_API_URL), url: publicOrigin(config) };
}

/** Where the gateway serves a status list (GetStatusList): the `statusListCredential` of every entry in it. */
export function statusListUrl(config: Pick<CertificateConfig, 'PUBLIC_API_URL'>, listId: number): string {
  return `${publicOrigin(config)}/api/v1/certificates/status/${listId}`;
}
