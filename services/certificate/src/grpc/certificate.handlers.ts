import type { CertificateDeps } from '../app/deps';
import { getCertificate } from '../app/certificates/get-certificate';
import { getCertificatePdf } from '../app/certificates/get-certificate-pdf';
import { listMyCertificates } from '../app/certificates/list-my-certificates';
import { revokeCertificate } from '../app/certificates/revoke-certificate';
import { verifyCertificate } from '../app/certificates/verify-certificate';
import { generateCertificate } from '../app/issue/generate-certificate';
import type { CertificateRecord } from '../domain/certificate.entities';
import { certificateMessage, verificationMessage } from './certificate.mappers';
import { credentialHandlers } from './credential.handlers';
import type { CertificateHandlers } from './handler-types';
import { templateHandlers } from './template.handlers';

export type { CertificateHandlers } from './handler-types';

/**
 * The CertificateService over gRPC, one object: the certificate RPCs here (authenticate, call the use case,
 * encode), the template and progress-report RPCs (template.handlers.ts) and the credential RPCs
 * (credential.handlers.ts). VerifyCertificate is public; every other certificate RPC needs a user token.
 */
export function certificateHandlers(deps: CertificateDeps): CertificateHandlers {
  const caller = (authorization: string | undefined) => deps.verifier.verify(authorization);
  const view = (certificate: CertificateRecord) => certificateMessage(deps.config, certificate);
  return {
    ListMyCertificates: async (_req, call) => {
      const certificates = await listMyCertificates(deps, await caller(call.authorization));
      return { certificates: certificates.map(view), total: certificates.length };
    },
    GetCertificate: async (req, call) => view(await getCertificate(deps, await caller(call.authorization), req.certificate_id)),
    GetCertificatePdf: async (req, call) => getCertificatePdf(deps, await caller(call.authorization), req.certificate_id),
    VerifyCertificate: async (req) => verificationMessage(await verifyCertificate(deps, req.certificate_number)),
    GenerateCertificate: async (req, call) => {
      const { certificate, created } = await generateCertificate(deps, await caller(call.authorization), req.enrollment_id);
      return { certificate: view(certificate), created };
    },
    RevokeCertificate: async (req, call) => {
      const user = await caller(call.authorization);
      return view(await deps.units.run((uow) => revokeCertificate(uow, deps, user, { certificateId: req.certificate_id, reason: req.reason })));
    },
    ...templateHandlers(deps),
    ...credentialHandlers(deps),
  };
}
