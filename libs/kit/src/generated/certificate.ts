import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { CertificateServiceClient as _lms_certificate_v1_CertificateServiceClient, CertificateServiceDefinition as _lms_certificate_v1_CertificateServiceDefinition } from './lms/certificate/v1/CertificateService';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  lms: {
    certificate: {
      v1: {
        Certificate: MessageTypeDefinition
        CertificateIdRequest: MessageTypeDefinition
        CertificateList: MessageTypeDefinition
        CertificatePdf: MessageTypeDefinition
        CertificateService: SubtypeConstructor<typeof grpc.Client, _lms_certificate_v1_CertificateServiceClient> & { service: _lms_certificate_v1_CertificateServiceDefinition }
        CreateTemplateRequest: MessageTypeDefinition
        Credential: MessageTypeDefinition
        Empty: MessageTypeDefinition
        GenerateCertificateRequest: MessageTypeDefinition
        GeneratedCertificate: MessageTypeDefinition
        Issuer: MessageTypeDefinition
        ListMyCertificatesRequest: MessageTypeDefinition
        ListTemplatesRequest: MessageTypeDefinition
        ProgressReport: MessageTypeDefinition
        PublicCertificate: MessageTypeDefinition
        RenderedPdf: MessageTypeDefinition
        ReportCourse: MessageTypeDefinition
        ReportFigure: MessageTypeDefinition
        RevokeCertificateRequest: MessageTypeDefinition
        StatusList: MessageTypeDefinition
        StatusListRequest: MessageTypeDefinition
        Template: MessageTypeDefinition
        TemplateIdRequest: MessageTypeDefinition
        TemplateList: MessageTypeDefinition
        UpdateTemplateRequest: MessageTypeDefinition
        Verification: MessageTypeDefinition
        VerifyCertificateRequest: MessageTypeDefinition
      }
    }
  }
}

