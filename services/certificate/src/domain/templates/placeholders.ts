/**
 * The values a certificate template may print, `{{name}}`: the seed's template variables plus `qr_code` (an SVG of
 * the verification URL). Sections `{{#name}}…{{/name}}` print their content only when the value is not empty.
 */
export const PLACEHOLDERS = [
  'certificate_number',
  'student_name',
  'course_title',
  'instructor_name',
  'completion_date',
  'issued_date',
  'final_grade',
  'total_hours',
  'issuer',
  'signature_name',
  'verification_url',
  'qr_code',
] as const;

export type Placeholder = (typeof PLACEHOLDERS)[number];

/** Every placeholder's value, as text ("" = absent); all are HTML-escaped when printed except RAW_PLACEHOLDERS. */
export type TemplateValues = Record<Placeholder, string>;

/** Printed as markup: only our own QR code SVG, never a value that came from a user. */
export const RAW_PLACEHOLDERS: ReadonlySet<Placeholder> = new Set<Placeholder>(['qr_code']);

export function isPlaceholder(name: string): name is Placeholder {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}
