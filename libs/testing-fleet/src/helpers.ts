import { randomBytes } from 'node:crypto';
import amqp, { type ChannelModel } from 'amqplib';
import { createEvent, EVENTS_EXCHANGE, type CloudEvent } from '@lms/kit/events';
import { captureEvents, type CapturedEvent } from '@lms/kit/testing';

let counter = 0;
/** A unique, readable token for titles, slugs and names: `<label><time><counter><random>`. */
export function unique(label = 'x'): string {
  return `${label}${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString('hex')}`;
}

/**
 * Publishes CloudEvents to lms.events in a vhost, as another service's outbox relay would. `event()` builds
 * one from `source` (unless it is given), `publishRaw()` sends any body (malformed messages).
 */
export async function eventPublisher(vhostUrl: string, source = 'lms/quiz') {
  const connection: ChannelModel = await amqp.connect(vhostUrl);
  const channel = await connection.createConfirmChannel();
  await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
  const send = (key: string, body: Buffer, options: amqp.Options.Publish) =>
    new Promise<void>((resolve, reject) => channel.publish(EVENTS_EXCHANGE, key, body, options, (err) => (err ? reject(err) : resolve())));
  return {
    event: (type: string, subject: string, data: Record<string, unknown>, from = source) => createEvent({ type, source: from, subject, data }),
    async publish(event: CloudEvent<unknown>) {
      await send(event.type, Buffer.from(JSON.stringify(event)), {
        persistent: true,
        messageId: event.id,
        contentType: 'application/cloudevents+json',
      });
    },
    async publishRaw(type: string, body: string) {
      await send(type, Buffer.from(body), { persistent: true });
    },
    async close() {
      await connection.close().catch(() => undefined);
    },
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type DataPredicate = (data: Record<string, any>) => boolean;

/** The kit's event capture, looked up by event type and a predicate on the event's data. */
export async function captureEventsByType(vhostUrl: string, keys: string[]) {
  const capture = await captureEvents(vhostUrl, keys);
  const byType = (type: string, predicate: DataPredicate) => (e: CapturedEvent) => e.type === type && predicate(e.data);
  return {
    get received(): CapturedEvent[] {
      return capture.received.map((r) => r.event);
    },
    matching: (type: string, predicate: DataPredicate = () => true) => capture.matching(byType(type, predicate)),
    async waitFor(type: string, predicate: DataPredicate = () => true, timeoutMs = 15_000) {
      return (await capture.waitFor(byType(type, predicate), timeoutMs)).event;
    },
    close: capture.close,
  };
}
