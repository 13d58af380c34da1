import { randomUUID } from 'node:crypto';
import { startAuth, type TestAuth } from './support/auth';
import { registerInstructor } from './support/catalog';
import { newIp, startGateway, uniquePrefix, type TestGateway } from './support/gateway';
import { expectErrorBody } from './support/http';

// Issue 10 A11: bulk enrolment by email must not be an address-probing tool, however many IPs are used.
describe('Bulk enrolment has a strict per-user rate limit', () => {
  const LIMIT = 2;
  let auth: TestAuth;
  let gw: TestGateway;

  beforeAll(async () => {
    auth = await startAuth('bulklimit', { ALLOW_INSTRUCTOR_SIGNUP: 'true' });
    // enrollment is a closed port here: calls that pass the limit answer 503, which is enough to count them
    gw = await startGateway(auth.address, {
      REDIS_KEY_PREFIX: uniquePrefix('bulk'),
      TRUST_PROXY: 'true',
      RATE_LIMIT_BULK_ENROLL_PER_MIN: String(LIMIT),
    });
  });

  afterAll(async () => {
    await gw?.stop();
    await auth?.stop();
  });

  test('When one instructor sends bulk enrolments from changing addresses, then after the limit it gets 429; another instructor is not affected', async () => {
    const instructor = await registerInstructor(gw.api, 'bulkprober');
    const other = await registerInstructor(gw.api, 'bulkother');
    const bulk = (token: string) =>
      gw.api.post(`/api/v1/courses/${randomUUID()}/enrollments/bulk`, { emails: ['someone@example.com'] }, { headers: { 'X-Forwarded-For': newIp() }, token });
    for (let i = 0; i < LIMIT; i++) expectErrorBody(await bulk(instructor.access), 503);
    const limited = await bulk(instructor.access);
    expectErrorBody(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expectErrorBody(await bulk(other.access), 503);
  });
});
