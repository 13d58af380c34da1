import { createClient, loadService, type PromiseClient } from '@lms/kit/grpc';
import type { EnrollmentServiceDefinition } from '@lms/kit/generated/lms/enrollment/v1/EnrollmentService';

/** The enrollment service's client: every call carries a deadline and the request's identity/trace metadata. */
export type EnrollmentClient = PromiseClient<EnrollmentServiceDefinition>;

/** Idempotent reads: retried on UNAVAILABLE by the kit's client (service-config retry policy). */
export const ENROLLMENT_RETRYABLE_METHODS = [
  'ListMyEnrollments',
  'GetEnrollment',
  'GetProgress',
  'ListCourseEnrollments',
  'GetCourseStats',
  'IsEnrolled',
];

export function createEnrollmentClient(address: string, deadlineMs: number): EnrollmentClient {
  return createClient<EnrollmentServiceDefinition>(
    loadService('lms/enrollment/v1/enrollment.proto', 'lms.enrollment.v1.EnrollmentService'),
    address,
    { deadlineMs, retryableMethods: ENROLLMENT_RETRYABLE_METHODS },
  );
}
