import { eventually } from '@lms/kit/testing';
import { login, registerAndLogin, startAuth, type TestAuth } from './support/auth';
import { newIp, startGateway, type TestGateway } from './support/gateway';
import { expectErrorBody } from './support/http';
import { AUTH_LOCKOUTS_OFF, from, limitsHoldForTheSum, sharedLimitsEnv } from './support/replicas';

/**
 * Two gateway replicas — two listening servers on their own ports, each with its own Redis connection and its own
 * in-memory state — behind one Redis and one real auth, as in a deployment with two pods. What one replica
 * counts or learns, the other must honour: the rate limits hold for the SUM of the traffic both see, and a
 * session logged out through one is refused by the other within the revocation bound (≤ 1 s, documented; the
 * polls below allow much more, so a loaded machine never fails the test on speed).
 */

describe('Two gateway replicas sharing Redis', () => {
  let auth: TestAuth;
  let a: TestGateway;
  let b: TestGateway;
  const replica = (i: number) => (i % 2 ? b : a);

  beforeAll(async () => {
    auth = await startAuth('replicas', AUTH_LOCKOUTS_OFF);
    const shared = sharedLimitsEnv('replicas');
    a = await startGateway(auth.address, shared);
    b = await startGateway(auth.address, shared);
    expect(a.port).not.toBe(b.port);
  });

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await auth?.stop();
  });

  limitsHoldForTheSum('replicas', 'replica', () => ({ a, b }));

  test('When a session is logged out through replica A, then replica B refuses its access token (within the revocation bound) and keeps refusing it, while the same user’s other session still works on B', async () => {
    // Every request from a fresh address: the polls below must never meet the (small) general limit.
    const user = await registerAndLogin(a.api, 'replica-logout', from(newIp()));
    const other = await login(b.api, user.email, user.password, from(newIp()));
    // token-status is answered by the gateway alone: what is under test is B's own verification, not auth's.
    const status = (gw: TestGateway, token: string) => gw.api.get('/api/v1/auth/token-status', { token, headers: from(newIp()) });
    // B has verified (and may hold whatever it keeps about) the token before the logout.
    for (let i = 0; i < 3; i++) expect((await status(b, user.access)).status).toBe(200);

    expect((await a.api.post('/api/v1/auth/logout', undefined, { token: user.access, headers: from(newIp()) })).status).toBe(204);

    await eventually(async () => expectErrorBody(await status(b, user.access), 401, 'AUTH.TOKEN_REVOKED'));
    // No flapping once refused, on either replica.
    for (let i = 0; i < 5; i++) {
      expectErrorBody(await status(replica(i), user.access), 401, 'AUTH.TOKEN_REVOKED');
    }
    // Only that session ended.
    expect((await status(b, other.access)).status).toBe(200);
    expect((await status(a, other.access)).status).toBe(200);
  });

  test('When a user logs out of every session through replica B, then replica A refuses each of their access tokens', async () => {
    const first = await registerAndLogin(b.api, 'replica-logout-all', from(newIp()));
    const second = await login(a.api, first.email, first.password, from(newIp()));
    const status = (token: string) => a.api.get('/api/v1/auth/token-status', { token, headers: from(newIp()) });
    expect((await status(first.access)).status).toBe(200);
    expect((await status(second.access)).status).toBe(200);

    expect((await b.api.post('/api/v1/auth/logout-all', undefined, { token: second.access, headers: from(newIp()) })).status).toBe(204);
    for (const token of [first.access, second.access]) {
      await eventually(async () => expectErrorBody(await status(token), 401, 'AUTH.TOKEN_REVOKED'));
    }
  });
});
