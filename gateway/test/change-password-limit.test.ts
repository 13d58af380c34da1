import { registerAndLogin, startAuth, type TestAuth } from './support/auth';
import { newIp, startGateway, uniquePrefix, type TestGateway } from './support/gateway';
import { expectErrorBody } from './support/http';

// Issue 10 A3: a stolen access token must not become a password oracle through change-password.
describe('Change-password has the strict (login) rate limit', () => {
  const LOGIN = 3;
  let auth: TestAuth;
  let gw: TestGateway;

  beforeAll(async () => {
    auth = await startAuth('chpwlimit');
    gw = await startGateway(auth.address, {
      REDIS_KEY_PREFIX: uniquePrefix('chpw'),
      TRUST_PROXY: 'true',
      RATE_LIMIT_LOGIN_PER_MIN: String(LOGIN),
    });
  });

  afterAll(async () => {
    await gw?.stop();
    await auth?.stop();
  });

  test('When one IP guesses the current password, then after the login limit it gets 429 with Retry-After', async () => {
    const user = await registerAndLogin(gw.api, 'chpw', { 'X-Forwarded-For': newIp() });
    const headers = { 'X-Forwarded-For': newIp(), authorization: `Bearer ${user.access}` };
    for (let i = 0; i < LOGIN; i++) {
      const res = await gw.api.post('/api/v1/auth/change-password', { current_password: `Guess-${i}-Wrong!`, new_password: 'Brand-New-Pass-7!' }, { headers });
      expectErrorBody(res, 422, 'AUTH.WRONG_PASSWORD');
    }
    const limited = await gw.api.post('/api/v1/auth/change-password', { current_password: user.password, new_password: 'Brand-New-Pass-7!' }, { headers });
    expectErrorBody(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});
