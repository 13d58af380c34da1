import type { CatalogServiceDefinition } from '../generated/lms/catalog/v1/CatalogService';
import type { EnrollmentServiceDefinition } from '../generated/lms/enrollment/v1/EnrollmentService';
import type { QuizServiceDefinition } from '../generated/lms/quiz/v1/QuizService';
import type { AnalyticsServiceDefinition } from '../generated/lms/analytics/v1/AnalyticsService';
import type { EventLogServiceDefinition } from '../generated/lms/eventlog/v1/EventLogService';
import type { MediaServiceDefinition } from '../generated/lms/media/v1/MediaService';
import type { CertificateServiceDefinition } from '../generated/lms/certificate/v1/CertificateService';
import { createClient, loadService, type PromiseClient, type ServiceClient, type ServiceHandlers } from '../grpc';

export { createAuthClient, AUTH_RETRYABLE_METHODS, type AuthClient } from '../auth/remote';

/**
 * One client per service contract, for every caller (the gateway and the services): each call carries a
 * deadline and the request's identity/trace metadata (kit grpc). The idempotent reads of each contract are
 * retried on UNAVAILABLE; writes never are.
 */
export type CatalogClient = PromiseClient<CatalogServiceDefinition>;
export type EnrollmentClient = PromiseClient<EnrollmentServiceDefinition>;
export type QuizClient = PromiseClient<QuizServiceDefinition>;
export type AnalyticsClient = PromiseClient<AnalyticsServiceDefinition>;

export const CATALOG_RETRYABLE_METHODS = [
  'GetCourse',
  'GetCourseBySlug',
  'ListCourses',
  'ListMyCourses',
  'ListCategories',
  'ListPopularCourses',
  'ListTopRatedCourses',
  'BatchGetCourses',
  'GetLesson',
  'ListLessons',
  'GetCourseOutline',
  'IsCourseOwner',
  'CanReadLessonFile',
];

export const ENROLLMENT_RETRYABLE_METHODS = ['ListMyEnrollments', 'GetEnrollment', 'GetProgress', 'ListCourseEnrollments', 'GetCourseStats', 'IsEnrolled', 'ListCourseReviews', 'CountStudentEnrollments', 'GetEnrollmentFacts'];

export const QUIZ_RETRYABLE_METHODS = ['GetQuiz', 'ListQuizzes', 'ListQuestions', 'GetAttemptPaper', 'ListMyAttempts', 'GetAttempt', 'ListAttempts', 'ListRegrades', 'GetCourseGrade'];

export function createCatalogClient(address: string, deadlineMs: number): CatalogClient {
  return createClient<CatalogServiceDefinition>(loadService('lms/catalog/v1/catalog.proto', 'lms.catalog.v1.CatalogService'), address, {
    deadlineMs,
    retryableMethods: CATALOG_RETRYABLE_METHODS,
  });
}

export function createEnrollmentClient(address: string, deadlineMs: number): EnrollmentClient {
  return createClient<EnrollmentServiceDefinition>(
    loadService('lms/enrollment/v1/enrollment.proto', 'lms.enrollment.v1.EnrollmentService'),
    address,
    { deadlineMs, retryableMethods: ENROLLMENT_RETRYABLE_METHODS },
  );
}

export function createQuizClient(address: string, deadlineMs: number): QuizClient {
  return createClient<QuizServiceDefinition>(loadService('lms/quiz/v1/quiz.proto', 'lms.quiz.v1.QuizService'), address, {
    deadlineMs,
    retryableMethods: QUIZ_RETRYABLE_METHODS,
  });
}

/** Every analytics call only reads (a PDF report renders nothing it keeps): all are retried on UNAVAILABLE. */
export const ANALYTICS_RETRYABLE_METHODS = [
  'GetStudentSummary',
  'GetStudentDashboard',
  'ExportStudentProgressPdf',
  'GetCourseDashboard',
  'GetLessonFunnel',
  'GetAtRiskStudents',
  'GetQuizItemAnalysis',
  'ExportCourseStudents',
  'GetInstructorDashboard',
  'GetSystemDashboard',
  'GetUserGrowth',
  'GetEnrollmentTrend',
  'GetPopularCourses',
  'GetTopInstructors',
];

export function createAnalyticsClient(address: string, deadlineMs: number): AnalyticsClient {
  return createClient<AnalyticsServiceDefinition>(
    loadService('lms/analytics/v1/analytics.proto', 'lms.analytics.v1.AnalyticsService'),
    address,
    { deadlineMs, retryableMethods: ANALYTICS_RETRYABLE_METHODS },
  );
}

export type EventLogClient = PromiseClient<EventLogServiceDefinition>;

/**
 * A client of one producing service's event log (lms.eventlog.v1, served by the kit next to the service's own
 * contract, on the same address). `caller`: the name the calls are signed as (the log serves only its readers,
 * e.g. analytics); default the process's service. Reads: retried on UNAVAILABLE.
 */
export function createEventLogClient(address: string, deadlineMs: number, caller?: string): EventLogClient {
  return createClient<EventLogServiceDefinition>(loadService('lms/eventlog/v1/event_log.proto', 'lms.eventlog.v1.EventLogService'), address, {
    deadlineMs,
    retryableMethods: ['ReadEvents'],
    caller,
  });
}

/** The media contract's streaming methods (the generated types do not tell them apart). */
export type MediaClientStreams = 'Upload' | 'PutDirectUploadContent';
export type MediaServerStreams = 'Download';

/**
 * Media: `Upload`/`PutDirectUploadContent` take an (async) iterable of UploadRequest (start, then chunks) and
 * resolve with the answer; `Download` is an async generator of DownloadResponse. The rest are unary.
 */
export type MediaClient = ServiceClient<MediaServiceDefinition, MediaClientStreams, MediaServerStreams>;
/** What the media service registers (its handler object has this type). */
export type MediaHandlers = ServiceHandlers<MediaServiceDefinition, MediaClientStreams, MediaServerStreams>;

/** The idempotent reads; the streams and the writes are never retried. */
export const MEDIA_RETRYABLE_METHODS = ['GetFile', 'ListMyFiles', 'GetDirectUpload', 'BatchGetFileFacts'];

/** `streamDeadlineMs`: the deadline of Upload/PutDirectUploadContent/Download (default 30 minutes). */
export function createMediaClient(address: string, deadlineMs: number, streamDeadlineMs?: number): MediaClient {
  return createClient<MediaServiceDefinition, MediaClientStreams, MediaServerStreams>(
    loadService('lms/media/v1/media.proto', 'lms.media.v1.MediaService'),
    address,
    { deadlineMs, streamDeadlineMs, retryableMethods: MEDIA_RETRYABLE_METHODS },
  );
}

export type CertificateClient = PromiseClient<CertificateServiceDefinition>;

/** The reads (and the pure render of a progress report); issuing, revoking and template writes are never retried. */
export const CERTIFICATE_RETRYABLE_METHODS = [
  'ListMyCertificates',
  'GetCertificate',
  'GetCertificatePdf',
  'VerifyCertificate',
  'GetCredential',
  'GetIssuer',
  'GetStatusList',
  'ListTemplates',
  'RenderProgressReport',
];

export function createCertificateClient(address: string, deadlineMs: number): CertificateClient {
  return createClient<CertificateServiceDefinition>(
    loadService('lms/certificate/v1/certificate.proto', 'lms.certificate.v1.CertificateService'),
    address,
    { deadlineMs, retryableMethods: CERTIFICATE_RETRYABLE_METHODS },
  );
}
