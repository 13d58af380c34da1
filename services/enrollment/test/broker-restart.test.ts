import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import amqp from 'amqplib';
import { EVENTS_EXCHANGE, type CloudEvent } from '@lms/kit/events';
import { eventPublisher, eventually, invariantViolations, publishedCourse, quizPassedData, startFleet, type Fleet } from './support';

/**
 * The broker stopped and restarted mid-flow, on a private RabbitMQ node (ports 31692/31694, below the kernel's ephemeral range so no outgoing connection can hold them) so no other
 * suite is disturbed: completions made during the outage wait in the outbox, quiz.passed published
 * after the restart is consumed, and every fact arrives exactly once.
 */
const REPO = path.resolve(__dirname, '../../..');
const DATA_DIR = path.join(REPO, '.infra/rabbitmq-enr-restart');
const NODE = ['enr-restart', '31692', '31694', DATA_DIR];
const AMQP_URL = 'amqp://guest:guest@127.0.0.1:31692';
const node = (cmd: string) => execFileSync('bash', [path.join(REPO, 'scripts/rabbitmq-node.sh'), cmd, ...NODE], { stdio: 'pipe', timeout: 120_000 });
const CAPTURE = 'enr-restart.capture';

/** Reads (and acks) everything in the durable capture queue. */
async function drainCapture(): Promise<CloudEvent<Record<string, any>>[]> {
  const connection = await amqp.connect(AMQP_URL);
  try {
    const channel = await connection.createChannel();
    const out: CloudEvent<Record<string, any>>[] = [];
    for (;;) {
      const msg = await channel.get(CAPTURE, { noAck: true });
      if (!msg) return out;
      out.push(JSON.parse(msg.content.toString('utf8')));
    }
  } finally {
    await connection.close().catch(() => undefined);
  }
}

describe('enrollment across a broker outage and restart (private RabbitMQ node)', () => {
  let f: Fleet;
  let captured: CloudEvent<Record<string, any>>[] = [];

  beforeAll(async () => {
    node('stop');
    rmSync(path.join(DATA_DIR, 'mnesia'), { recursive: true, force: true }); // a clean broker: no queues from earlier runs
    node('start');
    const connection = await amqp.connect(AMQP_URL);
    const channel = await connection.createChannel();
    await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
    await channel.assertQueue(CAPTURE, { durable: true });
    for (const key of ['enrollment.*', 'lesson.*']) await channel.bindQueue(CAPTURE, EVENTS_EXCHANGE, key);
    await connection.close();
    // One message in hand per queue: the sentinel quiz.passed below is handled after everything published before it.
    f = await startFleet('restart', { EVENT_PREFETCH: '1' }, AMQP_URL);
  }, 240_000);

  afterAll(async () => {
    await f?.close();
    node('stop');
  }, 120_000);

  test('When the broker stops mid-course and comes back, then nothing is lost or doubled: 100%, one enrollment.completed', async () => {
    const { courseId, lessonIds } = await publishedCourse(f, f.instructor, 4, (i) => (i >= 2 ? { lesson_type: 'quiz' } : {}));
    const e = await f.enrollment.Enroll({ course_id: courseId }, f.student.auth);
    const other = await f.enrollment.Enroll({ course_id: courseId }, f.otherStudent.auth);
    await f.enrollment.CompleteLesson({ enrollment_id: e.id, lesson_id: lessonIds[0] }, f.student.auth);

    node('stop_app');
    await eventually(() => expect(f.service.broker.connected).toBe(false), 20_000);
    // The service keeps working on its database; the facts wait in the outbox.
    await f.enrollment.CompleteLesson({ enrollment_id: e.id, lesson_id: lessonIds[1] }, f.student.auth);
    await f.enrollment.CompleteLesson({ enrollment_id: e.id, lesson_id: lessonIds[1] }, f.student.auth);
    expect(await f.enrollment.GetEnrollment({ enrollment_id: e.id }, f.student.auth)).toMatchObject({ completed_lessons_count: 2, progress_percentage: 50 });
    const [pending] = await f.db.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL', { plain: false, raw: true });
    expect((pending as { n: number }[])[0].n).toBeGreaterThan(0);

    node('start_app');
    await eventually(() => expect(f.service.broker.connected).toBe(true), 60_000);
    const quiz = await eventPublisher(AMQP_URL);
    try {
      const passed = (lessonId: string, studentId = f.student.userId) =>
        quiz.event('quiz.passed', randomUUID(), quizPassedData(studentId, courseId, lessonId));
      const first = passed(lessonIds[2]);
      await quiz.publish(first);
      await quiz.publish(first);
      await quiz.publish(passed(lessonIds[3]));
      await quiz.publish(passed(lessonIds[2], f.otherStudent.userId)); // the sentinel (see the barrier below)
    } finally {
      await quiz.close();
    }
    await eventually(async () =>
      expect(await f.enrollment.GetEnrollment({ enrollment_id: e.id }, f.student.auth)).toMatchObject({ status: 'completed', progress_percentage: 100 }),
      30_000,
    );
    await eventually(async () => {
      const [rows] = await f.db.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL', { plain: false, raw: true });
      expect((rows as { n: number }[])[0].n).toBe(0);
    }, 30_000);
    await eventually(async () => {
      captured.push(...(await drainCapture()));
      const mine = captured.filter((ev) => ev.data.enrollment_id === e.id);
      expect(mine.filter((ev) => ev.type === 'lesson.completed').map((ev) => ev.data.lesson_id).sort()).toEqual([...lessonIds].sort());
      expect(mine.filter((ev) => ev.type === 'enrollment.completed').length).toBeGreaterThan(0);
    }, 30_000);
    // Barrier: the sentinel's lesson.completed. It was handled after the duplicate and the other quiz.passed (one
    // message in hand per queue), so whatever they emitted has a lower outbox seq, was published before it and
    // sits before it in the capture queue.
    await eventually(async () => {
      captured.push(...(await drainCapture()));
      expect(captured.some((ev) => ev.type === 'lesson.completed' && ev.data.enrollment_id === other.id)).toBe(true);
    }, 30_000);
    // One fact (one event id). Delivery is at-least-once: a publish whose confirm was cut by the outage may
    // be sent again with the same id, which consumers' inboxes absorb.
    const completions = captured.filter((ev) => ev.type === 'enrollment.completed' && ev.data.enrollment_id === e.id);
    expect(new Set(completions.map((ev) => ev.id)).size).toBe(1);
    const lessonFacts = captured.filter((ev) => ev.type === 'lesson.completed' && ev.data.enrollment_id === e.id);
    expect(new Set(lessonFacts.map((ev) => ev.id)).size).toBe(4);
    expect(await invariantViolations(f.db, courseId)).toEqual([]);
  }, 180_000);
});
