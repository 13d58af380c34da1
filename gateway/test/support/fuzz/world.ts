import { randomBytes } from 'node:crypto';
import { Api } from '../http';
import type { Known } from './arbitraries';
import type { Callers } from './engine';

/**
 * What the fuzzer needs from a running fleet, made through the gateway only (the jest suite and `make fuzz` share
 * it, so it imports nothing that loads services in-process): a signed-in caller of each role — so fuzzed requests
 * reach the code behind authentication and role checks — and ids of real things (a published course with a section
 * and lesson, the student's enrolment) for the uuid fields.
 */
export interface FuzzWorld {
  callers: Callers;
  known: Known;
}

interface Account {
  email: string;
  password: string;
}

async function ok(res: Promise<{ status: number; body: any; text: string }>, status: number, what: string): Promise<any> {
  const r = await res;
  if (r.status !== status) throw new Error(`${what}: expected ${status}, got ${r.status}: ${r.text.slice(0, 300)}`);
  return r.body;
}

export async function prepareWorld(base: string, admin: Account): Promise<FuzzWorld> {
  const api = new Api(base);
  const signIn = async (account: Account): Promise<string> => (await ok(api.post('/api/v1/auth/login', account), 200, 'login')).access_token;
  const signUp = async (role: 'student' | 'instructor'): Promise<Account> => {
    const account = { email: `fuzz-${role}-${randomBytes(5).toString('hex')}@example.com`, password: `Fz-${randomBytes(6).toString('hex')}-X9` };
    await ok(api.post('/api/v1/auth/register', { ...account, full_name: `Fuzz ${role}`, role }), 201, `register ${role}`);
    return account;
  };
  const accounts: Record<string, Account> = { admin, instructor: await signUp('instructor'), student: await signUp('student') };
  const tokens: Record<string, string> = {};
  for (const [role, account] of Object.entries(accounts)) tokens[role] = await signIn(account);

  const as = { token: tokens.instructor };
  const course = await ok(api.post('/api/v1/courses', { title: `Fuzz course ${randomBytes(3).toString('hex')}`, description: 'Fuzzed', price: 0, currency: 'USD' }, as), 201, 'course');
  const section = await ok(api.post(`/api/v1/courses/${course.id}/sections`, { title: 'Fuzz section' }, as), 201, 'section');
  const lesson = await ok(
    api.post(`/api/v1/courses/${course.id}/lessons`, { title: 'Fuzz lesson', lesson_type: 'text', content: '# Fuzz', duration_minutes: 5, section_id: section.id }, as),
    201,
    'lesson',
  );
  await ok(api.post(`/api/v1/lessons/${lesson.id}/publish`, undefined, as), 200, 'publish lesson');
  await ok(api.post(`/api/v1/courses/${course.id}/publish`, undefined, as), 200, 'publish course');
  const enrolment = await ok(api.post('/api/v1/enrollments', { course_id: course.id }, { token: tokens.student }), 201, 'enrol');

  const callers: Callers = {
    tokens,
    // A fuzzed logout (or password change) revokes a caller's session: sign in again; a fuzzed deactivation or
    // deletion of the account: a new student or instructor (no way to make a new admin through the API).
    async relogin(role) {
      try {
        return await signIn(accounts[role]);
      } catch (err) {
        if (role === 'admin') throw err;
        accounts[role] = await signUp(role as 'student' | 'instructor');
        return signIn(accounts[role]);
      }
    },
  };
  return { callers, known: { ids: [course.id, section.id, lesson.id, enrolment.id] } };
}
