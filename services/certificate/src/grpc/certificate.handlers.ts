import type { CertificateDeps } from '../app/deps';
import { credentialHandlers } from './credential.handlers';
import type { CertificateHandlers } from './handler-types';
import { templateHandlers } from './template.handlers';

export type { CertificateHandlers } from './handler-types';

/** The CertificateService over gRPC (skeleton: certificate RPCs follow). */
export function certificateHandlers(deps: CertificateDeps): CertificateHandlers {
  const notYet = () => Promise.reject(new Error('not implemented yet'));
  return {
    ListMyCertificates: notYet,
    GetCertificate: notYet,
    GetCertificatePdf: notYet,
    VerifyCertificate: notYet,
    GenerateCertificate: notYet,
    RevokeCertificate: notYet,
    ...templateHandlers(deps),
    ...credentialHandlers(deps),
  };
}
