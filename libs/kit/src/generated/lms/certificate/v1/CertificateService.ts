// Original file: protos/lms/certificate/v1/certificate.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { Certificate as _lms_certificate_v1_Certificate, Certificate__Output as _lms_certificate_v1_Certificate__Output } from '../../../lms/certificate/v1/Certificate';
import type { CertificateIdRequest as _lms_certificate_v1_CertificateIdRequest, CertificateIdRequest__Output as _lms_certificate_v1_CertificateIdRequest__Output } from '../../../lms/certificate/v1/CertificateIdRequest';
import type { CertificateList as _lms_certificate_v1_CertificateList, CertificateList__Output as _lms_certificate_v1_CertificateList__Output } from '../../../lms/certificate/v1/CertificateList';
import type { CertificatePdf as _lms_certificate_v1_CertificatePdf, CertificatePdf__Output as _lms_certificate_v1_CertificatePdf__Output } from '../../../lms/certificate/v1/CertificatePdf';
import type { CreateTemplateRequest as _lms_certificate_v1_CreateTemplateRequest, CreateTemplateRequest__Output as _lms_certificate_v1_CreateTemplateRequest__Output } from '../../../lms/certificate/v1/CreateTemplateRequest';
import type { Credential as _lms_certificate_v1_Credential, Credential__Output as _lms_certificate_v1_Credential__Output } from '../../../lms/certificate/v1/Credential';
import type { Empty as _lms_certificate_v1_Empty, Empty__Output as _lms_certificate_v1_Empty__Output } from '../../../lms/certificate/v1/Empty';
import type { GenerateCertificateRequest as _lms_certificate_v1_GenerateCertificateRequest, GenerateCertificateRequest__Output as _lms_certificate_v1_GenerateCertificateRequest__Output } from '../../../lms/certificate/v1/GenerateCertificateRequest';
import type { GeneratedCertificate as _lms_certificate_v1_GeneratedCertificate, GeneratedCertificate__Output as _lms_certificate_v1_GeneratedCertificate__Output } from '../../../lms/certificate/v1/GeneratedCertificate';
import type { Issuer as _lms_certificate_v1_Issuer, Issuer__Output as _lms_certificate_v1_Issuer__Output } from '../../../lms/certificate/v1/Issuer';
import type { ListMyCertificatesRequest as _lms_certificate_v1_ListMyCertificatesRequest, ListMyCertificatesRequest__Output as _lms_certificate_v1_ListMyCertificatesRequest__Output } from '../../../lms/certificate/v1/ListMyCertificatesRequest';
import type { ListTemplatesRequest as _lms_certificate_v1_ListTemplatesRequest, ListTemplatesRequest__Output as _lms_certificate_v1_ListTemplatesRequest__Output } from '../../../lms/certificate/v1/ListTemplatesRequest';
import type { ProgressReport as _lms_certificate_v1_ProgressReport, ProgressReport__Output as _lms_certificate_v1_ProgressReport__Output } from '../../../lms/certificate/v1/ProgressReport';
import type { RenderedPdf as _lms_certificate_v1_RenderedPdf, RenderedPdf__Output as _lms_certificate_v1_RenderedPdf__Output } from '../../../lms/certificate/v1/RenderedPdf';
import type { RevokeCertificateRequest as _lms_certificate_v1_RevokeCertificateRequest, RevokeCertificateRequest__Output as _lms_certificate_v1_RevokeCertificateRequest__Output } from '../../../lms/certificate/v1/RevokeCertificateRequest';
import type { StatusList as _lms_certificate_v1_StatusList, StatusList__Output as _lms_certificate_v1_StatusList__Output } from '../../../lms/certificate/v1/StatusList';
import type { StatusListRequest as _lms_certificate_v1_StatusListRequest, StatusListRequest__Output as _lms_certificate_v1_StatusListRequest__Output } from '../../../lms/certificate/v1/StatusListRequest';
import type { Template as _lms_certificate_v1_Template, Template__Output as _lms_certificate_v1_Template__Output } from '../../../lms/certificate/v1/Template';
import type { TemplateIdRequest as _lms_certificate_v1_TemplateIdRequest, TemplateIdRequest__Output as _lms_certificate_v1_TemplateIdRequest__Output } from '../../../lms/certificate/v1/TemplateIdRequest';
import type { TemplateList as _lms_certificate_v1_TemplateList, TemplateList__Output as _lms_certificate_v1_TemplateList__Output } from '../../../lms/certificate/v1/TemplateList';
import type { UpdateTemplateRequest as _lms_certificate_v1_UpdateTemplateRequest, UpdateTemplateRequest__Output as _lms_certificate_v1_UpdateTemplateRequest__Output } from '../../../lms/certificate/v1/UpdateTemplateRequest';
import type { Verification as _lms_certificate_v1_Verification, Verification__Output as _lms_certificate_v1_Verification__Output } from '../../../lms/certificate/v1/Verification';
import type { VerifyCertificateRequest as _lms_certificate_v1_VerifyCertificateRequest, VerifyCertificateRequest__Output as _lms_certificate_v1_VerifyCertificateRequest__Output } from '../../../lms/certificate/v1/VerifyCertificateRequest';

export interface CertificateServiceClient extends grpc.Client {
  CreateTemplate(argument: _lms_certificate_v1_CreateTemplateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_Template__Output>): grpc.ClientUnaryCall;
  CreateTemplate(argument: _lms_certificate_v1_CreateTemplateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_certificate_v1_Template__Output>): grpc.ClientUnaryCall;
  CreateTemplate(argument: _lms_certificate_v1_CreateTemplateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_Template__Output>): grpc.ClientUnaryCall;
  CreateTemplate(argument: _lms_certificate_v1_CreateTemplateRequest, callback: grpc.requestCallback<_lms_certificate_v1_Template__Output>): grpc.ClientUnaryCall;
  createTemplate(argument: _lms_certificate_v1_CreateTemplateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_Template__Output>): grpc.ClientUnaryCall;
  createTemplate(argument: _lms_certificate_v1_CreateTemplateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_certificate_v1_Template__Output>): grpc.ClientUnaryCall;
  createTemplate(argument: _lms_certificate_v1_CreateTemplateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_Template__Output>): grpc.ClientUnaryCall;
  createTemplate(argument: _lms_certificate_v1_CreateTemplateRequest, callback: grpc.requestCallback<_lms_certificate_v1_Template__Output>): grpc.ClientUnaryCall;
  
  DeleteTemplate(argument: _lms_certificate_v1_TemplateIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeleteTemplate(argument: _lms_certificate_v1_TemplateIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_certificate_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeleteTemplate(argument: _lms_certificate_v1_TemplateIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeleteTemplate(argument: _lms_certificate_v1_TemplateIdRequest, callback: grpc.requestCallback<_lms_certificate_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteTemplate(argument: _lms_certificate_v1_TemplateIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteTemplate(argument: _lms_certificate_v1_TemplateIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_certificate_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteTemplate(argument: _lms_certificate_v1_TemplateIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteTemplate(argument: _lms_certificate_v1_TemplateIdRequest, callback: grpc.requestCallback<_lms_certificate_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  GenerateCertificate(argument: _lms_certificate_v1_GenerateCertificateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_GeneratedCertificate__Output>): grpc.ClientUnaryCall;
  GenerateCertificate(argument: _lms_certificate_v1_GenerateCertificateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_certificate_v1_GeneratedCertificate__Output>): grpc.ClientUnaryCall;
  GenerateCertificate(argument: _lms_certificate_v1_GenerateCertificateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_GeneratedCertificate__Output>): grpc.ClientUnaryCall;
  GenerateCertificate(argument: _lms_certificate_v1_GenerateCertificateRequest, callback: grpc.requestCallback<_lms_certificate_v1_GeneratedCertificate__Output>): grpc.ClientUnaryCall;
  generateCertificate(argument: _lms_certificate_v1_GenerateCertificateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_GeneratedCertificate__Output>): grpc.ClientUnaryCall;
  generateCertificate(argument: _lms_certificate_v1_GenerateCertificateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_certificate_v1_GeneratedCertificate__Output>): grpc.ClientUnaryCall;
  generateCertificate(argument: _lms_certificate_v1_GenerateCertificateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_GeneratedCertificate__Output>): grpc.ClientUnaryCall;
  generateCertificate(argument: _lms_certificate_v1_GenerateCertificateRequest, callback: grpc.requestCallback<_lms_certificate_v1_GeneratedCertificate__Output>): grpc.ClientUnaryCall;
  
  GetCertificate(argument: _lms_certificate_v1_CertificateIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_Certificate__Output>): grpc.ClientUnaryCall;
  GetCertificate(argument: _lms_certificate_v1_CertificateIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_certificate_v1_Certificate__Output>): grpc.ClientUnaryCall;
  GetCertificate(argument: _lms_certificate_v1_CertificateIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_Certificate__Output>): grpc.ClientUnaryCall;
  GetCertificate(argument: _lms_certificate_v1_CertificateIdRequest, callback: grpc.requestCallback<_lms_certificate_v1_Certificate__Output>): grpc.ClientUnaryCall;
  getCertificate(argument: _lms_certificate_v1_CertificateIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_Certificate__Output>): grpc.ClientUnaryCall;
  getCertificate(argument: _lms_certificate_v1_CertificateIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_certificate_v1_Certificate__Output>): grpc.ClientUnaryCall;
  getCertificate(argument: _lms_certificate_v1_CertificateIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_Certificate__Output>): grpc.ClientUnaryCall;
  getCertificate(argument: _lms_certificate_v1_CertificateIdRequest, callback: grpc.requestCallback<_lms_certificate_v1_Certificate__Output>): grpc.ClientUnaryCall;
  
  GetCertificatePdf(argument: _lms_certificate_v1_CertificateIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_CertificatePdf__Output>): grpc.ClientUnaryCall;
  GetCertificatePdf(argument: _lms_certificate_v1_CertificateIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_certificate_v1_CertificatePdf__Output>): grpc.ClientUnaryCall;
  GetCertificatePdf(argument: _lms_certificate_v1_CertificateIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_CertificatePdf__Output>): grpc.ClientUnaryCall;
  GetCertificatePdf(argument: _lms_certificate_v1_CertificateIdRequest, callback: grpc.requestCallback<_lms_certificate_v1_CertificatePdf__Output>): grpc.ClientUnaryCall;
  getCertificatePdf(argument: _lms_certificate_v1_CertificateIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_CertificatePdf__Output>): grpc.ClientUnaryCall;
  getCertificatePdf(argument: _lms_certificate_v1_CertificateIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_certificate_v1_CertificatePdf__Output>): grpc.ClientUnaryCall;
  getCertificatePdf(argument: _lms_certificate_v1_CertificateIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_CertificatePdf__Output>): grpc.ClientUnaryCall;
  getCertificatePdf(argument: _lms_certificate_v1_CertificateIdRequest, callback: grpc.requestCallback<_lms_certificate_v1_CertificatePdf__Output>): grpc.ClientUnaryCall;
  
  GetCredential(argument: _lms_certificate_v1_CertificateIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_Credential__Output>): grpc.ClientUnaryCall;
  GetCredential(argument: _lms_certificate_v1_CertificateIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_certificate_v1_Credential__Output>): grpc.ClientUnaryCall;
  GetCredential(argument: _lms_certificate_v1_CertificateIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_Credential__Output>): grpc.ClientUnaryCall;
  GetCredential(argument: _lms_certificate_v1_CertificateIdRequest, callback: grpc.requestCallback<_lms_certificate_v1_Credential__Output>): grpc.ClientUnaryCall;
  getCredential(argument: _lms_certificate_v1_CertificateIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_Credential__Output>): grpc.ClientUnaryCall;
  getCredential(argument: _lms_certificate_v1_CertificateIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_certificate_v1_Credential__Output>): grpc.ClientUnaryCall;
  getCredential(argument: _lms_certificate_v1_CertificateIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_Credential__Output>): grpc.ClientUnaryCall;
  getCredential(argument: _lms_certificate_v1_CertificateIdRequest, callback: grpc.requestCallback<_lms_certificate_v1_Credential__Output>): grpc.ClientUnaryCall;
  
  GetIssuer(argument: _lms_certificate_v1_Empty, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_Issuer__Output>): grpc.ClientUnaryCall;
  GetIssuer(argument: _lms_certificate_v1_Empty, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_certificate_v1_Issuer__Output>): grpc.ClientUnaryCall;
  GetIssuer(argument: _lms_certificate_v1_Empty, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_Issuer__Output>): grpc.ClientUnaryCall;
  GetIssuer(argument: _lms_certificate_v1_Empty, callback: grpc.requestCallback<_lms_certificate_v1_Issuer__Output>): grpc.ClientUnaryCall;
  getIssuer(argument: _lms_certificate_v1_Empty, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_Issuer__Output>): grpc.ClientUnaryCall;
  getIssuer(argument: _lms_certificate_v1_Empty, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_certificate_v1_Issuer__Output>): grpc.ClientUnaryCall;
  getIssuer(argument: _lms_certificate_v1_Empty, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_Issuer__Output>): grpc.ClientUnaryCall;
  getIssuer(argument: _lms_certificate_v1_Empty, callback: grpc.requestCallback<_lms_certificate_v1_Issuer__Output>): grpc.ClientUnaryCall;
  
  GetStatusList(argument: _lms_certificate_v1_StatusListRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_StatusList__Output>): grpc.ClientUnaryCall;
  GetStatusList(argument: _lms_certificate_v1_StatusListRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_certificate_v1_StatusList__Output>): grpc.ClientUnaryCall;
  GetStatusList(argument: _lms_certificate_v1_StatusListRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_StatusList__Output>): grpc.ClientUnaryCall;
  GetStatusList(argument: _lms_certificate_v1_StatusListRequest, callback: grpc.requestCallback<_lms_certificate_v1_StatusList__Output>): grpc.ClientUnaryCall;
  getStatusList(argument: _lms_certificate_v1_StatusListRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_StatusList__Output>): grpc.ClientUnaryCall;
  getStatusList(argument: _lms_certificate_v1_StatusListRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_certificate_v1_StatusList__Output>): grpc.ClientUnaryCall;
  getStatusList(argument: _lms_certificate_v1_StatusListRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_StatusList__Output>): grpc.ClientUnaryCall;
  getStatusList(argument: _lms_certificate_v1_StatusListRequest, callback: grpc.requestCallback<_lms_certificate_v1_StatusList__Output>): grpc.ClientUnaryCall;
  
  ListMyCertificates(argument: _lms_certificate_v1_ListMyCertificatesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_CertificateList__Output>): grpc.ClientUnaryCall;
  ListMyCertificates(argument: _lms_certificate_v1_ListMyCertificatesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_certificate_v1_CertificateList__Output>): grpc.ClientUnaryCall;
  ListMyCertificates(argument: _lms_certificate_v1_ListMyCertificatesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_CertificateList__Output>): grpc.ClientUnaryCall;
  ListMyCertificates(argument: _lms_certificate_v1_ListMyCertificatesRequest, callback: grpc.requestCallback<_lms_certificate_v1_CertificateList__Output>): grpc.ClientUnaryCall;
  listMyCertificates(argument: _lms_certificate_v1_ListMyCertificatesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_CertificateList__Output>): grpc.ClientUnaryCall;
  listMyCertificates(argument: _lms_certificate_v1_ListMyCertificatesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_certificate_v1_CertificateList__Output>): grpc.ClientUnaryCall;
  listMyCertificates(argument: _lms_certificate_v1_ListMyCertificatesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_CertificateList__Output>): grpc.ClientUnaryCall;
  listMyCertificates(argument: _lms_certificate_v1_ListMyCertificatesRequest, callback: grpc.requestCallback<_lms_certificate_v1_CertificateList__Output>): grpc.ClientUnaryCall;
  
  ListTemplates(argument: _lms_certificate_v1_ListTemplatesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_TemplateList__Output>): grpc.ClientUnaryCall;
  ListTemplates(argument: _lms_certificate_v1_ListTemplatesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_certificate_v1_TemplateList__Output>): grpc.ClientUnaryCall;
  ListTemplates(argument: _lms_certificate_v1_ListTemplatesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_TemplateList__Output>): grpc.ClientUnaryCall;
  ListTemplates(argument: _lms_certificate_v1_ListTemplatesRequest, callback: grpc.requestCallback<_lms_certificate_v1_TemplateList__Output>): grpc.ClientUnaryCall;
  listTemplates(argument: _lms_certificate_v1_ListTemplatesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_TemplateList__Output>): grpc.ClientUnaryCall;
  listTemplates(argument: _lms_certificate_v1_ListTemplatesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_certificate_v1_TemplateList__Output>): grpc.ClientUnaryCall;
  listTemplates(argument: _lms_certificate_v1_ListTemplatesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_TemplateList__Output>): grpc.ClientUnaryCall;
  listTemplates(argument: _lms_certificate_v1_ListTemplatesRequest, callback: grpc.requestCallback<_lms_certificate_v1_TemplateList__Output>): grpc.ClientUnaryCall;
  
  PreviewTemplate(argument: _lms_certificate_v1_TemplateIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_CertificatePdf__Output>): grpc.ClientUnaryCall;
  PreviewTemplate(argument: _lms_certificate_v1_TemplateIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_certificate_v1_CertificatePdf__Output>): grpc.ClientUnaryCall;
  PreviewTemplate(argument: _lms_certificate_v1_TemplateIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_CertificatePdf__Output>): grpc.ClientUnaryCall;
  PreviewTemplate(argument: _lms_certificate_v1_TemplateIdRequest, callback: grpc.requestCallback<_lms_certificate_v1_CertificatePdf__Output>): grpc.ClientUnaryCall;
  previewTemplate(argument: _lms_certificate_v1_TemplateIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_CertificatePdf__Output>): grpc.ClientUnaryCall;
  previewTemplate(argument: _lms_certificate_v1_TemplateIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_certificate_v1_CertificatePdf__Output>): grpc.ClientUnaryCall;
  previewTemplate(argument: _lms_certificate_v1_TemplateIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_CertificatePdf__Output>): grpc.ClientUnaryCall;
  previewTemplate(argument: _lms_certificate_v1_TemplateIdRequest, callback: grpc.requestCallback<_lms_certificate_v1_CertificatePdf__Output>): grpc.ClientUnaryCall;
  
  RenderProgressReport(argument: _lms_certificate_v1_ProgressReport, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_RenderedPdf__Output>): grpc.ClientUnaryCall;
  RenderProgressReport(argument: _lms_certificate_v1_ProgressReport, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_certificate_v1_RenderedPdf__Output>): grpc.ClientUnaryCall;
  RenderProgressReport(argument: _lms_certificate_v1_ProgressReport, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_RenderedPdf__Output>): grpc.ClientUnaryCall;
  RenderProgressReport(argument: _lms_certificate_v1_ProgressReport, callback: grpc.requestCallback<_lms_certificate_v1_RenderedPdf__Output>): grpc.ClientUnaryCall;
  renderProgressReport(argument: _lms_certificate_v1_ProgressReport, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_RenderedPdf__Output>): grpc.ClientUnaryCall;
  renderProgressReport(argument: _lms_certificate_v1_ProgressReport, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_certificate_v1_RenderedPdf__Output>): grpc.ClientUnaryCall;
  renderProgressReport(argument: _lms_certificate_v1_ProgressReport, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_RenderedPdf__Output>): grpc.ClientUnaryCall;
  renderProgressReport(argument: _lms_certificate_v1_ProgressReport, callback: grpc.requestCallback<_lms_certificate_v1_RenderedPdf__Output>): grpc.ClientUnaryCall;
  
  RevokeCertificate(argument: _lms_certificate_v1_RevokeCertificateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_Certificate__Output>): grpc.ClientUnaryCall;
  RevokeCertificate(argument: _lms_certificate_v1_RevokeCertificateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_certificate_v1_Certificate__Output>): grpc.ClientUnaryCall;
  RevokeCertificate(argument: _lms_certificate_v1_RevokeCertificateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_Certificate__Output>): grpc.ClientUnaryCall;
  RevokeCertificate(argument: _lms_certificate_v1_RevokeCertificateRequest, callback: grpc.requestCallback<_lms_certificate_v1_Certificate__Output>): grpc.ClientUnaryCall;
  revokeCertificate(argument: _lms_certificate_v1_RevokeCertificateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_Certificate__Output>): grpc.ClientUnaryCall;
  revokeCertificate(argument: _lms_certificate_v1_RevokeCertificateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_certificate_v1_Certificate__Output>): grpc.ClientUnaryCall;
  revokeCertificate(argument: _lms_certificate_v1_RevokeCertificateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_Certificate__Output>): grpc.ClientUnaryCall;
  revokeCertificate(argument: _lms_certificate_v1_RevokeCertificateRequest, callback: grpc.requestCallback<_lms_certificate_v1_Certificate__Output>): grpc.ClientUnaryCall;
  
  UpdateTemplate(argument: _lms_certificate_v1_UpdateTemplateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_Template__Output>): grpc.ClientUnaryCall;
  UpdateTemplate(argument: _lms_certificate_v1_UpdateTemplateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_certificate_v1_Template__Output>): grpc.ClientUnaryCall;
  UpdateTemplate(argument: _lms_certificate_v1_UpdateTemplateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_Template__Output>): grpc.ClientUnaryCall;
  UpdateTemplate(argument: _lms_certificate_v1_UpdateTemplateRequest, callback: grpc.requestCallback<_lms_certificate_v1_Template__Output>): grpc.ClientUnaryCall;
  updateTemplate(argument: _lms_certificate_v1_UpdateTemplateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_Template__Output>): grpc.ClientUnaryCall;
  updateTemplate(argument: _lms_certificate_v1_UpdateTemplateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_certificate_v1_Template__Output>): grpc.ClientUnaryCall;
  updateTemplate(argument: _lms_certificate_v1_UpdateTemplateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_Template__Output>): grpc.ClientUnaryCall;
  updateTemplate(argument: _lms_certificate_v1_UpdateTemplateRequest, callback: grpc.requestCallback<_lms_certificate_v1_Template__Output>): grpc.ClientUnaryCall;
  
  VerifyCertificate(argument: _lms_certificate_v1_VerifyCertificateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_Verification__Output>): grpc.ClientUnaryCall;
  VerifyCertificate(argument: _lms_certificate_v1_VerifyCertificateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_certificate_v1_Verification__Output>): grpc.ClientUnaryCall;
  VerifyCertificate(argument: _lms_certificate_v1_VerifyCertificateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_Verification__Output>): grpc.ClientUnaryCall;
  VerifyCertificate(argument: _lms_certificate_v1_VerifyCertificateRequest, callback: grpc.requestCallback<_lms_certificate_v1_Verification__Output>): grpc.ClientUnaryCall;
  verifyCertificate(argument: _lms_certificate_v1_VerifyCertificateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_Verification__Output>): grpc.ClientUnaryCall;
  verifyCertificate(argument: _lms_certificate_v1_VerifyCertificateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_certificate_v1_Verification__Output>): grpc.ClientUnaryCall;
  verifyCertificate(argument: _lms_certificate_v1_VerifyCertificateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_certificate_v1_Verification__Output>): grpc.ClientUnaryCall;
  verifyCertificate(argument: _lms_certificate_v1_VerifyCertificateRequest, callback: grpc.requestCallback<_lms_certificate_v1_Verification__Output>): grpc.ClientUnaryCall;
  
}

export interface CertificateServiceHandlers extends grpc.UntypedServiceImplementation {
  CreateTemplate: grpc.handleUnaryCall<_lms_certificate_v1_CreateTemplateRequest__Output, _lms_certificate_v1_Template>;
  
  DeleteTemplate: grpc.handleUnaryCall<_lms_certificate_v1_TemplateIdRequest__Output, _lms_certificate_v1_Empty>;
  
  GenerateCertificate: grpc.handleUnaryCall<_lms_certificate_v1_GenerateCertificateRequest__Output, _lms_certificate_v1_GeneratedCertificate>;
  
  GetCertificate: grpc.handleUnaryCall<_lms_certificate_v1_CertificateIdRequest__Output, _lms_certificate_v1_Certificate>;
  
  GetCertificatePdf: grpc.handleUnaryCall<_lms_certificate_v1_CertificateIdRequest__Output, _lms_certificate_v1_CertificatePdf>;
  
  GetCredential: grpc.handleUnaryCall<_lms_certificate_v1_CertificateIdRequest__Output, _lms_certificate_v1_Credential>;
  
  GetIssuer: grpc.handleUnaryCall<_lms_certificate_v1_Empty__Output, _lms_certificate_v1_Issuer>;
  
  GetStatusList: grpc.handleUnaryCall<_lms_certificate_v1_StatusListRequest__Output, _lms_certificate_v1_StatusList>;
  
  ListMyCertificates: grpc.handleUnaryCall<_lms_certificate_v1_ListMyCertificatesRequest__Output, _lms_certificate_v1_CertificateList>;
  
  ListTemplates: grpc.handleUnaryCall<_lms_certificate_v1_ListTemplatesRequest__Output, _lms_certificate_v1_TemplateList>;
  
  PreviewTemplate: grpc.handleUnaryCall<_lms_certificate_v1_TemplateIdRequest__Output, _lms_certificate_v1_CertificatePdf>;
  
  RenderProgressReport: grpc.handleUnaryCall<_lms_certificate_v1_ProgressReport__Output, _lms_certificate_v1_RenderedPdf>;
  
  RevokeCertificate: grpc.handleUnaryCall<_lms_certificate_v1_RevokeCertificateRequest__Output, _lms_certificate_v1_Certificate>;
  
  UpdateTemplate: grpc.handleUnaryCall<_lms_certificate_v1_UpdateTemplateRequest__Output, _lms_certificate_v1_Template>;
  
  VerifyCertificate: grpc.handleUnaryCall<_lms_certificate_v1_VerifyCertificateRequest__Output, _lms_certificate_v1_Verification>;
  
}

export interface CertificateServiceDefinition extends grpc.ServiceDefinition {
  CreateTemplate: MethodDefinition<_lms_certificate_v1_CreateTemplateRequest, _lms_certificate_v1_Template, _lms_certificate_v1_CreateTemplateRequest__Output, _lms_certificate_v1_Template__Output>
  DeleteTemplate: MethodDefinition<_lms_certificate_v1_TemplateIdRequest, _lms_certificate_v1_Empty, _lms_certificate_v1_TemplateIdRequest__Output, _lms_certificate_v1_Empty__Output>
  GenerateCertificate: MethodDefinition<_lms_certificate_v1_GenerateCertificateRequest, _lms_certificate_v1_GeneratedCertificate, _lms_certificate_v1_GenerateCertificateRequest__Output, _lms_certificate_v1_GeneratedCertificate__Output>
  GetCertificate: MethodDefinition<_lms_certificate_v1_CertificateIdRequest, _lms_certificate_v1_Certificate, _lms_certificate_v1_CertificateIdRequest__Output, _lms_certificate_v1_Certificate__Output>
  GetCertificatePdf: MethodDefinition<_lms_certificate_v1_CertificateIdRequest, _lms_certificate_v1_CertificatePdf, _lms_certificate_v1_CertificateIdRequest__Output, _lms_certificate_v1_CertificatePdf__Output>
  GetCredential: MethodDefinition<_lms_certificate_v1_CertificateIdRequest, _lms_certificate_v1_Credential, _lms_certificate_v1_CertificateIdRequest__Output, _lms_certificate_v1_Credential__Output>
  GetIssuer: MethodDefinition<_lms_certificate_v1_Empty, _lms_certificate_v1_Issuer, _lms_certificate_v1_Empty__Output, _lms_certificate_v1_Issuer__Output>
  GetStatusList: MethodDefinition<_lms_certificate_v1_StatusListRequest, _lms_certificate_v1_StatusList, _lms_certificate_v1_StatusListRequest__Output, _lms_certificate_v1_StatusList__Output>
  ListMyCertificates: MethodDefinition<_lms_certificate_v1_ListMyCertificatesRequest, _lms_certificate_v1_CertificateList, _lms_certificate_v1_ListMyCertificatesRequest__Output, _lms_certificate_v1_CertificateList__Output>
  ListTemplates: MethodDefinition<_lms_certificate_v1_ListTemplatesRequest, _lms_certificate_v1_TemplateList, _lms_certificate_v1_ListTemplatesRequest__Output, _lms_certificate_v1_TemplateList__Output>
  PreviewTemplate: MethodDefinition<_lms_certificate_v1_TemplateIdRequest, _lms_certificate_v1_CertificatePdf, _lms_certificate_v1_TemplateIdRequest__Output, _lms_certificate_v1_CertificatePdf__Output>
  RenderProgressReport: MethodDefinition<_lms_certificate_v1_ProgressReport, _lms_certificate_v1_RenderedPdf, _lms_certificate_v1_ProgressReport__Output, _lms_certificate_v1_RenderedPdf__Output>
  RevokeCertificate: MethodDefinition<_lms_certificate_v1_RevokeCertificateRequest, _lms_certificate_v1_Certificate, _lms_certificate_v1_RevokeCertificateRequest__Output, _lms_certificate_v1_Certificate__Output>
  UpdateTemplate: MethodDefinition<_lms_certificate_v1_UpdateTemplateRequest, _lms_certificate_v1_Template, _lms_certificate_v1_UpdateTemplateRequest__Output, _lms_certificate_v1_Template__Output>
  VerifyCertificate: MethodDefinition<_lms_certificate_v1_VerifyCertificateRequest, _lms_certificate_v1_Verification, _lms_certificate_v1_VerifyCertificateRequest__Output, _lms_certificate_v1_Verification__Output>
}
