import { randomUUID } from 'node:crypto';

export const EVENTS_EXCHANGE = 'lms.events';

/** CloudEvents 1.0 structured JSON envelope, plus the W3C trace parent as an extension attribute. */
export interface CloudEvent<T = unknown> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject?: string;
  time: string;
  datacontenttype: 'application/json';
  dataschema: string;
  traceparent?: string;
  data: T;
}

export interface NewEvent<T> {
  /** Routing key and CloudEvents type: `<aggregate>.<past-tense verb>`, e.g. `user.registered`. */
  type: string;
  /** The emitting service, e.g. `lms/auth`. */
  source: string;
  /** The aggregate id the event is about. */
  subject?: string;
  data: T;
  /** Payload schema version; bump on a breaking change and publish both for a while. */
  version?: number;
  id?: string;
  time?: Date;
}

const EVENT_TYPE = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;

export function createEvent<T>(input: NewEvent<T>): CloudEvent<T> {
  if (!EVENT_TYPE.test(input.type)) throw new Error(`Event type "${input.type}" is not <aggregate>.<verb>`);
  return {
    specversion: '1.0',
    id: input.id ?? randomUUID(),
    source: input.source,
    type: input.type,
    subject: input.subject,
    time: (input.time ?? new Date()).toISOString(),
    datacontenttype: 'application/json',
    dataschema: `urn:lms:events:${input.type}:v${input.version ?? 1}`,
    data: input.data,
  };
}

/** Structural check of an incoming envelope; payload validation is the consumer's schema's job. */
export function parseEnvelope(raw: Buffer): CloudEvent {
  const value = JSON.parse(raw.toString('utf8')) as Partial<CloudEvent>;
  if (
    !value ||
    value.specversion !== '1.0' ||
    typeof value.id !== 'string' ||
    !value.id ||
    typeof value.type !== 'string' ||
    typeof value.source !== 'string' ||
    typeof value.time !== 'string' ||
    !('data' in value)
  ) {
    throw new Error('Not a CloudEvents 1.0 envelope');
  }
  return value as CloudEvent;
}
