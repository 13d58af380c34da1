import { PASSWORD, freePort, startFleet, type Fleet } from '@lms/testing-fleet';
import { login, registerAndLogin, type LoggedIn } from './auth';
import { createCourse, createLesson, createSection, publishCourse, publishLesson, registerInstructor } from './catalog';
import { ok } from './analytics';
import { backendsOf, startGateway, type TestGateway } from './gateway';
import type { Api } from './http';

/**
 * The authorization matrix's world: the whole fleet behind one gateway, and the fixtures every route × caller
 * case names — two instructors each with a course (section, lessons, a published quiz with a question, a pool and
 * a regrade), two students each enrolled in one (an attempt started, a private file, a direct upload, a
 * certificate of another completed course), an unrelated student, an admin, a deactivated user and a logged-out
 * session; and a third "victim" side of the first instructor and student for the destructive routes.
 */

export type CallerName = 'anonymous' | 'student' | 'enrolled' | 'otherStudent' | 'owner' | 'otherInstructor' | 'admin' | 'deactivated' | 'loggedOut';
export const CALLERS: CallerName[] = ['anonymous', 'student', 'enrolled', 'otherStudent', 'owner', 'otherInstructor', 'admin', 'deactivated', 'loggedOut'];

/** Path parameter values of one side of the world (`A`: the owner's and the enrolled student's; `B`: the others'). */
export type Params = Record<string, string>;

export interface AuthzWorld {
  api: Api;
  users: Record<Exclude<CallerName, 'anonymous'>, LoggedIn>;
  /** The owner's / enrolled student's resources. */
  a: Params;
  /** The other instructor's / other student's resources (IDOR). */
  b: Params;
  /** Resources of the owner and the enrolled student that destructive routes consume. */
  victim: Params;
  /** Side A with the owner's draft course, its section and draft lesson. */
  draft: Params;
  stop(): Promise<void>;
}

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

async function upload(api: Api, user: LoggedIn): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([PNG], { type: 'image/png' }), 'authz.png');
  const res = await fetch(`${api.base}/api/v1/files/upload`, { method: 'POST', body: form, headers: { authorization: `Bearer ${user.access}` } });
  const body = (await res.json()) as { id: string };
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(body)}`);
  return body.id;
}

/** A multiple-choice question body (the world's quizzes, and the matrix's create-question calls). */
export const MC = {
  question_type: 'multiple_choice',
  question_text: 'Two plus two?',
  points: 1,
  options: [
    { option_text: '4', is_correct: true },
    { option_text: '5', is_correct: false },
  ],
};

/** Polls until `check` holds (generous bound: the box is loaded). */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** One side: an instructor's published course with its quiz, a student enrolled with an attempt, a file and an upload. */
async function side(api: Api, instructor: LoggedIn, student: LoggedIn, admin: LoggedIn): Promise<Params> {
  const course = await createCourse(api, instructor.access);
  const section = await createSection(api, instructor.access, course.id);
  const lesson = await createLesson(api, instructor.access, course.id, { section_id: section.id });
  const quizLesson = await createLesson(api, instructor.access, course.id, { section_id: section.id, lesson_type: 'quiz' });
  const spareQuizLesson = await createLesson(api, instructor.access, course.id, { section_id: section.id, lesson_type: 'quiz' });
  await Promise.all([lesson, quizLesson, spareQuizLesson].map((l) => publishLesson(api, instructor.access, l.id)));
  const published = await publishCourse(api, instructor.access, course.id);
  const as = { token: instructor.access };
  const quizzes = `/api/v1/courses/${course.id}/quizzes`;
  const enrolling = eventually('enrolment', async () => {
    const res = await api.post('/api/v1/enrollments', { course_id: course.id }, { token: student.access });
    return res.status === 201 ? (res.body as { id: string }).id : undefined;
  });
  const quiz = ok(await api.post(quizzes, { lesson_id: quizLesson.id, title: 'Authz quiz', max_attempts: null, time_limit_minutes: null }, as), 201, 'quiz');
  const [question, pool] = await Promise.all([
    api.post(`${quizzes}/${quiz.id}/questions`, MC, as).then((res) => ok(res, 201, 'question')),
    api.post(`${quizzes}/${quiz.id}/pools`, { title: 'Pool', draw_count: 1 }, as).then((res) => ok(res, 201, 'pool')),
  ]);
  ok(await api.post(`${quizzes}/${quiz.id}/questions`, { ...MC, pool_id: pool.id }, as), 201, 'pooled question');
  ok(await api.post(`${quizzes}/${quiz.id}/publish`, undefined, as), 200, 'publish quiz');
  const enrollment = await enrolling;
  const [attempt, regrade, file, direct, template] = await Promise.all([
    eventually('attempt', async () => {
      const res = await api.post(`/api/v1/quizzes/${quiz.id}/attempts`, undefined, { token: student.access });
      return res.status === 201 || res.status === 200 ? (res.body as { id?: string; attempt_id?: string }) : undefined;
    }),
    api.post(`/api/v1/quizzes/${quiz.id}/regrade`, {}, as).then((res) => ok(res, 202, 'regrade')),
    upload(api, student),
    api.post('/api/v1/files/direct-uploads', { filename: 'authz.png', size: PNG.length }, { token: student.access }).then((res) => ok(res, 201, 'direct upload')),
    api
      .post('/api/v1/certificates/templates', { name: `Authz ${course.id}`, html_template: '<p>{{student_name}}</p>' }, { token: admin.access })
      .then((res) => ok(res, 201, 'template')),
  ]);
  return {
    course_id: course.id,
    slug: published.slug,
    section_id: section.id,
    lesson_id: lesson.id,
    quiz_id: quiz.id,
    question_id: question.id,
    pool_id: pool.id,
    attempt_id: String(attempt.id ?? attempt.attempt_id),
    regrade_id: String(regrade.id ?? regrade.regrade_id),
    enrollment_id: enrollment,
    file_id: file,
    upload_id: direct.id,
    template_id: template.id,
    user_id: student.userId,
    student_id: student.userId,
    instructor_id: instructor.userId,
    spare_quiz_lesson: spareQuizLesson.id,
  };
}

/** The owner's draft course (never published) with a section and a draft lesson, as side A's parameters. */
async function draft(api: Api, instructor: LoggedIn, a: Params): Promise<Params> {
  const course = await createCourse(api, instructor.access);
  const section = await createSection(api, instructor.access, course.id);
  const lesson = await createLesson(api, instructor.access, course.id, { section_id: section.id });
  return { ...a, course_id: course.id, slug: course.slug, section_id: section.id, lesson_id: lesson.id };
}

/** A one-lesson course the student completes: its certificate (issued from the completion event). */
async function certificate(api: Api, instructor: LoggedIn, student: LoggedIn): Promise<{ id: string; number: string; enrollment: string }> {
  const course = await createCourse(api, instructor.access);
  const lesson = await createLesson(api, instructor.access, course.id);
  await publishLesson(api, instructor.access, lesson.id);
  await publishCourse(api, instructor.access, course.id);
  const enrollment = await eventually('enrolment', async () => {
    const res = await api.post('/api/v1/enrollments', { course_id: course.id }, { token: student.access });
    return res.status === 201 ? (res.body as { id: string }).id : undefined;
  });
  ok(await api.post(`/api/v1/enrollments/${enrollment}/lessons/${lesson.id}/complete`, {}, { token: student.access }), 200, 'complete');
  return eventually('certificate', async () => {
    const res = await api.get('/api/v1/certificates/my-certificates', { token: student.access });
    const list = (res.body as { certificates?: { id: string; certificate_number: string; enrollment_id: string }[] }).certificates ?? [];
    const found = list.find((c) => c.enrollment_id === enrollment);
    return found ? { id: found.id, number: found.certificate_number, enrollment } : undefined;
  }, 60_000);
}

export async function buildAuthzWorld(label: string): Promise<AuthzWorld> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const fleet: Fleet = await startFleet({
    label: `authz_${label}`,
    services: ['certificate', 'analytics', 'media'],
    catalogReadsEnrollment: true,
    env: { certificate: { PUBLIC_API_URL: base }, media: { PUBLIC_API_URL: base } },
  });
  let gateway: TestGateway | undefined;
  try {
    gateway = await startGateway(fleet.authAddress, {
      PORT: String(port),
      ...backendsOf(fleet),
      CERTIFICATE_VERIFY_PER_MINUTE: '100000',
      RATE_LIMIT_UPLOADS_PER_HOUR: '100000',
      RATE_LIMIT_BULK_ENROLL_PER_MIN: '100000',
    });
    const api = gateway.api;
    const [admin, owner, otherInstructor, student, enrolled, otherStudent, deactivated, loggedOut, victimUser] = await Promise.all([
      login(api, fleet.admin!.email, PASSWORD),
      registerInstructor(api, 'authzowner'),
      registerInstructor(api, 'authzother'),
      registerAndLogin(api, 'authzstudent'),
      registerAndLogin(api, 'authzenrolled'),
      registerAndLogin(api, 'authzotherstudent'),
      registerAndLogin(api, 'authzdeactivated'),
      registerAndLogin(api, 'authzloggedout'),
      registerAndLogin(api, 'authzvictim'),
    ]);
    ok(await api.post(`/api/v1/users/${deactivated.userId}/deactivate`, undefined, { token: admin.access }), 200, 'deactivate');
    ok(await api.post('/api/v1/auth/logout', { refresh_token: loggedOut.refresh }, { token: loggedOut.access }), 204, 'logout');
    const [a, b, victim, certA, certB] = await Promise.all([
      side(api, owner, enrolled, admin),
      side(api, otherInstructor, otherStudent, admin),
      side(api, owner, enrolled, admin),
      certificate(api, owner, enrolled),
      certificate(api, otherInstructor, otherStudent),
    ]);
    Object.assign(a, { certificate_id: certA.id, certificate_number: certA.number, list_id: '1' });
    Object.assign(b, { certificate_id: certB.id, certificate_number: certB.number, list_id: '1' });
    // the victim side's certificate is A's (revoked last), its user the one deactivated and deleted
    Object.assign(victim, { certificate_id: certA.id, certificate_number: certA.number, list_id: '1', user_id: victimUser.userId });
    const drafted = await draft(api, owner, a);
    // revocation reaches every verifier within a bound: wait until both tokens are refused
    for (const user of [deactivated, loggedOut]) {
      await eventually('revocation', async () => ((await api.get('/api/v1/auth/me', { token: user.access })).status === 401 ? true : undefined));
    }
    const running = gateway;
    return {
      api,
      users: { admin, owner, otherInstructor, student, enrolled, otherStudent, deactivated, loggedOut },
      a,
      b,
      victim,
      draft: drafted,
      async stop() {
        await running.stop();
        await fleet.close();
      },
    };
  } catch (err) {
    await gateway?.stop();
    await fleet.close();
    throw err;
  }
}
