/**
 * Certificate numbers: `CERT-YYYYMMDD-XXXXXXXX` — the UTC date of issue and 4 random bytes in upper-case hex (the
 * seed's format). 32 random bits per day make a collision rare; the unique index catches the rare one and the
 * issuer draws again.
 */
export const CERTIFICATE_NUMBER_PATTERN = /^CERT-\d{8}-[0-9A-F]{8}$/;

/** Draws allowed per issue before giving up (each collision has a ~n/2³² chance on a day with n certificates). */
export const NUMBER_ATTEMPTS = 5;

export function certificateNumber(issuedAt: Date, random: Buffer): string {
  if (random.length !== 4) throw new RangeError('a certificate number takes exactly 4 random bytes');
  const day = issuedAt.toISOString().slice(0, 10).replace(/-/g, '');
  return `CERT-${day}-${random.toString('hex').toUpperCase()}`;
}

/** A number as a verifier typed it (spaces, lower case) in its canonical form; null when it cannot be one. */
export function normaliseCertificateNumber(raw: string): string | null {
  const candidate = raw.trim().toUpperCase();
  return CERTIFICATE_NUMBER_PATTERN.test(candidate) ? candidate : null;
}
