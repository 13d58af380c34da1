import { randomUUID } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { startAnalyticsSuite, type AnalyticsSuite } from './support';

let s: AnalyticsSuite;
beforeAll(async () => {
  s = await startAnalyticsSuite('ingest_users');
});
afterAll(async () => {
  await s?.close();
});

test('users: registration, name and role newest-wins, deletion, new users per day', async () => {
  const userId = randomUUID();
  const events = [
    s.fact('user.registered', { user_id: userId, email: 'a@example.test', full_name: 'Ada', role: 'student', registered_at: '2026-03-01T10:00:00.000Z', created_by: null }),
    s.fact('user.profile_changed', { user_id: userId, full_name: 'Ada Lovelace', changed_by: userId, changed_at: '2026-03-02T10:00:00.000Z' }),
    s.fact('user.profile_changed', { user_id: userId, full_name: 'Old Name', changed_by: userId, changed_at: '2026-03-01T12:00:00.000Z' }),
    s.fact('user.role_changed', { user_id: userId, old_role: 'student', new_role: 'instructor', changed_by: null, at: '2026-03-03T10:00:00.000Z' }),
  ];
  await s.publish(...events);
  await s.waitForHandled(events);
  const [user] = await s.db.query<{ full_name: string; role: string; registered_at: Date }>(`SELECT * FROM users WHERE user_id = :userId`, {
    type: QueryTypes.SELECT,
    replacements: { userId },
  });
  expect(user).toMatchObject({ full_name: 'Ada Lovelace', role: 'instructor' });
  const [daily] = await s.db.query<{ n: string }>(`SELECT sum(new_users) AS n FROM system_daily WHERE day = '2026-03-01'`, { type: QueryTypes.SELECT });
  expect(Number(daily.n)).toBe(1);
});
