import { FieldChecker, ValidationError, type Loc } from '@lms/kit/errors';

/** The reason stored when an admin revokes without giving one (the seed's default). */
export const DEFAULT_REVOCATION_REASON = 'Revoked by admin';
export const REVOCATION_REASON_MAX = 500;

/**
 * Field rules of the certificate requests. Each check records a field error and returns the normalised value,
 * so one pass reports every problem of a request at once.
 */
export class Checker extends FieldChecker {
  /** A revocation reason: trimmed, "" → the default, at most 500 characters. */
  revocationReason(loc: Loc, raw: string): string {
    const reason = raw.trim();
    if ([...reason].length > REVOCATION_REASON_MAX) this.add(loc, `must be at most ${REVOCATION_REASON_MAX} characters`);
    return reason || DEFAULT_REVOCATION_REASON;
  }

  /** Throws one ValidationError carrying every recorded problem. */
  throwIfAny(message = 'The request is invalid'): void {
    if (!this.ok) throw new ValidationError(message, [...this.errors]);
  }
}

/** A single UUID argument (a certificate, enrolment or template id), lower-cased; a ValidationError when malformed. */
export function checkedId(loc: string, raw: string): string {
  const check = new Checker();
  const id = check.uuid(loc, raw);
  check.throwIfAny();
  return id;
}
