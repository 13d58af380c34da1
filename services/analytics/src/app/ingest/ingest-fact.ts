import type { CloudEvent } from '@lms/kit/events';
import { ANALYTICS_EVENT_SCHEMAS, isFactType, type FactPayload, type FactType } from '../../events/analytics.events.schema';
import type { AnalyticsUnitOfWork } from '../deps';
import { certificateIssued, certificateRevoked } from './certificates';
import {
  courseArchived,
  courseCreated,
  courseDeleted,
  coursePublished,
  courseUnarchived,
  courseUnpublished,
  courseUpdated,
  lessonCreated,
  lessonDeleted,
  lessonUpdated,
} from './courses';
import {
  enrollmentCompleted,
  enrollmentCreated,
  enrollmentDropped,
  enrollmentExpired,
  enrollmentProgressed,
  enrollmentReactivated,
  enrollmentReviewed,
} from './enrollments';
import { lessonCompleted, lessonStarted, lessonTimeRecorded } from './lessons';
import { attemptStarted, quizGraded, quizPublished, quizRegraded, quizSubmitted, quizUnpublished } from './quizzes';
import { userDeleted, userProfileChanged, userRegistered, userRoleChanged } from './users';

/** A payload that does not have the shape of its type: nothing is applied; the consumer's message is parked. */
export class PayloadRejected extends Error {
  constructor(
    readonly eventType: string,
    readonly problem: string,
  ) {
    super(`invalid ${eventType} payload: ${problem}`);
    this.name = 'PayloadRejected';
  }
}

type Handlers = { [T in FactType]: (uow: AnalyticsUnitOfWork, payload: FactPayload<T>) => Promise<void> };

/** One handler per consumed type (the families in this folder). */
const HANDLERS: Handlers = {
  'user.registered': userRegistered,
  'user.profile_changed': userProfileChanged,
  'user.role_changed': userRoleChanged,
  'user.deleted': userDeleted,
  'course.created': courseCreated,
  'course.updated': courseUpdated,
  'course.published': coursePublished,
  'course.unpublished': courseUnpublished,
  'course.archived': courseArchived,
  'course.unarchived': courseUnarchived,
  'course.deleted': courseDeleted,
  'lesson.created': lessonCreated,
  'lesson.updated': lessonUpdated,
  'lesson.deleted': lessonDeleted,
  'enrollment.created': enrollmentCreated,
  'enrollment.dropped': enrollmentDropped,
  'enrollment.reactivated': enrollmentReactivated,
  'enrollment.expired': enrollmentExpired,
  'enrollment.completed': enrollmentCompleted,
  'enrollment.progressed': enrollmentProgressed,
  'enrollment.reviewed': enrollmentReviewed,
  'lesson.started': lessonStarted,
  'lesson.completed': lessonCompleted,
  'lesson.time_recorded': lessonTimeRecorded,
  'attempt.started': attemptStarted,
  'quiz.submitted': quizSubmitted,
  'quiz.graded': quizGraded,
  'quiz.regraded': quizRegraded,
  'quiz.published': quizPublished,
  'quiz.unpublished': quizUnpublished,
  'certificate.issued': certificateIssued,
  'certificate.revoked': certificateRevoked,
};

/**
 * Applies one event to the read models in the caller's unit of work — THE ingestion step, shared by the
 * live consumer (`analytics.facts`, inside its inbox transaction) and `analytics rebuild` (replaying the
 * producers' event logs). The payload is validated against its type's schema first: a wrong shape throws
 * `PayloadRejected` before anything is written. A type analytics does not use is ignored.
 */
export async function ingestFact(uow: AnalyticsUnitOfWork, event: CloudEvent<unknown>): Promise<void> {
  if (!isFactType(event.type)) return;
  const parsed = ANALYTICS_EVENT_SCHEMAS[event.type].safeParse(event.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PayloadRejected(event.type, issue ? `${issue.path.join('.') || '(data)'}: ${issue.message}` : 'invalid');
  }
  const handler = HANDLERS[event.type] as (uow: AnalyticsUnitOfWork, payload: unknown) => Promise<void>;
  await handler(uow, parsed.data);
}
