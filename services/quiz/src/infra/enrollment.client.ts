import { createClient, loadService, type PromiseClient } from '@lms/kit/grpc';
import type { EnrollmentServiceDefinition } from '@lms/kit/generated/lms/enrollment/v1/EnrollmentService';

/** The enrollment service's client; calls forward the current request's end-user token (kit context). */
export type EnrollmentClient = PromiseClient<EnrollmentServiceDefinition>;

export const ENROLLMENT_RETRYABLE_METHODS = ['IsEnrolled'];

export function createEnrollmentClient(address: string, deadlineMs: number): EnrollmentClient {
  return createClient<EnrollmentServiceDefinition>(
    loadService('lms/enrollment/v1/enrollment.proto', 'lms.enrollment.v1.EnrollmentService'),
    address,
    { deadlineMs, retryableMethods: ENROLLMENT_RETRYABLE_METHODS },
  );
}
