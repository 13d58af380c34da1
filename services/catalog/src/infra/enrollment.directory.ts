import type { Logger } from '@lms/kit/logging';
import type { EnrollmentClient } from '@lms/kit/clients';

/**
 * The authoritative answer to "is the caller enrolled?", asked of the enrollment service only when the
 * catalog's event-fed read model does not know the enrolment yet (the first milliseconds after enrolling).
 * The caller's own token is forwarded by the kit's client. Any failure reads as "not enrolled".
 */
export class EnrollmentDirectory {
  constructor(
    private readonly client: EnrollmentClient,
    private readonly logger: Logger,
  ) {}

  async callerIsEnrolled(courseId: string): Promise<boolean> {
    try {
      return (await this.client.IsEnrolled({ course_id: courseId, student_id: '' })).enrolled;
    } catch (err) {
      this.logger.warn({ err: (err as Error).message, course_id: courseId }, 'enrollment service unavailable; treating caller as not enrolled');
      return false;
    }
  }
}
