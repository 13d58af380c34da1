import { z } from 'zod';
import type { ConsumerDefinition } from '@lms/kit/events';
import type { EnrollmentFact } from '../domain/enrollment-stats';
import type { CatalogDeps } from '../app/deps';
import { recordEnrollmentFact } from '../app/commands/record-enrollment-fact';

export const ENROLLMENT_STATS_QUEUE = 'catalog.enrollment-stats';

const uuid = z.string().uuid();
const at = z.string().datetime({ offset: true });
const ids = { enrollment_id: uuid, student_id: uuid, course_id: uuid };

/** The payloads the enrollment service publishes (contract in protos/events/README.md § catalog, consumed). */
export const ENROLLMENT_FACT_SCHEMAS = {
  'enrollment.created': z.object({ ...ids, enrolled_at: at }),
  'enrollment.dropped': z.object({ ...ids, dropped_at: at }),
  'enrollment.reactivated': z.object({ ...ids, at }),
  'enrollment.reviewed': z.object({ ...ids, rating: z.number().int().min(1).max(5), reviewed_at: at }),
  'enrollment.expired': z.object({ ...ids, expired_at: at }),
} as const;

type EnrollmentFactType = keyof typeof ENROLLMENT_FACT_SCHEMAS;
const FACT_TYPES = Object.keys(ENROLLMENT_FACT_SCHEMAS) as EnrollmentFactType[];

/** One queue for the five facts: a payload must be one of their shapes (anything else is parked). */
const anyFact = z.union([
  ENROLLMENT_FACT_SCHEMAS['enrollment.created'].passthrough(),
  ENROLLMENT_FACT_SCHEMAS['enrollment.dropped'].passthrough(),
  ENROLLMENT_FACT_SCHEMAS['enrollment.reactivated'].passthrough(),
  ENROLLMENT_FACT_SCHEMAS['enrollment.reviewed'].passthrough(),
  ENROLLMENT_FACT_SCHEMAS['enrollment.expired'].passthrough(),
]);
type AnyFact = z.infer<typeof anyFact>;

/** The fact an event states; an event whose payload does not match its own type is an error (retried, then parked). */
export function toFact(type: string, data: AnyFact): EnrollmentFact {
  if (!(FACT_TYPES as string[]).includes(type)) throw new Error(`unexpected event type ${type}`);
  const parsed = ENROLLMENT_FACT_SCHEMAS[type as EnrollmentFactType].safeParse(data);
  if (!parsed.success) throw new Error(`invalid ${type} payload: ${parsed.error.issues[0]?.message}`);
  const d = parsed.data as Record<string, unknown>;
  switch (type as EnrollmentFactType) {
    case 'enrollment.created':
      return { kind: 'created', at: new Date(d.enrolled_at as string) };
    case 'enrollment.dropped':
      return { kind: 'dropped', at: new Date(d.dropped_at as string) };
    case 'enrollment.reactivated':
      return { kind: 'reactivated', at: new Date(d.at as string) };
    case 'enrollment.reviewed':
      return { kind: 'reviewed', rating: d.rating as number, at: new Date(d.reviewed_at as string) };
    case 'enrollment.expired':
      // Access ended: like a drop for content access and enrollment_count; an extension's
      // enrollment.reactivated (newer) makes the enrolment active again.
      return { kind: 'dropped', at: new Date(d.expired_at as string) };
  }
}

/**
 * `catalog.enrollment-stats`: keeps enrollment_count, average_rating and rating_count of each course
 * exact from the enrollment service's facts (kit EventConsumer: inbox, retries, parking lot), and the
 * enrolment read model that lets a student read lesson content: `enrollment.expired` ends it like a drop,
 * an extension (`enrollment.reactivated`) restores it. enrollment_count counts enrolments with access
 * (expired ones are not counted until extended).
 */
export function enrollmentStatsConsumer(deps: CatalogDeps): ConsumerDefinition<AnyFact> {
  return {
    queue: ENROLLMENT_STATS_QUEUE,
    bindings: [...FACT_TYPES],
    schema: anyFact,
    // The kit's inbox owns the transaction (the inbox row and the fact's effects commit together): join it.
    handle: (event, transaction) =>
      deps.units.join(transaction, (uow) =>
        recordEnrollmentFact(
          uow,
          deps.cache,
          { enrollmentId: event.data.enrollment_id.toLowerCase(), courseId: event.data.course_id.toLowerCase(), studentId: event.data.student_id.toLowerCase() },
          toFact(event.type, event.data),
        ),
      ),
  };
}
