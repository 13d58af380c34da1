import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import { eventually } from '@lms/kit/testing';
import { AUTH_EVENT_SCHEMAS, AUTH_EVENT_TYPES } from '../src/events/auth.events.schema';
import {
  adminSession,
  bearer,
  captureEvents,
  expectGrpcError,
  fromIp,
  GrpcStatus,
  signUpAndIn,
  startAuth,
  STRONG_PASSWORD,
  uniqueEmail,
  type AuthHarness,
} from './support';

describe('auth: administration (gRPC, real PostgreSQL/RabbitMQ/Redis)', () => {
  let h: AuthHarness;
  let admin: Awaited<ReturnType<typeof adminSession>>;
  let events: Awaited<ReturnType<typeof captureEvents>>;

  beforeAll(async () => {
    h = await startAuth('admin');
    events = await captureEvents(h.vhost.url, ['user.*', 'password_reset.*', 'email_verification.*', 'refresh_token.*']);
    admin = await adminSession(h);
  });

  afterAll(async () => {
    await events?.close();
    await h?.close();
  });

  test('When a non-admin calls admin RPCs, then PERMISSION_DENIED', async () => {
    const { auth, user } = await signUpAndIn(h.client, 'pleb');
    const calls = [
      () => h.client.ListUsers({ page: 1, page_size: 10 }, auth),
      () => h.client.CreateUser({ email: uniqueEmail('x'), password: STRONG_PASSWORD, full_name: 'X', role: 'admin' }, auth),
      () => h.client.UpdateUser({ user_id: user.id, fields: ['role'], role: 'admin' }, auth),
      () => h.client.ActivateUser({ user_id: user.id }, auth),
      () => h.client.DeactivateUser({ user_id: admin.userId }, auth),
      () => h.client.DeleteUser({ user_id: admin.userId }, auth),
    ];
    for (const call of calls) await expectGrpcError(call(), GrpcStatus.PERMISSION_DENIED, 'AUTH.ADMIN_REQUIRED');
    await expectGrpcError(h.client.ListUsers({}), GrpcStatus.UNAUTHENTICATED);
  });

  test('When a non-admin asks for another user, then NOT_FOUND; for themselves, the account and its stats', async () => {
    const me = await signUpAndIn(h.client, 'self');
    await expectGrpcError(h.client.GetUser({ user_id: admin.userId }, me.auth), GrpcStatus.NOT_FOUND, 'AUTH.USER_NOT_FOUND');
    await expectGrpcError(h.client.GetUserStats({ user_id: admin.userId }, me.auth), GrpcStatus.NOT_FOUND);
    await expect(h.client.GetUser({ user_id: me.user.id }, me.auth)).resolves.toMatchObject({ id: me.user.id });
    const stats = await h.client.GetUserStats({ user_id: me.user.id }, me.auth);
    expect(stats).toMatchObject({ user_id: me.user.id, created_at: me.user.created_at, active_sessions: 1 });
    expect(stats.last_login_at).not.toBe('');
    await expect(h.client.GetUser({ user_id: me.user.id }, admin.auth)).resolves.toMatchObject({ email: me.email.toLowerCase() });
    await expectGrpcError(h.client.GetUser({ user_id: randomUUID() }, admin.auth), GrpcStatus.NOT_FOUND);
  });

  test('When an admin creates users of any role, then they exist and user.registered names the creator', async () => {
    const created = await h.client.CreateUser(
      { email: uniqueEmail('newadmin'), password: STRONG_PASSWORD, full_name: 'Second Admin', role: 'admin' },
      admin.auth,
    );
    expect(created.role).toBe('admin');
    const { event } = await events.waitFor((e) => e.type === 'user.registered' && e.subject === created.id);
    expect(event.data).toMatchObject({ role: 'admin', created_by: admin.userId });
    await expectGrpcError(
      h.client.CreateUser({ email: created.email, password: STRONG_PASSWORD, full_name: 'Dup', role: 'student' }, admin.auth),
      GrpcStatus.ALREADY_EXISTS,
    );
  });

  test('When listing users, then filters, escaped search, ordering and pagination work', async () => {
    const tag = `zq${randomUUID().slice(0, 6)}`;
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      const u = await h.client.CreateUser(
        { email: `${tag}.${i}@example.test`, password: STRONG_PASSWORD, full_name: `Member ${tag} ${i}`, role: i < 2 ? 'instructor' : 'student' },
        admin.auth,
      );
      made.push(u.id);
    }
    await h.client.CreateUser({ email: `${tag}_x@example.test`, password: STRONG_PASSWORD, full_name: `Under_score ${tag}`, role: 'student' }, admin.auth);
    await h.client.DeactivateUser({ user_id: made[4] }, admin.auth);

    const page1 = await h.client.ListUsers({ page: 1, page_size: 2, search: `${tag}.` }, admin.auth);
    expect(page1).toMatchObject({ total: 5, page: 1, page_size: 2, total_pages: 3 });
    expect(page1.items.map((u) => u.id)).toEqual([made[4], made[3]]);
    const page3 = await h.client.ListUsers({ page: 3, page_size: 2, search: `${tag}.` }, admin.auth);
    expect(page3.items.map((u) => u.id)).toEqual([made[0]]);

    const instructors = await h.client.ListUsers({ role: 'instructor', search: tag.toUpperCase() }, admin.auth);
    expect(instructors.items.map((u) => u.id).sort()).toEqual([made[0], made[1]].sort());
    expect(instructors.page_size).toBe(20);
    const inactive = await h.client.ListUsers({ is_active: 'false', search: tag }, admin.auth);
    expect(inactive.items.map((u) => u.id)).toEqual([made[4]]);

    // "_" and "%" are literal characters in a search, not wildcards
    const underscore = await h.client.ListUsers({ search: `${tag}_` }, admin.auth);
    expect(underscore.items.map((u) => u.full_name)).toEqual([`Under_score ${tag}`]);
    await expect(h.client.ListUsers({ search: `${tag}%` }, admin.auth)).resolves.toMatchObject({ total: 0 });

    await expectGrpcError(h.client.ListUsers({ page_size: 101 }, admin.auth), GrpcStatus.INVALID_ARGUMENT);
    await expectGrpcError(h.client.ListUsers({ page: -1 }, admin.auth), GrpcStatus.INVALID_ARGUMENT);
    await expectGrpcError(h.client.ListUsers({ role: 'god' }, admin.auth), GrpcStatus.INVALID_ARGUMENT);
    await expectGrpcError(h.client.ListUsers({ is_active: 'maybe' }, admin.auth), GrpcStatus.INVALID_ARGUMENT);
  });

  test('When an admin changes a role, then user.role_changed is emitted, old access tokens are refused and a refresh carries the new role', async () => {
    const student = await signUpAndIn(h.client, 'promote');
    const updated = await h.client.UpdateUser({ user_id: student.user.id, fields: ['role'], role: 'instructor' }, admin.auth);
    expect(updated.role).toBe('instructor');

    const { event } = await events.waitFor((e) => e.type === 'user.role_changed' && e.subject === student.user.id);
    expect(event).toMatchObject({
      source: 'lms/auth',
      data: { user_id: student.user.id, old_role: 'student', new_role: 'instructor', changed_by: admin.userId },
    });
    await expectGrpcError(h.client.GetMe({}, student.auth), GrpcStatus.UNAUTHENTICATED, 'AUTH.TOKEN_REVOKED');

    const refreshed = await h.client.Refresh({ refresh_token: student.tokens.refresh_token });
    expect(decodeJwt(refreshed.access_token).role).toBe('instructor');
    await expect(h.client.GetMe({}, bearer(refreshed.access_token))).resolves.toMatchObject({ role: 'instructor' });
  });

  test('When an admin updates profile fields, then only the named ones change', async () => {
    const target = await signUpAndIn(h.client, 'edit');
    const updated = await h.client.UpdateUser(
      { user_id: target.user.id, fields: ['bio', 'email_verified'], full_name: 'ignored', bio: 'Edited by admin', email_verified: true },
      admin.auth,
    );
    expect(updated).toMatchObject({ full_name: 'edit Tester', bio: 'Edited by admin', email_verified: true, role: 'student' });
    await expectGrpcError(
      h.client.UpdateUser({ user_id: target.user.id, fields: ['email'] }, admin.auth),
      GrpcStatus.INVALID_ARGUMENT,
    );
  });

  test('When a user is deactivated, then they cannot sign in, their tokens are refused and user.deactivated is emitted', async () => {
    const victim = await signUpAndIn(h.client, 'deact');
    const result = await h.client.DeactivateUser({ user_id: victim.user.id }, admin.auth);
    expect(result.is_active).toBe(false);

    await expectGrpcError(h.client.GetMe({}, victim.auth), GrpcStatus.UNAUTHENTICATED, 'AUTH.TOKEN_REVOKED');
    await expectGrpcError(h.client.Refresh({ refresh_token: victim.tokens.refresh_token }), GrpcStatus.UNAUTHENTICATED);
    await expectGrpcError(h.client.Login({ email: victim.email, password: STRONG_PASSWORD }), GrpcStatus.PERMISSION_DENIED, 'AUTH.ACCOUNT_DISABLED');
    const { event } = await events.waitFor((e) => e.type === 'user.deactivated' && e.subject === victim.user.id);
    expect(event.data).toMatchObject({ user_id: victim.user.id, deactivated_by: admin.userId });

    const reactivated = await h.client.ActivateUser({ user_id: victim.user.id }, admin.auth);
    expect(reactivated.is_active).toBe(true);
    await events.waitFor((e) => e.type === 'user.activated' && e.subject === victim.user.id);
    await expect(h.client.Login({ email: victim.email, password: STRONG_PASSWORD })).resolves.toMatchObject({ token_type: 'bearer' });
  });

  test('When a user is deleted, then they vanish from every read, their tokens die and user.deleted is emitted', async () => {
    const victim = await signUpAndIn(h.client, 'delete');
    await h.client.DeleteUser({ user_id: victim.user.id }, admin.auth);

    await expectGrpcError(h.client.GetUser({ user_id: victim.user.id }, admin.auth), GrpcStatus.NOT_FOUND);
    await expectGrpcError(h.client.GetMe({}, victim.auth), GrpcStatus.UNAUTHENTICATED);
    await expect(h.client.BatchGetUsers({ ids: [victim.user.id] }, admin.auth)).resolves.toMatchObject({ items: [] });
    await expect(h.client.ListUsers({ search: victim.email }, admin.auth)).resolves.toMatchObject({ total: 0 });
    await expectGrpcError(h.client.DeleteUser({ user_id: victim.user.id }, admin.auth), GrpcStatus.NOT_FOUND);
    const { event } = await events.waitFor((e) => e.type === 'user.deleted' && e.subject === victim.user.id);
    expect(event.data).toMatchObject({ user_id: victim.user.id, deleted_by: admin.userId });
  });

  test('When an admin tries to demote, deactivate or delete themselves, then FAILED_PRECONDITION', async () => {
    await expectGrpcError(
      h.client.UpdateUser({ user_id: admin.userId, fields: ['role'], role: 'student' }, admin.auth),
      GrpcStatus.FAILED_PRECONDITION,
      'AUTH.CANNOT_DEMOTE_SELF',
    );
    await expectGrpcError(
      h.client.UpdateUser({ user_id: admin.userId, fields: ['is_active'], is_active: false }, admin.auth),
      GrpcStatus.FAILED_PRECONDITION,
      'AUTH.CANNOT_DEACTIVATE_SELF',
    );
    await expectGrpcError(h.client.DeactivateUser({ user_id: admin.userId }, admin.auth), GrpcStatus.FAILED_PRECONDITION);
    await expectGrpcError(h.client.DeleteUser({ user_id: admin.userId }, admin.auth), GrpcStatus.FAILED_PRECONDITION, 'AUTH.CANNOT_DELETE_SELF');
    await expect(h.client.GetMe({}, admin.auth)).resolves.toMatchObject({ role: 'admin', is_active: true });
  });

  test('When the only two admins demote each other at the same time, then exactly one succeeds and one admin remains', async () => {
    const fresh = await startAuth('lastadmin');
    try {
      const a = await adminSession(fresh);
      const b = await adminSession(fresh);
      const results = await Promise.allSettled([
        fresh.client.UpdateUser({ user_id: b.userId, fields: ['role'], role: 'student' }, a.auth),
        fresh.client.UpdateUser({ user_id: a.userId, fields: ['role'], role: 'student' }, b.auth),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(['AUTH.LAST_ADMIN', 'AUTH.TOKEN_REVOKED']).toContain(loser.reason.code);
      const survivor = results[0].status === 'fulfilled' ? a : b;
      const admins = await fresh.client.ListUsers({ role: 'admin' }, survivor.auth);
      expect(admins.items.map((u) => u.id)).toEqual([survivor.userId]);
    } finally {
      await fresh.close();
    }
  });

  test('When one account goes through every kind of event, then each matches its published schema and envelope', async () => {
    const subject = await signUpAndIn(h.client, 'schemas'); // user.registered (created_by null), email_verification.requested
    const id = subject.user.id;
    await h.client.RequestPasswordReset({ email: subject.email }); // password_reset.requested
    await fromIp('10.9.0.1', () => h.client.Refresh({ refresh_token: subject.tokens.refresh_token }));
    await expectGrpcError( // refresh_token.reused: the spent token again, from another address
      fromIp('10.9.0.2', () => h.client.Refresh({ refresh_token: subject.tokens.refresh_token })),
      GrpcStatus.UNAUTHENTICATED,
      'AUTH.REFRESH_REUSED',
    );
    await h.client.UpdateUser({ user_id: id, fields: ['role'], role: 'instructor' }, admin.auth); // user.role_changed
    await h.client.UpdateUser({ user_id: id, fields: ['email', 'full_name'], email: uniqueEmail('schemas2'), full_name: 'Schema Two' }, admin.auth); // user.profile_changed
    await h.client.DeactivateUser({ user_id: id }, admin.auth); // user.deactivated
    await h.client.ActivateUser({ user_id: id }, admin.auth); // user.activated
    await h.client.DeleteUser({ user_id: id }, admin.auth); // user.deleted
    const own = await eventually(() => {
      const found = events.matching((e) => e.subject === id);
      const missing = AUTH_EVENT_TYPES.filter((type) => !found.some((e) => e.type === type));
      if (missing.length) throw new Error(`not yet received: ${missing.join(', ')}`);
      return found;
    });
    for (const event of own) {
      const schema = AUTH_EVENT_SCHEMAS[event.type as keyof typeof AUTH_EVENT_SCHEMAS];
      expect(schema).toBeDefined();
      expect(() => schema.parse(event.data)).not.toThrow();
      expect(event).toMatchObject({ specversion: '1.0', source: 'lms/auth', subject: id, data: { user_id: id } });
    }
  });
});
