import { mailTo, waitForMail, type CapturedEvent, type CapturedMail } from '@lms/kit/testing';
import { AUTH_EVENT_SCHEMAS } from '../src/events/auth.events.schema';
import { adminSession, captureEvents, signUpAndIn, startAuth, STRONG_PASSWORD, uniqueEmail, type AuthHarness } from './support';

const isChangeNotice = (m: CapturedMail) => m.subject === 'Your LMS Fleet email address was changed';
const profileChanged = (userId: string) => (e: CapturedEvent) => e.type === 'user.profile_changed' && e.subject === userId;

describe('auth: user.profile_changed and the "your email address was changed" notice (gRPC, real PostgreSQL/RabbitMQ/SMTP)', () => {
  let h: AuthHarness;
  let admin: Awaited<ReturnType<typeof adminSession>>;
  let events: Awaited<ReturnType<typeof captureEvents>>;

  beforeAll(async () => {
    h = await startAuth('profile_changed', { APP_BASE_URL: 'http://app.lms.test' });
    events = await captureEvents(h.vhost.url, ['user.*']);
    admin = await adminSession(h);
  });

  afterAll(async () => {
    await events?.close();
    await h?.close();
  });

  test('When an admin changes a user email and name, then one user.profile_changed carries both (old address sealed, never in clear) and the OLD address gets the notice', async () => {
    const target = await signUpAndIn(h.client, 'byadmin');
    const old = target.email.toLowerCase();
    const next = uniqueEmail('renamed').toLowerCase();
    await h.client.UpdateUser({ user_id: target.user.id, fields: ['email', 'full_name', 'phone'], email: next, full_name: 'Renée Renamed', phone: '+12025550123' }, admin.auth);

    const { event } = await events.waitFor(profileChanged(target.user.id));
    expect(() => AUTH_EVENT_SCHEMAS['user.profile_changed'].parse(event.data)).not.toThrow();
    expect(event).toMatchObject({ source: 'lms/auth', data: { user_id: target.user.id, email: next, full_name: 'Renée Renamed', changed_by: admin.userId } });
    expect(event.data.sealed_previous_email).toMatch(/^v1\./);
    expect(JSON.stringify(event)).not.toContain(old);
    expect(Object.keys(event.data).sort()).toEqual(['changed_at', 'changed_by', 'email', 'full_name', 'sealed_previous_email', 'user_id']);

    const notice = await waitForMail(old, isChangeNotice);
    expect(notice.text).toContain('Hello Renée Renamed,');
    expect(notice.text).toContain('by an administrator');
    expect(notice.html).toContain('by an administrator');
    expect(notice.text + notice.html).not.toContain(next); // the new address is never told to the old mailbox
    expect((await mailTo(next)).some(isChangeNotice)).toBe(false);
  });

  test('When a user changes their own name, then user.profile_changed names only full_name (no email, nothing sealed, no notice); an unchanged name emits nothing', async () => {
    const me = await signUpAndIn(h.client, 'selfname');
    await h.client.UpdateMe({ fields: ['full_name'], full_name: me.user.full_name }, me.auth); // same name: no fact
    await h.client.UpdateMe({ fields: ['full_name', 'bio'], full_name: 'New Name', bio: 'hello' }, me.auth);
    const { event } = await events.waitFor(profileChanged(me.user.id));
    expect(() => AUTH_EVENT_SCHEMAS['user.profile_changed'].parse(event.data)).not.toThrow();
    expect(event.data).toEqual({ user_id: me.user.id, full_name: 'New Name', changed_by: me.user.id, changed_at: expect.any(String) });
    await h.client.UpdateMe({ fields: ['bio'], bio: 'only the bio' }, me.auth);
    // Barrier: a later fact of another user has arrived, so the bio-only change had its chance to show up.
    const later = await signUpAndIn(h.client, 'barrier');
    await h.client.UpdateMe({ fields: ['full_name'], full_name: 'Barrier' }, later.auth);
    await events.waitFor(profileChanged(later.user.id));
    expect(events.matching(profileChanged(me.user.id))).toHaveLength(1);
  });

  test('When a user changes their own email, then user.profile_changed carries the new address and the old one gets the notice (not "by an administrator")', async () => {
    const me = await signUpAndIn(h.client, 'selfmail');
    const old = me.email.toLowerCase();
    const next = uniqueEmail('selfnew').toLowerCase();
    await h.client.UpdateMe({ fields: ['email'], email: next, current_password: STRONG_PASSWORD }, me.auth);
    const { event } = await events.waitFor(profileChanged(me.user.id));
    expect(() => AUTH_EVENT_SCHEMAS['user.profile_changed'].parse(event.data)).not.toThrow();
    expect(event.data).toMatchObject({ user_id: me.user.id, email: next, changed_by: me.user.id });
    expect(event.data.full_name).toBeUndefined();
    const notice = await waitForMail(old, isChangeNotice);
    expect(notice.text).toContain('If you did not, contact your LMS Fleet administrator');
    expect(notice.text).not.toContain('by an administrator');
    expect(notice.text + notice.html).not.toContain(next);
  });
});
