import type { CertificateDeps } from '../app/deps';
import { getCredential } from '../app/credentials/get-credential';
import { getIssuer } from '../app/credentials/get-issuer';
import { getStatusList } from '../app/credentials/get-status-list';
import type { CertificateHandlers } from './handler-types';

/** The verifiable-credential part of the CertificateService: GetCredential (student/admin), GetIssuer and GetStatusList (public). */
export function credentialHandlers(deps: CertificateDeps): Pick<CertificateHandlers, 'GetCredential' | 'GetIssuer' | 'GetStatusList'> {
  return {
    GetCredential: async (req, call) => {
      const { credential, jwt, mediaType } = await getCredential(deps, await deps.verifier.verify(call.authorization), req.certificate_id);
      return { credential_json: JSON.stringify(credential), jwt, media_type: mediaType };
    },
    GetIssuer: async () => {
      const issuer = await getIssuer(deps);
      return { did: issuer.did, did_document_json: JSON.stringify(issuer.didDocument), jwks_json: JSON.stringify(issuer.jwks) };
    },
    GetStatusList: async (req) => {
      const { credential, jwt } = await getStatusList(deps, req.list_id);
      return { jwt, credential_json: JSON.stringify(credential) };
    },
  };
}
