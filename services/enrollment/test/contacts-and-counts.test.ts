import { randomUUID } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import amqp from 'amqplib';
import { eventPublisher, eventually, expectGrpcError, GrpcStatus, handledCount, publishedCourse, startFleet, unique, type Fleet } from './support';

/** Throws until `queue` exists with a consumer (the kit's queueDepth leaves the 404 channel error unhandled). */
async function queueBound(url: string, queue: string): Promise<void> {
  const connection = await amqp.connect(url);
  connection.on('error', () => undefined);
  try {
    const channel = await connection.createChannel();
    channel.on('error', () => undefined);
    const { consumerCount } = await channel.checkQueue(queue);
    if (!consumerCount) throw new Error(`${queue} has no consumer yet`);
  } finally {
    await connection.close().catch(() => undefined);
  }
}

/**
 * Issue 12 item 7 follow-ups: the course enrolment list's contacts follow auth's user.profile_changed
 * (newest fact wins), and CountStudentEnrollments answers `GET /users/{id}/stats` for admins.
 */
describe('student contacts stay current, and CountStudentEnrollments', () => {
  let f: Fleet;
  let publisher: Awaited<ReturnType<typeof eventPublisher>>;

  beforeAll(async () => {
    f = await startFleet('contacts_counts');
    publisher = await eventPublisher(f.vhost.url, 'lms/auth');
    // enrollment reports ready before its consumers have bound their queues (it connects to the broker in
    // the background); an auth fact published before that is routed nowhere. Wait for the queue.
    await eventually(() => queueBound(f.vhost.url, 'enrollment.user-directory'));
  });
  afterAll(async () => {
    await publisher?.close();
    await f?.close();
  });

  const contact = async (userId: string) =>
    (
      await f.db.query<{ email: string | null; full_name: string | null }>('SELECT email, full_name FROM user_accounts WHERE user_id = :userId', {
        type: QueryTypes.SELECT,
        replacements: { userId },
      })
    )[0];
  const handled = (queue: string, ids: string[]) => handledCount(f.db, queue, ids);
  const publishAll = async (queue: string, events: ReturnType<typeof publisher.event>[]) => {
    for (const e of events) await publisher.publish(e); // in this order, one after the other
    await eventually(async () => expect(await handled(queue, events.map((e) => e.id))).toBe(events.length));
  };
  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();

  test("When an admin changes a student's email and name, then the owner's enrolment list shows the new ones", async () => {
    const { courseId } = await publishedCourse(f, f.instructor, 1);
    const s = await f.newUser('student', `moving_${unique()}`);
    await f.enrollment.Enroll({ course_id: courseId }, s.auth);
    const request = { course_id: courseId, page: 1, page_size: 10, status: '', sort: '', cursor: '' };
    await eventually(async () => {
      const page = await f.enrollment.ListCourseEnrollments(request, f.instructor.auth);
      expect(page.students).toEqual([{ id: s.userId, full_name: s.fullName, email: s.email.toLowerCase() }]);
    });
    const next = `moved.${unique()}@example.test`;
    await f.auth.UpdateUser({ user_id: s.userId, fields: ['email', 'full_name'], email: next, full_name: 'Moved Student' }, f.admin.auth);
    await eventually(async () => {
      const page = await f.enrollment.ListCourseEnrollments(request, f.instructor.auth);
      expect(page.students).toEqual([{ id: s.userId, full_name: 'Moved Student', email: next }]);
      expect(await contact(s.userId)).toEqual({ email: next, full_name: 'Moved Student' });
    });
  });

  test('When profile facts arrive out of order, then the newest value of each field wins; a deleted account stays forgotten', async () => {
    const userId = randomUUID();
    const queue = 'enrollment.user-directory';
    const changed = (data: Record<string, unknown>) => publisher.event('user.profile_changed', userId, { user_id: userId, changed_by: null, ...data });
    // The newest email first, then an older change of email and name, then the (oldest) registration.
    await publishAll(queue, [
      changed({ email: 'newest@example.test', sealed_previous_email: 'v1.x', changed_at: at(1) }),
      changed({ email: 'older@example.test', full_name: 'Older Name', changed_at: at(5) }),
      publisher.event('user.registered', userId, {
        user_id: userId,
        email: 'Registered@Example.test',
        full_name: 'Registered Name',
        role: 'student',
        registered_at: at(60),
        created_by: null,
      }),
    ]);
    expect(await contact(userId)).toEqual({ email: 'newest@example.test', full_name: 'Older Name' });
    await publishAll(queue, [changed({ full_name: 'Newest Name', changed_at: at(0) }), changed({ full_name: 'Stale Name', changed_at: at(2) })]);
    expect(await contact(userId)).toEqual({ email: 'newest@example.test', full_name: 'Newest Name' });
    // A redelivered older fact changes nothing either; a deletion forgets, and no later fact brings it back.
    await publishAll('enrollment.user-status', [publisher.event('user.deleted', userId, { user_id: userId, deleted_by: null, at: at(0) })]);
    expect(await contact(userId)).toEqual({ email: null, full_name: null });
    await publishAll(queue, [changed({ email: 'zombie@example.test', full_name: 'Zombie', changed_at: new Date(Date.now() + 60_000).toISOString() })]);
    expect(await contact(userId)).toEqual({ email: null, full_name: null });
  });

  test('When a profile fact names only the email, then the name is kept (and the reverse)', async () => {
    const s = await f.newUser('student', `partial_${unique()}`);
    await eventually(async () => expect(await contact(s.userId)).toMatchObject({ email: s.email.toLowerCase() }));
    const changed = (data: Record<string, unknown>) => publisher.event('user.profile_changed', s.userId, { user_id: s.userId, changed_by: s.userId, ...data });
    await publishAll('enrollment.user-directory', [changed({ email: 'Only.Email@Example.test', changed_at: at(0) })]);
    expect(await contact(s.userId)).toEqual({ email: 'only.email@example.test', full_name: s.fullName });
    await publishAll('enrollment.user-directory', [changed({ full_name: 'Only Name', changed_at: at(0) })]);
    expect(await contact(s.userId)).toEqual({ email: 'only.email@example.test', full_name: 'Only Name' });
  });

  test('When enrolments are counted, then the student and admins get the figures; anyone else is refused', async () => {
    const [c1, c2] = await Promise.all([publishedCourse(f, f.instructor, 1), publishedCourse(f, f.instructor, 1)]);
    const s = await f.newUser('student', `counted_${unique()}`);
    await f.enrollment.Enroll({ course_id: c1.courseId }, s.auth);
    const dropped = await f.enrollment.Enroll({ course_id: c2.courseId }, s.auth);
    await f.enrollment.DropEnrollment({ enrollment_id: dropped.id }, s.auth);
    const expected = { total: 2, active: 1, completed: 0 };
    await expect(f.enrollment.CountStudentEnrollments({ student_id: s.userId }, f.admin.auth)).resolves.toEqual(expected);
    await expect(f.enrollment.CountStudentEnrollments({ student_id: s.userId }, s.auth)).resolves.toEqual(expected);
    await expect(f.enrollment.CountStudentEnrollments({ student_id: '' }, s.auth)).resolves.toEqual(expected);
    await expect(f.enrollment.CountStudentEnrollments({ student_id: randomUUID() }, f.admin.auth)).resolves.toEqual({ total: 0, active: 0, completed: 0 });
    for (const other of [f.otherStudent, f.instructor]) {
      await expectGrpcError(f.enrollment.CountStudentEnrollments({ student_id: s.userId }, other.auth), GrpcStatus.PERMISSION_DENIED, 'ENROLLMENT.ADMIN_ONLY');
    }
    await expectGrpcError(f.enrollment.CountStudentEnrollments({ student_id: 'nope' }, f.admin.auth), GrpcStatus.INVALID_ARGUMENT);
    await expectGrpcError(f.enrollment.CountStudentEnrollments({ student_id: s.userId }), GrpcStatus.UNAUTHENTICATED);
  });
});
