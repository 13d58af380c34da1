import type { ServiceHandlers } from '@lms/kit/grpc';
import type { CertificateServiceDefinition } from '@lms/kit/generated/lms/certificate/v1/CertificateService';
import type { TokenVerifier } from '@lms/kit/auth';

type CredentialHandlers = Pick<ServiceHandlers<CertificateServiceDefinition>, 'GetCredential' | 'GetIssuer' | 'GetStatusList'>;

/** The verifiable-credential part of the CertificateService: GetCredential (student/admin), GetIssuer and GetStatusList (public). */
export function credentialHandlers(deps: { verifier: TokenVerifier }): CredentialHandlers {
  void deps;
  const notYet = (): never => {
    throw new Error('credentials: not implemented yet');
  };
  return {
    GetCredential: async () => notYet(),
    GetIssuer: async () => notYet(),
    GetStatusList: async () => notYet(),
  };
}
