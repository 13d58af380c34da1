import { randomUUID } from 'node:crypto';
import { ROUTE_AUTHZ, type RouteAuthz } from '../src/routes/authz';
import { login, registerAndLogin, strongPassword, uniqueEmail, type LoggedIn } from './support/auth';
import { CALLERS, MC, buildAuthzWorld, type AuthzWorld, type CallerName, type Params } from './support/authz-world';
import type { ApiResponse } from './support/http';

/**
 * Issue 18 point 3: every route of /openapi.json × every caller, the expected outcome derived from the route's
 * `access` (in the document: `security` and `x-roles`) and its ownership rule (src/routes/authz.ts), plus IDOR:
 * each path parameter swapped for another user's resource. A route without a row fails here.
 */

interface DocRoute {
  operationId: string;
  method: string;
  path: string;
  access: 'public' | 'optional' | 'authenticated' | string[];
  rule: RouteAuthz;
}

interface Case {
  route: DocRoute;
  caller: CallerName;
  params: Params;
  /** 'allowed', or the refusal statuses accepted. */
  expect: 'allowed' | number[];
  what: string;
  /** A destructive route's later allowed callers: the resource may be gone (404/409), never refused. */
  mayFindItGone?: boolean;
  /** A body naming another user's resource (IDOR through the body), instead of the route's own. */
  body?: unknown;
}

const ROLE: Record<CallerName, string | undefined> = {
  anonymous: undefined,
  student: 'student',
  enrolled: 'student',
  otherStudent: 'student',
  owner: 'instructor',
  otherInstructor: 'instructor',
  admin: 'admin',
  deactivated: 'student',
  loggedOut: 'student',
};

/** The callers an ownership rule lets act on side A's resources. */
const RELATED: Record<RouteAuthz['who'], CallerName[] | 'all'> = {
  any: 'all',
  staff: ['owner', 'admin'],
  learner: ['enrolled', 'owner', 'admin'],
  self: ['enrolled', 'admin'],
  own: ['enrolled'],
};

const OWNERSHIP_REFUSAL = [403, 404];

/** The expected outcome of a caller on side A's resources. */
function expected(route: DocRoute, caller: CallerName): 'allowed' | number[] {
  if (route.access !== 'public') {
    const invalidToken = caller === 'deactivated' || caller === 'loggedOut';
    if (invalidToken) return [401];
    if (caller === 'anonymous' && route.access !== 'optional') return [401];
    if (Array.isArray(route.access) && !route.access.includes(ROLE[caller]!)) return [403];
  }
  const related = RELATED[route.rule.who];
  if (related === 'all' || related.includes(caller)) return 'allowed';
  return caller === 'anonymous' ? [401, ...OWNERSHIP_REFUSAL] : OWNERSHIP_REFUSAL;
}

/** Destructive routes run in this order (children before parents, the callers' own sessions last). */
const DESTRUCTIVE_ORDER = [
  'enroll',
  'submitQuizAttempt',
  'abortDirectUpload',
  'deleteFile',
  'dropEnrollment',
  'deleteQuestion',
  'deleteQuestionPool',
  'unpublishQuiz',
  'deleteQuiz',
  'unpublishLessonInCourse',
  'publishLessonInCourse',
  'unpublishLesson',
  'publishLesson',
  'deleteLessonInCourse',
  'deleteLesson',
  'deleteSection',
  'unpublishCourse',
  'publishCourse',
  'archiveCourse',
  'unarchiveCourse',
  'deleteCourse',
  'deleteCertificateTemplate',
  'revokeCertificate',
  'deactivateUser',
  'activateUser',
  'deleteUser',
  'logout',
  'logoutAll',
  'changePassword',
];

/** A valid body per route that takes one (the schemas' minimum; ids from the case's side of the world). */
function bodyFor(operationId: string, p: Params, user: LoggedIn | undefined): unknown {
  const password = strongPassword();
  const bodies: Record<string, () => unknown> = {
    register: () => ({ email: uniqueEmail('authzreg'), password, full_name: 'Authz Register' }),
    logout: () => ({}),
    updateMe: () => ({ full_name: 'Authz Matrix' }),
    changePassword: () => ({ current_password: user?.password ?? password, new_password: password }),
    requestPasswordReset: () => ({ email: uniqueEmail('authzreset') }),
    confirmPasswordReset: () => ({ token: 'x'.repeat(32), new_password: password }),
    verifyEmail: () => ({ token: 'x'.repeat(32) }),
    createUser: () => ({ email: uniqueEmail('authzcreated'), password, full_name: 'Authz Created', role: 'student' }),
    updateUser: () => ({ full_name: 'Authz Updated' }),
    moveLesson: () => ({ new_order_index: 0 }),
    moveLessonInCourse: () => ({ new_order_index: 0 }),
    updateLesson: () => ({ title: 'Authz lesson' }),
    updateLessonInCourse: () => ({ title: 'Authz lesson' }),
    createCourse: () => ({ title: 'Authz course' }),
    updateCourse: () => ({ title: 'Authz course' }),
    createSection: () => ({ title: 'Authz section' }),
    updateSection: () => ({ title: 'Authz section' }),
    createLesson: () => ({ title: 'Authz lesson', lesson_type: 'text', content: 'x', section_id: p.section_id }),
    reorderLessons: () => ({ sections: [{ section_id: p.section_id, lesson_ids: [p.lesson_id] }] }),
    enroll: () => ({ course_id: p.course_id }),
    updateLessonProgress: () => ({ time_spent_seconds: 5 }),
    startLesson: () => ({}),
    completeLesson: () => ({}),
    reviewEnrollment: () => ({ rating: 5 }),
    extendEnrollment: () => ({ expires_at: new Date(Date.now() + 365 * 86_400_000).toISOString() }),
    bulkEnroll: () => ({ emails: [uniqueEmail('authzbulk')] }),
    createQuiz: () => ({ lesson_id: p.spare_quiz_lesson, title: 'Authz second quiz' }),
    updateQuiz: () => ({ title: 'Authz quiz' }),
    createQuestion: () => MC,
    reorderQuestions: () => ({ question_ids: [p.question_id] }),
    updateQuestion: () => ({ question_text: 'Two plus two, again?' }),
    createQuestionPool: () => ({ title: 'Authz pool', draw_count: 1 }),
    updateQuestionPool: () => ({ title: 'Authz pool' }),
    saveQuizAnswers: () => ({ answers: [] }),
    submitQuizAttempt: () => ({ answers: [] }),
    gradeQuizAttempt: () => ({ grades: [{ question_id: p.question_id, points: 1 }] }),
    regradeQuiz: () => ({}),
    createDirectUpload: () => ({ filename: 'authz.png', size: 10 }),
    completeDirectUpload: () => ({}),
    createCertificateTemplate: () => ({ name: `Authz ${randomUUID()}`, html_template: '<p>{{student_name}}</p>' }),
    updateCertificateTemplate: () => ({ name: `Authz ${randomUUID()}` }),
  };
  return bodies[operationId]?.();
}

/**
 * IDOR through the body: side A's route with an id of side B in its body (moving a lesson into another course's
 * section, a quiz on another course's lesson, a question into another quiz's pool…): refused, never 2xx. (Not
 * regrade's `question_ids`: a filter over the quiz's own questions — another quiz's id matches nothing.)
 */
const FOREIGN_BODY: Record<string, (b: Params) => unknown> = {
  createLesson: (b) => ({ title: 'Authz lesson', lesson_type: 'text', content: 'x', section_id: b.section_id }),
  updateLesson: (b) => ({ section_id: b.section_id }),
  updateLessonInCourse: (b) => ({ section_id: b.section_id }),
  moveLesson: (b) => ({ lesson_id: b.lesson_id, new_order_index: 0 }),
  moveLessonInCourse: (b) => ({ lesson_id: b.lesson_id, new_order_index: 0 }),
  reorderLessons: (b) => ({ sections: [{ section_id: b.section_id, lesson_ids: [b.lesson_id] }] }),
  createQuiz: (b) => ({ lesson_id: b.spare_quiz_lesson, title: 'Authz foreign quiz' }),
  createQuestion: (b) => ({ ...MC, pool_id: b.pool_id }),
  updateQuestion: (b) => ({ pool_id: b.pool_id }),
  reorderQuestions: (b) => ({ question_ids: [b.question_id] }),
  saveQuizAnswers: (b) => ({ answers: [{ question_id: b.question_id, selected_option_id: 'a' }] }),
};
const FOREIGN_BODY_REFUSAL = [400, 403, 404, 409, 422];

function fill(path: string, params: Params): string {
  return path.replace(/\{([A-Za-z0-9_]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`the authz world has no value for {${name}} (${path}): add it to support/authz-world.ts`);
    return encodeURIComponent(value);
  });
}

/** A query the route needs: the direct-upload PUT is signed by its URL (a forged signature here). */
const QUERY: Record<string, string> = { putDirectUploadContent: `?expires=${Math.floor(Date.now() / 1000) + 3600}&signature=${'a'.repeat(64)}` };

/** Runs `tasks` with at most `limit` at a time. */
async function pool<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await run(items[next++]);
    }),
  );
}

describe('Authorization matrix: every route × every caller, and IDOR on every path parameter', () => {
  let world: AuthzWorld;
  let routes: DocRoute[];
  const failures: string[] = [];
  /** The routes an allowed caller reached (2xx or the declared input status). */
  const served = new Set<string>();

  beforeAll(async () => {
    world = await buildAuthzWorld('matrix');
    const doc = (await world.api.get('/openapi.json')).body as {
      paths: Record<string, Record<string, { operationId: string; security?: Record<string, string[]>[]; 'x-roles'?: string[] }>>;
    };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => {
        const security = op.security ?? [];
        const access: DocRoute['access'] = op['x-roles']
          ? op['x-roles']
          : security.length === 0
            ? 'public'
            : security.some((s) => Object.keys(s).length === 0)
              ? 'optional'
              : 'authenticated';
        return { operationId: op.operationId, method: method.toUpperCase(), path, access, rule: ROUTE_AUTHZ[op.operationId] };
      }),
    );
  }, 240_000);

  afterAll(async () => {
    await world?.stop();
  });

  async function send(c: Case): Promise<ApiResponse> {
    const user = c.caller === 'anonymous' ? undefined : world.users[c.caller];
    let token = user?.access;
    if (c.route.rule.session && user && c.caller !== 'deactivated' && c.caller !== 'loggedOut') {
      token = (await login(world.api, user.email, user.password)).access;
    }
    let body = c.body ?? bodyFor(c.route.operationId, c.params, user);
    // a throwaway account per case: auth locks an account that many sign-ins hit at once
    if (c.route.operationId === 'login' || c.route.operationId === 'refresh') {
      const someone = await registerAndLogin(world.api, 'authzsignin');
      body = c.route.operationId === 'login' ? { email: someone.email, password: someone.password } : { refresh_token: someone.refresh };
    }
    const query = QUERY[c.route.operationId] ?? '';
    return world.api.call(c.route.method, fill(c.route.path, c.params) + query, { body, token });
  }

  function judge(c: Case, res: ApiResponse): void {
    const got = `${c.what}: got ${res.status} ${res.text.slice(0, 160)}`;
    if (c.expect === 'allowed') {
      const inputStatus = c.route.rule.inputStatus;
      if (res.status < 300 || res.status === inputStatus) served.add(c.route.operationId);
      else if (!c.mayFindItGone || res.status === 401 || res.status === 403 || res.status >= 500) failures.push(`allowed caller refused — ${got}`);
      return;
    }
    if (res.status < 300) {
      failures.push(`HOLE: 2xx to a caller who must not have it — ${got}`);
      return;
    }
    if (!c.expect.includes(res.status)) failures.push(`expected ${c.expect.join('/')} — ${got}`);
    const b = res.body as { detail?: unknown; code?: unknown; request_id?: unknown };
    if (typeof b?.detail !== 'string' || typeof b.code !== 'string' || b.request_id !== res.headers.get('x-request-id')) {
      failures.push(`refusal without the error body — ${got}`);
    }
  }

  /** The callers' cases on side A, and the IDOR cases: each path parameter swapped for side B's as each related caller. */
  function casesOf(route: DocRoute, a: Params, b: Params): { refusals: Case[]; idor: Case[]; allowed: Case[] } {
    const all = CALLERS.map((caller): Case => ({ route, caller, params: a, expect: expected(route, caller), what: `${route.method} ${route.path} as ${caller}` }));
    const idor: Case[] = [];
    const related = RELATED[route.rule.who];
    if (related !== 'all') {
      for (const name of [...route.path.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1])) {
        if (b[name] === undefined || b[name] === a[name]) continue;
        for (const caller of related.filter((c) => c !== 'admin' && expected(route, c) === 'allowed')) {
          idor.push({ route, caller, params: { ...a, [name]: b[name] }, expect: route.rule.foreignStatus ? [...OWNERSHIP_REFUSAL, route.rule.foreignStatus] : OWNERSHIP_REFUSAL, what: `IDOR ${route.method} ${route.path} as ${caller} with {${name}} of another user` });
        }
      }
    }
    const foreign = FOREIGN_BODY[route.operationId];
    if (foreign && related !== 'all') {
      for (const caller of related.filter((c) => c !== 'admin' && expected(route, c) === 'allowed')) {
        idor.push({ route, caller, params: a, body: foreign(b), expect: FOREIGN_BODY_REFUSAL, what: `IDOR ${route.method} ${route.path} as ${caller} with another user's id in the body` });
      }
    }
    if (route.rule.drafts) {
      for (const caller of CALLERS) {
        const onDraft = expected(route, caller) === 'allowed' && !['owner', 'admin'].includes(caller) ? [401, 403, 404] : expected(route, caller);
        (onDraft === 'allowed' ? all : idor).push({ route, caller, params: world.draft, expect: onDraft, what: `${route.method} ${route.path} on a draft as ${caller}` });
      }
    }
    return { refusals: all.filter((c) => c.expect !== 'allowed'), idor, allowed: all.filter((c) => c.expect === 'allowed') };
  }

  test('Every served route has a declaration, and every declaration a route', () => {
    expect(routes.filter((r) => !r.rule).map((r) => `${r.method} ${r.path} (${r.operationId})`)).toEqual([]);
    const routed = new Set(routes.map((r) => r.operationId));
    expect(Object.keys(ROUTE_AUTHZ).filter((id) => !routed.has(id))).toEqual([]);
    expect(routes.filter((r) => r.rule?.destroys && !DESTRUCTIVE_ORDER.includes(r.operationId)).map((r) => r.operationId)).toEqual([]);
  });

  test('When every route is called by every caller (and with other users’ ids), then no caller gets what it must not and allowed callers are not refused', async () => {
    const declared = routes.filter((r) => r.rule);
    const keep = declared.filter((r) => !r.rule.destroys);
    const cases = keep.flatMap((r) => {
      const { refusals, idor, allowed } = casesOf(r, world.a, world.b);
      return [...refusals, ...idor, ...allowed];
    });
    await pool(cases, 10, async (c) => judge(c, await send(c)));

    // destructive routes: refusals and IDOR first (in parallel), then the allowed callers one by one, on the victim side
    for (const id of DESTRUCTIVE_ORDER) {
      const route = declared.find((r) => r.operationId === id);
      if (!route) continue;
      // the nested alias deletes a lesson of its own (the flat route deletes the victim's lesson after it)
      const victim = id === 'deleteLessonInCourse' ? { ...world.victim, lesson_id: world.victim.spare_quiz_lesson } : world.victim;
      const { refusals, idor, allowed } = casesOf(route, victim, world.b);
      await pool([...refusals, ...idor], 6, async (c) => judge(c, await send(c)));
      // the first allowed caller consumes the resource: the later ones may find it gone, never refused
      for (const [i, c] of allowed.entries()) judge({ ...c, mayFindItGone: i > 0 }, await send(c));
    }
    expect(failures).toEqual([]);
    expect(declared.filter((r) => !served.has(r.operationId)).map((r) => `${r.method} ${r.path}: no allowed caller got 2xx`)).toEqual([]);
  }, 600_000);
});
