import { createEvent, type CloudEvent } from './envelope';

/**
 * A fact as the domain states it (pure builders return these); the unit of work wraps it in a
 * CloudEvents envelope with the service's source and writes it to the outbox.
 */
export interface DomainEvent<T = unknown> {
  /** `<aggregate>.<past-tense verb>`, e.g. `lesson.completed`. */
  type: string;
  /** The aggregate id the event is about. */
  subject: string;
  data: T;
  time: Date;
  /** Payload schema version (default 1); bump on a breaking change and publish both for a while. */
  version?: number;
}

export function toCloudEvent<T>(source: string, event: DomainEvent<T>): CloudEvent<T> {
  return createEvent({ type: event.type, source, subject: event.subject, data: event.data, time: event.time, version: event.version });
}
