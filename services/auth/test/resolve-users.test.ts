import { adminSession, expectGrpcError, GrpcStatus, signUpAndIn, startAuth, STRONG_PASSWORD, uniqueEmail, type AuthHarness } from './support';

/** ResolveUsersByEmail: emails → public profiles, for admins and instructors (bulk enrolment by email). */
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

  test('When an admin or instructor resolves emails, then live accounts come back (any case), unknown and deleted ones are absent', async () => {
    const a = await signUpAndIn(h.client, 'resolvea');
    const b = await signUpAndIn(h.client, 'resolveb');
    const gone = await signUpAndIn(h.client, 'resolvegone');
    await h.client.DeleteUser({ user_id: gone.user.id }, admin.auth);
    const teacherEmail = uniqueEmail('teacher');
    await h.client.CreateUser({ email: teacherEmail, password: STRONG_PASSWORD, full_name: 'Teacher', role: 'instructor' }, admin.auth);
    const teacher = await h.client.Login({ email: teacherEmail, password: STRONG_PASSWORD });
    await h.client.DeactivateUser({ user_id: b.user.id }, admin.auth);

    const asked = [a.email.toUpperCase(), b.email, gone.email, 'nobody@example.test', a.email];
    for (const auth of [admin.auth, { authorization: `Bearer ${teacher.access_token}` }]) {
      const reply = await h.client.ResolveUsersByEmail({ emails: asked }, auth);
      expect(reply.items.map((i) => [i.email, i.user!.id, i.user!.role, i.is_active])).toEqual([
        [a.email.toLowerCase(), a.user.id, 'student', true],
        [b.email.toLowerCase(), b.user.id, 'student', false],
      ]);
    }
  });

  test('When a student, an anonymous caller or a bad request asks, then it is refused', async () => {
    const s = await signUpAndIn(h.client, 'resolvestudent');
    await expectGrpcError(h.client.ResolveUsersByEmail({ emails: [s.email] }, s.auth), GrpcStatus.PERMISSION_DENIED);
    await expectGrpcError(h.client.ResolveUsersByEmail({ emails: [s.email] }, { authorization: '' }), GrpcStatus.UNAUTHENTICATED);
    await expectGrpcError(h.client.ResolveUsersByEmail({ emails: ['not an email'] }, admin.auth), GrpcStatus.INVALID_ARGUMENT);
    const many = Array.from({ length: 101 }, () => uniqueEmail('many'));
    await expectGrpcError(h.client.ResolveUsersByEmail({ emails: many }, admin.auth), GrpcStatus.INVALID_ARGUMENT);
  });
});
