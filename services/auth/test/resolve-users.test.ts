import { adminSession, expectGrpcError, GrpcStatus, signUpAndIn, startAuth, STRONG_PASSWORD, uniqueEmail, type AuthHarness } from './support';

/** ResolveUsersByEmail: emails → active students only, for admins and instructors naming a course (bulk enrolment). */
describe('auth: resolving users by email', () => {
  let h: AuthHarness;
  let admin: Awaited<ReturnType<typeof adminSession>>;

  beforeAll(async () => {
    h = await startAuth('resolve');
    admin = await adminSession(h);
  });
  afterAll(async () => {
    await h?.close();
  });

  const COURSE_ID = '00000000-0000-4000-8000-00000000c0de';

  test('When an admin or instructor resolves emails for a course, then only active students come back (any case); unknown, deleted, deactivated and non-student accounts are absent alike', async () => {
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
      const reply = await h.client.ResolveUsersByEmail({ emails: asked, course_id: COURSE_ID }, auth);
      expect(reply.items.map((i) => [i.email, i.user!.id, i.user!.role, i.is_active])).toEqual([[a.email.toLowerCase(), a.user.id, 'student', true]]);
    }
  });

  test('When a student, an anonymous caller or a bad request asks, then it is refused', async () => {
    const s = await signUpAndIn(h.client, 'resolvestudent');
    await expectGrpcError(h.client.ResolveUsersByEmail({ emails: [s.email], course_id: COURSE_ID }, s.auth), GrpcStatus.PERMISSION_DENIED);
    await expectGrpcError(h.client.ResolveUsersByEmail({ emails: [s.email], course_id: COURSE_ID }, { authorization: '' }), GrpcStatus.UNAUTHENTICATED);
    await expectGrpcError(h.client.ResolveUsersByEmail({ emails: ['not an email'], course_id: COURSE_ID }, admin.auth), GrpcStatus.INVALID_ARGUMENT);
    const many = Array.from({ length: 101 }, () => uniqueEmail('many'));
    await expectGrpcError(h.client.ResolveUsersByEmail({ emails: many, course_id: COURSE_ID }, admin.auth), GrpcStatus.INVALID_ARGUMENT);
  });

  test('When the course is not named, then it is refused (the RPC answers only for a course being bulk-enrolled)', async () => {
    const s = await signUpAndIn(h.client, 'resolvenocourse');
    await expectGrpcError(h.client.ResolveUsersByEmail({ emails: [s.email] }, admin.auth), GrpcStatus.INVALID_ARGUMENT);
    await expectGrpcError(h.client.ResolveUsersByEmail({ emails: [s.email], course_id: 'not-a-uuid' }, admin.auth), GrpcStatus.INVALID_ARGUMENT);
  });
});
