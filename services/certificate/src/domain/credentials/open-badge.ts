import type { CertificateRecord } from '../certificate.entities';

/** Contexts of an Open Badges 3.0 credential on the VC Data Model 2.0 (the order is the spec's: VC first). */
export const OPEN_BADGE_CONTEXTS = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'];

/** What the credential says about the issuer: its did:web, and its name and home page. */
export interface IssuerProfile {
  did: string;
  url: string;
}

/** Where a certificate's revocation bit is published. */
export interface StatusEntry {
  statusListUrl: string;
  index: number;
}

/** The certificate fields a credential is built from: the frozen snapshot only, so a credential never changes. */
export type CredentialSource = Pick<
  CertificateRecord,
  'id' | 'certificateNumber' | 'courseId' | 'studentName' | 'courseTitle' | 'instructorName' | 'completionDate' | 'finalGrade' | 'totalHours' | 'issuedBy' | 'issuedAt'
>;

/** An XML Schema dateTimeStamp in UTC, to the second (what VC DM 2.0 `validFrom` and OB dates expect). */
export function dateTimeStamp(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The Open Badges 3.0 OpenBadgeCredential of a certificate of completion (VC Data Model 2.0, unsigned). The
 * subject is named, not identified: our user ids and emails stay private, so the subject carries its name as an
 * unhashed `name` IdentityObject (OB 3.0 wants an `id` or an `identifier` on an AchievementSubject). The
 * achievement is the course (`urn:uuid:<course id>`: the same for every learner of it); the grade is a Result.
 */
export function openBadgeCredential(certificate: CredentialSource, issuer: IssuerProfile, status: StatusEntry): Record<string, unknown> {
  const completedOn = dateTimeStamp(certificate.completionDate);
  const hours = certificate.totalHours ? ` (${certificate.totalHours})` : '';
  return {
    '@context': OPEN_BADGE_CONTEXTS,
    id: `urn:uuid:${certificate.id}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `Certificate of Completion: ${certificate.courseTitle}`,
    description: `Certificate ${certificate.certificateNumber}, issued by ${certificate.issuedBy} to ${certificate.studentName} for completing "${certificate.courseTitle}"${hours}.`,
    issuer: { id: issuer.did, type: ['Profile'], name: certificate.issuedBy, url: issuer.url },
    validFrom: dateTimeStamp(certificate.issuedAt),
    awardedDate: dateTimeStamp(certificate.issuedAt),
    credentialSubject: {
      type: ['AchievementSubject'],
      name: certificate.studentName,
      identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: certificate.studentName }],
      activityEndDate: completedOn,
      achievement: {
        id: `urn:uuid:${certificate.courseId}`,
        type: ['Achievement'],
        achievementType: 'Certificate',
        name: certificate.courseTitle,
        description: `Completion of the course "${certificate.courseTitle}", taught by ${certificate.instructorName}.`,
        criteria: { narrative: 'Completed every lesson of the course.' },
        creator: { id: issuer.did, type: ['Profile'], name: certificate.issuedBy, url: issuer.url },
      },
      result: [{ type: ['Result'], value: certificate.finalGrade }],
    },
    credentialStatus: {
      id: `${status.statusListUrl}#${status.index}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(status.index),
      statusListCredential: status.statusListUrl,
    },
  };
}
