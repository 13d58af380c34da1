import type { ServiceHandlers } from '@lms/kit/grpc';
import type { CertificateServiceDefinition } from '@lms/kit/generated/lms/certificate/v1/CertificateService';

/** The CertificateService's handlers (all unary): built from certificate, template and credential handlers. */
export type CertificateHandlers = ServiceHandlers<CertificateServiceDefinition>;
