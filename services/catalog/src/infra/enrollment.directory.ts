import type { Logger } from '@lms/kit/logging';
import type { EnrollmentClient } from '@lms/kit/clients';

/** The enrollment service's answer about one lesson for the caller (null = it could not be asked). */
export interface LessonAccessAnswer {
  enrolled: boolean;
  locked: boolean;
  /** When the drip rules open it for this enrolment ("" = no drip rule). */
  unlockAt: string;
  /** "" (open) | drip | prerequisite | unknown_lesson */
  reason: string;
  missingLessonIds: string[];
}

/**
 * The authoritative answers of the enrollment service, asked with the caller's own token (forwarded by
 * the kit's client): "is the caller enrolled?" — only when the catalog's event-fed read model does not
 * know the enrolment yet (the first milliseconds after enrolling; any failure reads as "not enrolled") —
 * and "may the caller open this lesson now?" (drip dates, prerequisites: enrollment is the one authority).
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

  /** Enrolment and lock state of one lesson for the caller; null when the enrollment service cannot answer (callers fail closed). */
  async callerLessonAccess(courseId: string, lessonId: string): Promise<LessonAccessAnswer | null> {
    try {
      const r = await this.client.IsEnrolled({ course_id: courseId, student_id: '', lesson_id: lessonId });
      return {
        enrolled: r.enrolled,
        locked: r.lesson_locked,
        unlockAt: r.unlock_at,
        reason: r.lock_reason,
        missingLessonIds: r.missing_lesson_ids,
      };
    } catch (err) {
      this.logger.warn(
        { err: (err as Error).message, course_id: courseId, lesson_id: lessonId },
        'enrollment service unavailable; the content of a lesson with drip/prerequisite rules is refused',
      );
      return null;
    }
  }
}
