import { create as contentDisposition } from 'content-disposition';
import type { Request, Response } from 'express';
import type { CertificateClient } from '@lms/kit/clients';
import type { Verification__Output as Verification } from '@lms/kit/generated/lms/certificate/v1/Verification';
import {
  CertificateIdParams,
  CertificateListSchema,
  CertificateNumberParams,
  CertificateSchema,
  CreateTemplateBody,
  CredentialSchema,
  DidDocumentSchema,
  EnrollmentIdParams,
  IssuerJwksSchema,
  JwtSchema,
  PdfSchema,
  RevokeQuery,
  StatusListCredentialSchema,
  StatusListParams,
  TEMPLATE_BODY_LIMIT,
  TemplateIdParams,
  TemplateListQuery,
  TemplateListSchema,
  TemplateSchema,
  UpdateTemplateBody,
  VerificationSchema,
} from '../openapi/certificates.schemas';
import { route, sendCacheable, type AnyRoute } from './route';

const API = '/api/v1/certificates';
const tags = ['Certificates'];
const ADMIN = ['admin'] as const;
export const VC_JWT = 'application/vc+jwt';
/** The issuer's keys change rarely (rotation keeps the old ones published): caches may keep them a few minutes. */
const KEYS_MAX_AGE_SECONDS = 300;

/** A PDF answer: the bytes with their length, never cached by anyone (a certificate names a person). */
export function sendPdf(res: Response, content: Buffer, filename: string, inline: boolean): void {
  res.status(200);
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader('Content-Length', String(content.length));
  const type = inline ? 'inline' : 'attachment';
  // Our names are plain ASCII: quoted as the seed and every browser expect; anything else through RFC 6266/5987.
  res.setHeader('Content-Disposition', /^[A-Za-z0-9._-]+$/.test(filename) ? `${type}; filename="${filename}"` : contentDisposition(filename, { type }));
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.end(content);
}

/** A public JSON document (keys, DID document, status list): with an ETag, so a verifier revalidates it for a 304. */
function sendJson(req: Request, res: Response, json: string, contentType: string, cacheControl: string): void {
  sendCacheable(req, res, { body: json, contentType: `${contentType}; charset=utf-8`, cacheControl });
}

function sendJwt(res: Response, jwt: string, cacheControl: string): void {
  res.status(200);
  res.setHeader('Content-Type', VC_JWT);
  res.setHeader('Cache-Control', cacheControl);
  res.end(jwt);
}

/** Does the client prefer the VC-JWT form (`Accept: application/vc+jwt`) over JSON? `preferJwt`: the route's default. */
function wantsJwt(req: Request, preferJwt: boolean): boolean {
  const choice = preferJwt ? req.accepts([VC_JWT, 'application/json']) : req.accepts(['application/json', VC_JWT]);
  return choice === false ? preferJwt : choice === VC_JWT;
}

/**
 * The public verification: exactly `{valid, certificate, message}` with the seed example's six fields, built
 * field by field so that nothing the service might add (its `found`, a future field) reaches the public.
 */
export function presentVerification(v: Verification) {
  const c = v.found ? v.certificate : null;
  return {
    valid: v.valid,
    certificate: c
      ? {
          certificate_number: c.certificate_number,
          student_name: c.student_name,
          course_title: c.course_title,
          instructor_name: c.instructor_name,
          completion_date: c.completion_date,
          issued_by: c.issued_by,
        }
      : null,
    message: v.message,
  };
}

/**
 * API.md "Certificates" (seed rows 34–36, 39–41) and issue 15's additions. Who may read a certificate is the
 * service's decision (its student or an admin; anyone else 404, never 403: existence is not revealed); the
 * gateway checks the token and the admin role of the admin routes. The literal paths come before
 * `/certificates/{certificate_id}`.
 */
export function certificateRoutes(certificates: CertificateClient, options: { renderDeadlineMs?: number } = {}): AnyRoute[] {
  const myCertificates = route({
    method: 'get',
    path: `${API}/my-certificates`,
    operationId: 'listMyCertificates',
    summary: 'Your certificates, newest first (seed row 34)',
    description: 'Revoked ones included (`is_verified: "revoked"`). Not paginated (the seed is not; one certificate per enrolment at most).',
    tags,
    access: 'authenticated',
    success: { status: 200, description: 'The caller\'s certificates', schema: CertificateListSchema },
    handle: async () => {
      const list = await certificates.ListMyCertificates({});
      return { certificates: list.certificates, total: list.total };
    },
  });

  const verify = route({
    method: 'get',
    path: `${API}/verify/{certificate_number}`,
    operationId: 'verifyCertificate',
    summary: 'Verify a certificate by its number — public, no token (seed row 36)',
    description:
      'Always 200: `{valid, certificate, message}` — not found (`valid: false`, `certificate: null`, "Certificate not found"), revoked ' +
      '(`valid: false`, the certificate, "Certificate has been revoked") or valid. `certificate` has only the six fields of the seed\'s ' +
      'example (never the student\'s id or email). Rate limited per client IP (`CERTIFICATE_VERIFY_PER_MINUTE`, default 30 a minute): 429 ' +
      'with `Retry-After`. A number longer than 64 characters is 422.',
    tags,
    access: 'public',
    strictLimit: 'verify',
    params: CertificateNumberParams,
    success: { status: 200, description: 'The verification', schema: VerificationSchema },
    handle: async ({ params, res }) => {
      // A revocation must show at once: no cache keeps an answer.
      res.setHeader('Cache-Control', 'no-store');
      return presentVerification(await certificates.VerifyCertificate({ certificate_number: params.certificate_number }));
    },
  });

  const jwks = route({
    method: 'get',
    path: `${API}/issuer/jwks.json`,
    operationId: 'getCertificateIssuerJwks',
    summary: "The certificate issuer's public keys (JWKS), to verify credentials and status lists",
    description: `Ed25519 keys, current and retired; \`kid\` = the DID's key id. \`Cache-Control: public, max-age=${KEYS_MAX_AGE_SECONDS}\`.`,
    tags,
    access: 'public',
    success: { status: 200, description: 'The key set', schema: IssuerJwksSchema },
    errors: [503],
    handle: async ({ req, res }) => {
      const issuer = await certificates.GetIssuer({});
      sendJson(req, res, issuer.jwks_json, 'application/json', `public, max-age=${KEYS_MAX_AGE_SECONDS}`);
      return undefined;
    },
  });

  const didDocument = route({
    method: 'get',
    path: '/.well-known/did.json',
    operationId: 'getIssuerDidDocument',
    summary: "The certificate issuer's DID document (did:web of this API's host)",
    description:
      'The `did:web` document credentials name as their issuer: `verificationMethod[]` with each key as `publicKeyJwk` (JsonWebKey2020), ' +
      `\`assertionMethod\` listing them. \`Cache-Control: public, max-age=${KEYS_MAX_AGE_SECONDS}\`.`,
    tags,
    access: 'public',
    success: { status: 200, description: 'The DID document', schema: DidDocumentSchema },
    errors: [503],
    handle: async ({ req, res }) => {
      const issuer = await certificates.GetIssuer({});
      sendJson(req, res, issuer.did_document_json, 'application/json', `public, max-age=${KEYS_MAX_AGE_SECONDS}`);
      return undefined;
    },
  });

  const statusList = route({
    method: 'get',
    path: `${API}/status/{list_id}`,
    operationId: 'getCertificateStatusList',
    summary: 'A revocation status list (Bitstring Status List credential) — public',
    description:
      "The URL in a credential's `credentialStatus.statusListCredential`. Default: the signed VC-JWT (`application/vc+jwt`); " +
      '`Accept: application/json` → the credential JSON. `Cache-Control: no-cache` (a revocation shows at once). Unknown list → 404.',
    tags,
    access: 'public',
    params: StatusListParams,
    success: {
      status: 200,
      description: 'The status list credential',
      schema: JwtSchema,
      contentType: VC_JWT,
      alternatives: [{ contentType: 'application/json', schema: StatusListCredentialSchema }],
    },
    errors: [404, 503],
    handle: async ({ params, req, res }) => {
      const list = await certificates.GetStatusList({ list_id: params.list_id });
      res.setHeader('Vary', 'Accept');
      if (wantsJwt(req, true)) sendJwt(res, list.jwt, 'no-cache');
      else sendJson(req, res, list.credential_json, 'application/json', 'no-cache');
      return undefined;
    },
  });

  const listTemplates = route({
    method: 'get',
    path: `${API}/templates`,
    operationId: 'listCertificateTemplates',
    summary: 'Certificate templates (admins): the built-in default, platform defaults and course templates',
    tags,
    access: ADMIN,
    query: TemplateListQuery,
    success: { status: 200, description: 'The templates', schema: TemplateListSchema },
    handle: async ({ query }) => {
      const list = await certificates.ListTemplates({ course_id: query.course_id ?? '' });
      return { templates: list.templates, total: list.templates.length };
    },
  });

  const createTemplate = route({
    method: 'post',
    path: `${API}/templates`,
    operationId: 'createCertificateTemplate',
    summary: 'Create a certificate template (admins)',
    description:
      'HTML (≤ 200 KB) and CSS (≤ 100 KB) with `{{placeholders}}` (certificate_number, student_name, course_title, instructor_name, ' +
      'completion_date, issued_date, final_grade, total_hours, issuer, signature_name, verification_url, qr_code) and sections ' +
      '`{{#total_hours}}…{{/total_hours}}`; every value is HTML-escaped, the renderer loads nothing remote. An unknown placeholder → 422; ' +
      'a second active default or a second active template of a course → 409; an unknown course → 404.',
    tags,
    access: ADMIN,
    body: CreateTemplateBody,
    bodyLimit: TEMPLATE_BODY_LIMIT,
    success: { status: 201, description: 'The template', schema: TemplateSchema },
    errors: [404, 409],
    handle: ({ body }) =>
      certificates.CreateTemplate({
        name: body.name,
        description: body.description ?? '',
        html_template: body.html_template,
        css_styles: body.css_styles ?? '',
        is_default: body.is_default ?? false,
        is_active: body.is_active ?? true,
        course_id: body.course_id ?? '',
      }),
  });

  const updateTemplate = route({
    method: 'patch',
    path: `${API}/templates/{template_id}`,
    operationId: 'updateCertificateTemplate',
    summary: 'Change a certificate template (admins): only the fields given',
    description: 'The built-in default is read-only (409). The same checks as creating.',
    tags,
    access: ADMIN,
    params: TemplateIdParams,
    body: UpdateTemplateBody,
    bodyLimit: TEMPLATE_BODY_LIMIT,
    success: { status: 200, description: 'The template', schema: TemplateSchema },
    errors: [404, 409],
    handle: ({ params, body }) => {
      const fields = Object.entries(body)
        .filter(([, v]) => v !== undefined)
        .map(([k]) => k);
      return certificates.UpdateTemplate({ template_id: params.template_id, fields, ...body });
    },
  });

  const deleteTemplate = route({
    method: 'delete',
    path: `${API}/templates/{template_id}`,
    operationId: 'deleteCertificateTemplate',
    summary: 'Delete a certificate template (admins); certificates already rendered keep their PDF',
    description: 'The built-in default cannot be deleted (409).',
    tags,
    access: ADMIN,
    params: TemplateIdParams,
    success: { status: 204, description: 'Deleted' },
    errors: [404, 409],
    handle: async ({ params }) => {
      await certificates.DeleteTemplate({ template_id: params.template_id });
      return undefined;
    },
  });

  const previewTemplate = route({
    method: 'get',
    path: `${API}/templates/{template_id}/preview`,
    operationId: 'previewCertificateTemplate',
    summary: 'A sample certificate rendered with this template (admins), nothing stored',
    tags,
    access: ADMIN,
    params: TemplateIdParams,
    success: { status: 200, description: 'The sample PDF (inline)', schema: PdfSchema, contentType: 'application/pdf' },
    errors: [404],
    handle: async ({ params, res }) => {
      const pdf = await certificates.PreviewTemplate({ template_id: params.template_id }, { deadlineMs: options.renderDeadlineMs });
      sendPdf(res, pdf.content, pdf.filename || 'certificate-preview.pdf', true);
      return undefined;
    },
  });

  const generate = route({
    method: 'post',
    path: `${API}/generate/{enrollment_id}`,
    operationId: 'generateCertificate',
    summary: "Issue an enrolment's certificate now (admins; seed row 40) — usually issued automatically on completion",
    description:
      'The existing certificate when it was issued already (as the seed). An enrolment not completed → 409 ' +
      '`CERTIFICATE.COURSE_NOT_COMPLETED`; an unknown enrolment → 404 (the seed answers 400 for both).',
    tags,
    access: ADMIN,
    params: EnrollmentIdParams,
    success: { status: 200, description: 'The certificate', schema: CertificateSchema },
    errors: [404, 409],
    handle: async ({ params }) => (await certificates.GenerateCertificate({ enrollment_id: params.enrollment_id })).certificate,
  });

  const getCertificate = route({
    method: 'get',
    path: `${API}/{certificate_id}`,
    operationId: 'getCertificate',
    summary: 'A certificate (its student, admins; seed row 39)',
    description: "Anyone else — another student, an instructor — gets 404 like an unknown id (the seed's 403 would reveal that it exists).",
    tags,
    access: 'authenticated',
    params: CertificateIdParams,
    success: { status: 200, description: 'The certificate', schema: CertificateSchema },
    errors: [404],
    handle: ({ params }) => certificates.GetCertificate({ certificate_id: params.certificate_id }),
  });

  const download = route({
    method: 'get',
    path: `${API}/{certificate_id}/download`,
    operationId: 'downloadCertificate',
    summary: "A certificate's PDF (its student, admins; seed row 35)",
    description:
      '`application/pdf`, `Content-Disposition: attachment; filename="Certificate_<number>.pdf"`, `Cache-Control: private, no-store`. ' +
      'While the PDF is being rendered (just issued, or the renderer is down): **503** `CERTIFICATE.PDF_PENDING` with `Retry-After`. ' +
      'Anyone but the student or an admin: 404.',
    tags,
    access: 'authenticated',
    params: CertificateIdParams,
    success: { status: 200, description: 'The PDF', schema: PdfSchema, contentType: 'application/pdf' },
    errors: [404, 503],
    handle: async ({ params, res }) => {
      const pdf = await certificates.GetCertificatePdf({ certificate_id: params.certificate_id });
      sendPdf(res, pdf.content, pdf.filename, false);
      return undefined;
    },
  });

  const credential = route({
    method: 'get',
    path: `${API}/{certificate_id}/credential`,
    operationId: 'getCertificateCredential',
    summary: "A certificate's Open Badges 3.0 verifiable credential (its student, admins)",
    description:
      '`{credential, jwt, format: "vc+jwt"}`: the OpenBadgeCredential (VC Data Model 2.0) and the same credential signed as a VC-JWT ' +
      '(EdDSA, key in /.well-known/did.json). `Accept: application/vc+jwt` → the JWT alone. Revoked certificates keep their credential; ' +
      'its `credentialStatus` list says revoked. Anyone but the student or an admin: 404.',
    tags,
    access: 'authenticated',
    params: CertificateIdParams,
    success: {
      status: 200,
      description: 'The credential',
      schema: CredentialSchema,
      alternatives: [{ contentType: VC_JWT, schema: JwtSchema }],
    },
    errors: [404],
    handle: async ({ params, req, res }) => {
      const answer = await certificates.GetCredential({ certificate_id: params.certificate_id });
      res.setHeader('Vary', 'Accept, Authorization');
      if (wantsJwt(req, false)) {
        sendJwt(res, answer.jwt, 'private, no-store');
        return undefined;
      }
      return { credential: JSON.parse(answer.credential_json) as unknown, jwt: answer.jwt, format: 'vc+jwt' };
    },
  });

  const revoke = route({
    method: 'delete',
    path: `${API}/{certificate_id}/revoke`,
    operationId: 'revokeCertificate',
    summary: 'Revoke a certificate (admins; seed row 41)',
    description:
      '`?reason=` (≤ 500 characters; empty → "Revoked by admin"). Verification then says "Certificate has been revoked" and the ' +
      "credential's status list has its bit set. Revoking again changes nothing. Unknown id → 404 (the seed answers 400).",
    tags,
    access: ADMIN,
    params: CertificateIdParams,
    query: RevokeQuery,
    success: { status: 200, description: 'The revoked certificate', schema: CertificateSchema },
    errors: [404],
    handle: ({ params, query }) => certificates.RevokeCertificate({ certificate_id: params.certificate_id, reason: query.reason ?? '' }),
  });

  return [
    myCertificates,
    verify,
    jwks,
    didDocument,
    statusList,
    listTemplates,
    createTemplate,
    updateTemplate,
    deleteTemplate,
    previewTemplate,
    generate,
    getCertificate,
    download,
    credential,
    revoke,
  ];
}
