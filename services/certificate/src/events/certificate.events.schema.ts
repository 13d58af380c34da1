import { z } from 'zod';

/**
 * Schemas of the payloads the certificate service consumes from other services. Only the fields used are
 * declared; `.passthrough()` keeps the rest, so an additive change by the producer never parks an event.
 */
export const EnrollmentCompletedV1 = z
  .object({
    enrollment_id: z.string().uuid(),
    student_id: z.string().uuid(),
    course_id: z.string().uuid(),
    completed_at: z.string().datetime({ offset: true }),
    course_version: z.number().int().optional(),
  })
  .passthrough();
export type EnrollmentCompletedV1 = z.infer<typeof EnrollmentCompletedV1>;
