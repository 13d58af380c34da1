import { randomBytes } from 'node:crypto';
import amqp, { type ChannelModel } from 'amqplib';
import { createEvent, EVENTS_EXCHANGE, type CloudEvent } from '@lms/kit/events';
import { captureEvents, type CapturedEvent } from '@lms/kit/testing';
import type { AuthClient, CatalogClient, CertificateClient, EnrollmentClient, QuizClient } from '@lms/kit/clients';
import { createClient, loadService } from '@lms/kit/grpc';

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

/** The gRPC contract of each service a suite may call as another service. */
const CONTRACTS = {
  auth: ['lms/auth/v1/auth.proto', 'lms.auth.v1.AuthService'],
  catalog: ['lms/catalog/v1/catalog.proto', 'lms.catalog.v1.CatalogService'],
  enrollment: ['lms/enrollment/v1/enrollment.proto', 'lms.enrollment.v1.EnrollmentService'],
  quiz: ['lms/quiz/v1/quiz.proto', 'lms.quiz.v1.QuizService'],
  certificate: ['lms/certificate/v1/certificate.proto', 'lms.certificate.v1.CertificateService'],
} as const;

interface SignedClients {
  auth: AuthClient;
  catalog: CatalogClient;
  enrollment: EnrollmentClient;
  quiz: QuizClient;
  certificate: CertificateClient;
}

/**
 * A client of `service` at `address` whose calls are signed as the service `caller` (its service token), as that
 * service's own client would sign them: for the service-only RPCs and caller allow-lists. The caller closes it.
 */
export function clientSignedAs<S extends keyof SignedClients>(service: S, address: string, caller: string, deadlineMs = 15_000): SignedClients[S] {
  const [protoFile, serviceName] = CONTRACTS[service];
  return createClient(loadService(protoFile, serviceName), address, { deadlineMs, caller }) as unknown as SignedClients[S];
}
