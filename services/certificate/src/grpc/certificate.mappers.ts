import type { Certificate } from '@lms/kit/generated/lms/certificate/v1/Certificate';
import type { PublicCertificate } from '@lms/kit/generated/lms/certificate/v1/PublicCertificate';
import type { Verification } from '@lms/kit/generated/lms/certificate/v1/Verification';
import type { CertificateConfig } from '../config';
import { certificateUrls, type PublicCertificateView } from '../app/certificates/certificate-view';
import type { VerificationResult } from '../app/certificates/verify-certificate';
import type { CertificateRecord } from '../domain/certificate.entities';

/** RFC 3339 in UTC; "" = not set (proto3). */
const timestamp = (at: Date | null) => (at ? at.toISOString() : '');

export function certificateMessage(config: Pick<CertificateConfig, 'PUBLIC_API_URL'>, certificate: CertificateRecord): Certificate {
  const urls = certificateUrls(config, certificate);
  return {
    id: certificate.id,
    certificate_number: certificate.certificateNumber,
    student_id: certificate.studentId,
    student_name: certificate.studentName,
    course_id: certificate.courseId,
    course_title: certificate.courseTitle,
    instructor_name: certificate.instructorName,
    completion_date: timestamp(certificate.completionDate),
    final_grade: certificate.finalGrade,
    total_hours: certificate.totalHours ?? '',
    pdf_url: urls.pdfUrl,
    verification_url: urls.verificationUrl,
    is_verified: certificate.status,
    issued_by: certificate.issuedBy,
    issued_at: timestamp(certificate.issuedAt),
    enrollment_id: certificate.enrollmentId,
    pdf_status: certificate.pdfKey ? 'ready' : 'pending',
    revoked_at: timestamp(certificate.revokedAt),
    revocation_reason: certificate.revocationReason ?? '',
    credential_url: urls.credentialUrl,
  };
}

export function publicCertificateMessage(certificate: PublicCertificateView): PublicCertificate {
  return {
    certificate_number: certificate.certificateNumber,
    student_name: certificate.studentName,
    course_title: certificate.courseTitle,
    instructor_name: certificate.instructorName,
    completion_date: timestamp(certificate.completionDate),
    issued_by: certificate.issuedBy,
  };
}

export function verificationMessage(result: VerificationResult): Verification {
  return result.found
    ? { valid: result.valid, found: true, certificate: publicCertificateMessage(result.certificate), message: result.message }
    : { valid: false, found: false, message: result.message };
}
