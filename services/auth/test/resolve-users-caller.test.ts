import { clientSignedAs } from '@lms/testing-fleet';
import { adminSession, expectGrpcError, GrpcStatus, signUpAndIn, startAuth, STRONG_PASSWORD, uniqueEmail, type AuthClient, type AuthHarness } from './support';

/**
 * Issue 10 A5: ResolveUsersByEmail is a service-only RPC. Only the enrollment service (the caller named by its
 * verified service token) may ask, so an admin's or instructor's token alone — from the gateway, another
 * service or any workload signing as one — is not enough. The answer's rules (active students only, admin or
 * instructor token, a named course) are checked here too, asked as enrollment.
 */
describe('auth: ResolveUsersByEmail is for the enrollment service only', () => {
  let h: AuthHarness;
  let admin: Awaited<ReturnType<typeof adminSession>>;
  const clients: AuthClient[] = [];
  const COURSE_ID = '00000000-0000-4000-8000-00000000c0de';

  const signedAs = (caller: string) => {
    const client = clientSignedAs('auth', `127.0.0.1:${h.service.grpcPort}`, caller);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    h = await startAuth('resolve_caller');
    admin = await adminSession(h);
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await h?.close();
  });

  test('When enrollment asks with an admin token, then the active students come back', async () => {
    const student = await signUpAndIn(h.client, 'callerok');
    const reply = await signedAs('enrollment').ResolveUsersByEmail({ emails: [student.email], course_id: COURSE_ID }, admin.auth);
    expect(reply.items.map((i) => i.user?.id)).toEqual([student.user.id]);
  });

  test('When any other service asks, even with an admin token, then it is refused (PERMISSION_DENIED, AUTH.CALLER_NOT_ALLOWED)', async () => {
    const student = await signUpAndIn(h.client, 'callerno');
    for (const caller of ['gateway', 'catalog', 'quiz', 'auth']) {
      await expectGrpcError(
        signedAs(caller).ResolveUsersByEmail({ emails: [student.email], course_id: COURSE_ID }, admin.auth),
        GrpcStatus.PERMISSION_DENIED,
        'AUTH.CALLER_NOT_ALLOWED',
      );
    }
  });

  test('When enrollment asks for an admin or instructor, then only active students come back (any case); unknown, deleted, deactivated and non-student accounts are absent alike', async () => {
    const enrollment = signedAs('enrollment');
    const a = await signUpAndIn(h.client, 'resolvea');
    const b = await signUpAndIn(h.client, 'resolveb');
    const gone = await signUpAndIn(h.client, 'resolvegone');
    await h.client.DeleteUser({ user_id: gone.user.id }, admin.auth);
    const teacherEmail = uniqueEmail('teacher');
    await h.client.CreateUser({ email: teacherEmail, password: STRONG_PASSWORD, full_name: 'Teacher', role: 'instructor' }, admin.auth);
    const teacher = await h.client.Login({ email: teacherEmail, password: STRONG_PASSWORD });
    await h.client.DeactivateUser({ user_id: b.user.id }, admin.auth);
    const asked = [a.email.toUpperCase(), b.email, gone.email, 'nobody@example.test', teacherEmail, a.email];
    for (const auth of [admin.auth, { authorization: `Bearer ${teacher.access_token}` }]) {
      const reply = await enrollment.ResolveUsersByEmail({ emails: asked, course_id: COURSE_ID }, auth);
      expect(reply.items.map((i) => [i.email, i.user!.id, i.user!.role, i.is_active])).toEqual([[a.email.toLowerCase(), a.user.id, 'student', true]]);
    }
  });

  test('When enrollment sends a bad request or names no course, then it is refused (INVALID_ARGUMENT)', async () => {
    const enrollment = signedAs('enrollment');
    const s = await signUpAndIn(h.client, 'resolvebad');
    await expectGrpcError(enrollment.ResolveUsersByEmail({ emails: ['not an email'], course_id: COURSE_ID }, admin.auth), GrpcStatus.INVALID_ARGUMENT);
    const many = Array.from({ length: 101 }, () => uniqueEmail('many'));
    await expectGrpcError(enrollment.ResolveUsersByEmail({ emails: many, course_id: COURSE_ID }, admin.auth), GrpcStatus.INVALID_ARGUMENT);
    await expectGrpcError(enrollment.ResolveUsersByEmail({ emails: [s.email] }, admin.auth), GrpcStatus.INVALID_ARGUMENT);
    await expectGrpcError(enrollment.ResolveUsersByEmail({ emails: [s.email], course_id: 'not-a-uuid' }, admin.auth), GrpcStatus.INVALID_ARGUMENT);
  });

  test('When enrollment asks for a student or without a token, then the user checks still apply', async () => {
    const student = await signUpAndIn(h.client, 'callerstudent');
    const enrollment = signedAs('enrollment');
    await expectGrpcError(enrollment.ResolveUsersByEmail({ emails: [student.email], course_id: COURSE_ID }, student.auth), GrpcStatus.PERMISSION_DENIED);
    await expectGrpcError(enrollment.ResolveUsersByEmail({ emails: [student.email], course_id: COURSE_ID }, { authorization: '' }), GrpcStatus.UNAUTHENTICATED);
  });
});
