import { z } from './zod';
import { listSchema } from '../presentation/lists';
import { nullable, NullableText, NullableTimestamp } from '../presentation/public-shape';
import { pathUuid } from './quiz-common';

/**
 * Requests and responses of the certificate routes (seed rows 34–36, 39–41 and what issue 15 adds: templates,
 * the verifiable credential, the issuer's keys, the revocation status list). A certificate is the seed's
 * CertificateResponse with its field names (+ enrollment_id, pdf_status, revoked_at, revocation_reason,
 * credential_url); absent values are null. The public verification shows the seed example's six fields only.
 */
const SEED_NUMBER = 'CERT-20260217-ABC123';
const Timestamp = z.string().openapi({ description: 'RFC 3339 UTC', example: '2026-02-15T14:30:00.000Z' });

/** The longest certificate number looked up (ours are 22 characters; anything much longer is not a number). */
export const CERTIFICATE_NUMBER_MAX = 64;
/** The seed's revocation reason: at most 500 characters (the service says so too). */
export const REVOCATION_REASON_MAX = 500;
/** Template sizes the service accepts; the gateway's body limit of the template routes leaves room for JSON escaping. */
export const TEMPLATE_HTML_MAX = 200 * 1024;
export const TEMPLATE_CSS_MAX = 100 * 1024;
export const TEMPLATE_BODY_LIMIT = '640kb';

export const CertificateIdParams = z.object({ certificate_id: pathUuid('certificate_id') }).strict();
export const EnrollmentIdParams = z.object({ enrollment_id: pathUuid('enrollment_id') }).strict();
export const TemplateIdParams = z.object({ template_id: pathUuid('template_id') }).strict();
export const CertificateNumberParams = z
  .object({
    certificate_number: z
      .string()
      .min(1)
      .max(CERTIFICATE_NUMBER_MAX)
      .openapi({
        param: { name: 'certificate_number', in: 'path' },
        description: `As printed (\`CERT-YYYYMMDD-XXXXXXXX\`; case and surrounding spaces do not matter); longer than ${CERTIFICATE_NUMBER_MAX} characters → 422`,
        example: SEED_NUMBER,
      }),
  })
  .strict();
export const StatusListParams = z
  .object({
    list_id: z
      .string()
      .regex(/^[0-9]{1,9}$/, 'Must be a status list number')
      .openapi({ param: { name: 'list_id', in: 'path' }, description: 'The status list (a number, from `credentialStatus.statusListCredential`)', example: '1' }),
  })
  .strict();

export const RevokeQuery = z
  .object({
    reason: z
      .string()
      .max(REVOCATION_REASON_MAX)
      .optional()
      .openapi({ description: `Why (at most ${REVOCATION_REASON_MAX} characters); empty → "Revoked by admin"`, example: 'Policy violation' }),
  })
  .strict();

export const TemplateListQuery = z
  .object({ course_id: z.string().uuid().optional().openapi({ description: "Only this course's templates" }) })
  .strict();

export const CertificateSchema = z
  .object({
    id: z.string().uuid(),
    certificate_number: z.string().openapi({ example: SEED_NUMBER }),
    student_id: z.string().uuid(),
    student_name: z.string().openapi({ description: 'As it was when the certificate was issued', example: 'Ahmed Hassan' }),
    course_id: z.string().uuid(),
    course_title: z.string().openapi({ example: 'Python Programming Masterclass' }),
    instructor_name: z.string().openapi({ example: 'Mohamed Ali' }),
    completion_date: Timestamp.openapi({ description: "The enrolment's completion time (RFC 3339 UTC)", example: '2026-02-15T14:30:00.000Z' }),
    final_grade: NullableText().openapi({ description: 'A | B | C | Pass (average of graded quiz attempts; none → Pass)', example: 'A' }),
    total_hours: NullableText().openapi({ description: '"45 minutes" | "1 hour" | "40 hours"; null when no time was recorded', example: '40 hours' }),
    pdf_url: NullableText().openapi({
      description: 'The authenticated download URL (`…/certificates/{id}/download`): never a public file',
      example: 'https://api.example.com/api/v1/certificates/4b8e…/download',
    }),
    verification_url: NullableText().openapi({ example: `https://api.example.com/api/v1/certificates/verify/${SEED_NUMBER}` }),
    is_verified: z.enum(['valid', 'revoked']),
    issued_by: z.string().openapi({ example: 'LMS Platform' }),
    issued_at: Timestamp,
    enrollment_id: z.string().uuid(),
    pdf_status: z.enum(['pending', 'ready']).openapi({ description: 'pending while the PDF is being rendered (the download answers 503 + Retry-After)' }),
    revoked_at: NullableTimestamp(),
    revocation_reason: NullableText(),
    credential_url: NullableText().openapi({ description: 'The Open Badges 3.0 verifiable credential (`…/certificates/{id}/credential`)' }),
  })
  .openapi('Certificate');

export const CertificateListSchema = listSchema('CertificateList', 'certificates', CertificateSchema);

/** Only what the seed's verification example shows: never the student's id or email. */
export const PublicCertificateSchema = z
  .object({
    certificate_number: z.string(),
    student_name: z.string(),
    course_title: z.string(),
    instructor_name: z.string(),
    completion_date: Timestamp,
    issued_by: z.string(),
  })
  .strict()
  .openapi('PublicCertificate');

export const VerificationSchema = z
  .object({
    valid: z.boolean(),
    certificate: PublicCertificateSchema.nullable().openapi({ description: 'null when not found; present (valid or revoked) otherwise' }),
    message: z.enum(['Certificate is valid', 'Certificate has been revoked', 'Certificate not found']),
  })
  .strict()
  .openapi('CertificateVerification', {
    example: {
      valid: true,
      certificate: {
        certificate_number: SEED_NUMBER,
        student_name: 'Ahmed Hassan',
        course_title: 'Python Programming Masterclass',
        instructor_name: 'Mohamed Ali',
        completion_date: '2026-02-15T14:30:00Z',
        issued_by: 'LMS Platform',
      },
      message: 'Certificate is valid',
    },
  });

export const CredentialSchema = z
  .object({
    credential: z.record(z.unknown()).openapi({ description: 'The OpenBadgeCredential (W3C VC Data Model 2.0, JSON-LD): exactly the JWT payload' }),
    jwt: z.string().openapi({ description: 'The credential as a VC-JWT (compact JWS, alg EdDSA, typ vc+jwt), verifiable with /.well-known/did.json' }),
    format: z.literal('vc+jwt'),
  })
  .openapi('CertificateCredential');

export const JwtSchema = z.string().openapi({ description: 'A compact JWS (`header.payload.signature`)', example: 'eyJhbGciOiJFZERTQSIsInR5cCI6InZjK2p3dCJ9…' });

export const StatusListCredentialSchema = z
  .record(z.unknown())
  .openapi('BitstringStatusListCredential', { description: 'The status list credential (VC DM 2.0); `credentialSubject.encodedList` = "u" + base64url(gzip(bits))' });

export const DidDocumentSchema = z
  .object({
    '@context': z.array(z.string()),
    id: z.string().openapi({ example: 'did:web:api.example.com' }),
    verificationMethod: z.array(z.object({ id: z.string(), type: z.string(), controller: z.string(), publicKeyJwk: z.record(z.unknown()) }).passthrough()),
    assertionMethod: z.array(z.string()),
  })
  .passthrough()
  .openapi('DidDocument');

export const IssuerJwksSchema = z
  .object({ keys: z.array(z.record(z.unknown())) })
  .openapi('IssuerJwks', { description: 'Ed25519 public keys (`kty: OKP`, `crv: Ed25519`, `kid: <did>#<key id>`), current and retired' });

export const TemplateSchema = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    description: NullableText(),
    html_template: z.string().openapi({ description: 'HTML with `{{placeholders}}` and `{{#field}}…{{/field}}` sections; every value is escaped' }),
    css_styles: z.string(),
    is_default: z.boolean().openapi({ description: 'The platform-wide default (no course)' }),
    is_active: z.boolean(),
    course_id: nullable(z.string().uuid()).openapi({ description: 'null = platform-wide' }),
    created_at: NullableTimestamp(),
    updated_at: NullableTimestamp(),
    built_in: z.boolean().openapi({ description: 'The shipped default: read-only' }),
  })
  .openapi('CertificateTemplate');

export const TemplateListSchema = listSchema('CertificateTemplateList', 'templates', TemplateSchema);

const TemplateName = z.string().trim().min(1).max(255);
const TemplateDescription = z.string().max(500);
const TemplateHtml = z.string().min(1).max(TEMPLATE_HTML_MAX);
const TemplateCss = z.string().max(TEMPLATE_CSS_MAX);

export const CreateTemplateBody = z
  .object({
    name: TemplateName,
    description: TemplateDescription.optional(),
    html_template: TemplateHtml,
    css_styles: TemplateCss.optional(),
    is_default: z.boolean().optional().openapi({ description: 'Default false; true only without course_id' }),
    is_active: z.boolean().optional().openapi({ description: 'Default true' }),
    course_id: z.string().uuid().nullable().optional(),
  })
  .strict()
  .openapi('CreateCertificateTemplateRequest');

export const UpdateTemplateBody = z
  .object({
    name: TemplateName.optional(),
    description: TemplateDescription.optional(),
    html_template: TemplateHtml.optional(),
    css_styles: TemplateCss.optional(),
    is_default: z.boolean().optional(),
    is_active: z.boolean().optional(),
  })
  .strict()
  .refine((body) => Object.values(body).some((v) => v !== undefined), { message: 'Give at least one field to change' })
  .openapi('UpdateCertificateTemplateRequest');

export const PdfSchema = z.string().openapi({ type: 'string', format: 'binary' });
