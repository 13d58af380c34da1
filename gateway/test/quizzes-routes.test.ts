import { randomUUID } from 'node:crypto';
import { AttemptResultSchema, AttemptSchema, MyAttemptsSchema, SaveAnswersBody } from '../src/openapi/attempt.schemas';
import { CreateQuestionBody, QuestionSchema, UpdateQuestionBody } from '../src/openapi/question.schemas';
import { CreateQuizBody, QuizSchema, UpdateQuizBody } from '../src/openapi/quiz.schemas';
import { toPublic } from '../src/presentation/public-shape';
import { presentMyAttempts, presentQuestionResult, presentResult } from '../src/routes/attempts.routes';
import { registerAndLogin, startAuth, type LoggedIn, type TestAuth } from './support/auth';
import { registerInstructor } from './support/catalog';
import { startGateway, type TestGateway } from './support/gateway';
import { expectErrorBody, type Api, type ApiResponse } from './support/http';
import { SEED_MULTIPLE_CHOICE, SEED_QUIZ } from './support/seed-examples';

/**
 * The quiz routes' declarations without the quiz service (it is on a closed port, so whatever reaches it
 * answers 503): the document, route order, guards and validation — everything the gateway decides alone.
 */
describe('Quiz routes in the gateway (no quiz service needed)', () => {
  let auth: TestAuth;
  let gw: TestGateway;
  let api: Api;
  let doc: any;
  let student: LoggedIn;
  let instructor: LoggedIn;

  beforeAll(async () => {
    auth = await startAuth('quizroutes', { ALLOW_INSTRUCTOR_SIGNUP: 'true' });
    // The quiz address is a closed port (support/gateway.ts): quiz calls fail at once with 503, no short
    // deadline needed — a short one made sign-ups (bcrypt) time out when the machine was busy.
    gw = await startGateway(auth.address);
    api = gw.api;
    doc = (await api.get('/openapi.json')).body;
    [student, instructor] = await Promise.all([registerAndLogin(api, 'quizzer'), registerInstructor(api, 'quizmaster')]);
  });
  afterAll(async () => {
    await gw?.stop();
    await auth?.stop();
  });

  const C = '/api/v1/courses/{course_id}/quizzes';
  const Q = '/api/v1/quizzes/{quiz_id}';
  const STAFF = ['instructor', 'admin'];
  const STUDENT = ['student'];
  // API.md "Quizzes — quiz service" plus questions, pools, results, grading and regrading.
  const TABLE: [string, 'authenticated' | string[]][] = [
    [`get ${C}`, 'authenticated'],
    [`post ${C}`, STAFF],
    [`get ${C}/{quiz_id}`, 'authenticated'],
    [`put ${C}/{quiz_id}`, STAFF],
    [`delete ${C}/{quiz_id}`, STAFF],
    [`post ${C}/{quiz_id}/publish`, STAFF],
    [`post ${C}/{quiz_id}/unpublish`, STAFF],
    [`get ${C}/{quiz_id}/questions`, STAFF],
    [`post ${C}/{quiz_id}/questions`, STAFF],
    [`post ${C}/{quiz_id}/questions/reorder`, STAFF],
    [`put ${C}/{quiz_id}/questions/{question_id}`, STAFF],
    [`delete ${C}/{quiz_id}/questions/{question_id}`, STAFF],
    [`post ${C}/{quiz_id}/pools`, STAFF],
    [`put ${C}/{quiz_id}/pools/{pool_id}`, STAFF],
    [`delete ${C}/{quiz_id}/pools/{pool_id}`, STAFF],
    [`post ${Q}/attempts`, STUDENT],
    [`get ${Q}/attempts/start`, STUDENT],
    [`get ${Q}/attempts/my-attempts`, STUDENT],
    [`get ${Q}/attempts`, STAFF],
    [`get ${Q}/attempts/{attempt_id}`, 'authenticated'],
    [`put ${Q}/attempts/{attempt_id}/answers`, STUDENT],
    [`post ${Q}/attempts/{attempt_id}/submit`, STUDENT],
    [`post ${Q}/attempts/{attempt_id}/grade`, STAFF],
    [`post ${Q}/regrade`, STAFF],
    [`get ${Q}/regrades`, STAFF],
    [`get ${Q}/regrades/{regrade_id}`, STAFF],
  ];

  test.each(TABLE)('When %s is looked up in the document, then it is there with its access rule', (entry, access) => {
    const [method, path] = entry.split(' ');
    const op = doc.paths[path]?.[method];
    expect([entry, Boolean(op)]).toEqual([entry, true]);
    expect(op.security).toEqual([{ bearerAuth: [] }]);
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '422']));
    if (access !== 'authenticated') {
      expect(op['x-roles']).toEqual(access);
      expect(Object.keys(op.responses)).toContain('403');
    }
    expect(op.tags[0]).toMatch(/^Quiz/);
  });

  test('When the quiz schemas are documented, then requests are strict, keys are only in Question, and start has 201 and 200', () => {
    const s = doc.components.schemas;
    for (const name of ['CreateQuizRequest', 'UpdateQuizRequest', 'CreateQuestionRequest', 'UpdateQuestionRequest', 'SaveAnswersRequest', 'SubmitAttemptRequest', 'GradeAttemptRequest', 'CreatePoolRequest', 'RegradeRequest']) {
      expect([name, s[name]?.additionalProperties]).toEqual([name, false]);
    }
    expect(s.CreateQuizRequest.required).toEqual(expect.arrayContaining(['lesson_id', 'title']));
    expect(s.CreateQuestionRequest.properties.question_type.$ref ?? s.CreateQuestionRequest.properties.question_type.enum).toBeTruthy();
    expect(s.QuestionType.enum).toEqual(['multiple_choice', 'multiple_answer', 'true_false', 'short_answer', 'numeric', 'matching', 'ordering', 'essay']);
    // A student's shapes carry no key; the Question (with keys) says who gets it.
    expect(Object.keys(s.PaperQuestion.properties)).not.toEqual(expect.arrayContaining(['explanation']));
    for (const key of ['explanation', 'correct_answer', 'accepted_answers', 'numeric', 'pairs', 'distractors']) {
      expect([key, key in s.PaperQuestion.properties]).toEqual([key, false]);
    }
    expect(JSON.stringify(s.PaperOption)).not.toContain('is_correct');
    expect(s.PaperQuestion.description).toMatch(/no answer key/);
    expect(s.Question.description).toMatch(/only ever returned to the course owner and admins/);
    expect(s.Question.description).toMatch(/PaperQuestion/);
    expect(s.QuestionResult.required).not.toEqual(expect.arrayContaining(['explanation']));

    const start = doc.paths['/api/v1/quizzes/{quiz_id}/attempts'].post;
    expect(start.responses['201'].content['application/json'].schema.$ref).toBe('#/components/schemas/Attempt');
    expect(start.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/Attempt');
    const create = doc.paths['/api/v1/courses/{course_id}/quizzes'].post;
    expect(create.parameters.map((p: { in: string; name: string }) => `${p.in}:${p.name}`)).toContain('header:idempotency-key');
    expect(create.responses['201']).toBeDefined();
    const regrade = doc.paths['/api/v1/quizzes/{quiz_id}/regrade'].post;
    expect(regrade.parameters.find((p: { name: string }) => p.name === 'dry_run').schema).toMatchObject({ enum: ['true', 'false'], default: 'false' });
    expect(regrade.requestBody.required).toBe(false);
    // A real regrade is a job (202 with the run); a dry run answers its report (200).
    expect(regrade.responses['202'].content['application/json'].schema.$ref).toBe('#/components/schemas/RegradeReport');
    expect(regrade.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/RegradeReport');
    expect(s.RegradeReport.properties.status.enum).toEqual(['pending', 'running', 'done', 'failed']);
    expect(s.RegradeReport.required).toEqual(expect.arrayContaining(['status', 'attempts_total', 'attempts_examined', 'batches_done', 'finished_at', 'error']));
    const list = doc.paths['/api/v1/quizzes/{quiz_id}/attempts'].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['quiz_id', 'page', 'page_size', 'status', 'student_id']));
    expect(s.AttemptPage.required).toEqual(expect.arrayContaining(['attempts', 'total', 'page', 'page_size', 'total_pages']));
    expect(s.MyAttempts.required).toEqual(expect.arrayContaining(['attempts', 'total', 'scoring_policy', 'kept_percentage', 'passed', 'attempts_remaining']));
    // Lists are named after what they hold (the seed's `quizzes`), never `items`.
    expect(s.QuizList.required).toEqual(expect.arrayContaining(['quizzes', 'total']));
    expect(s.QuestionList.required).toEqual(expect.arrayContaining(['questions', 'total']));
    expect(s.RegradeList.required).toEqual(expect.arrayContaining(['regrades', 'total']));
    for (const name of ['QuizList', 'QuestionList', 'RegradeList', 'AttemptPage', 'MyAttempts']) expect([name, 'items' in s[name].properties]).toEqual([name, false]);
    // Absent values are documented as null.
    const nullableIn = (schema: any, key: string) => JSON.stringify(schema.properties[key]).includes('null');
    for (const [name, key] of [
      ['Quiz', 'time_limit_minutes'],
      ['Quiz', 'max_attempts'],
      ['Quiz', 'available_from'],
      ['Quiz', 'published_at'],
      ['Attempt', 'deadline_at'],
      ['Attempt', 'time_remaining_seconds'],
      ['Attempt', 'submitted_at'],
      ['AttemptResult', 'graded_at'],
      ['AttemptResult', 'submitted_at'],
      ['AttemptSummary', 'submitted_at'],
      ['MyAttempts', 'attempts_remaining'],
      ['Question', 'pool_id'],
    ]) {
      expect([name, key, nullableIn(s[name], key)]).toEqual([name, key, true]);
    }
    // The seed's names next to ours.
    expect(s.AttemptResult.required).toEqual(expect.arrayContaining(['id', 'status', 'is_passed', 'submitted_at', 'graded_at', 'time_spent_seconds', 'answers']));
    expect(s.AttemptSummary.required).toEqual(expect.arrayContaining(['is_passed', 'passed']));
    expect(doc.paths['/api/v1/courses/{course_id}/quizzes/{quiz_id}'].delete.responses['204']).toBeDefined();
    expect(doc.tags.map((t: { name: string }) => t.name)).toEqual(expect.arrayContaining(['Quizzes', 'Quiz attempts']));
  });

  test('When /attempts/start and /attempts/my-attempts are called, then their own routes answer (never /attempts/{attempt_id})', async () => {
    const quiz = randomUUID();
    // The quiz service is down: the route matched, passed validation and attempted the call.
    expectErrorBody(await api.get(`/api/v1/quizzes/${quiz}/attempts/start`, { token: student.access }), 503);
    expectErrorBody(await api.get(`/api/v1/quizzes/${quiz}/attempts/my-attempts`, { token: student.access }), 503);
    // For an instructor, they are a 403 of their own guard — not a 422 on attempt_id.
    expectErrorBody(await api.get(`/api/v1/quizzes/${quiz}/attempts/start`, { token: instructor.access }), 403);
    expectErrorBody(await api.get(`/api/v1/quizzes/${quiz}/attempts/my-attempts`, { token: instructor.access }), 403);
    const bad = expectErrorBody(await api.get(`/api/v1/quizzes/${quiz}/attempts/latest`, { token: student.access }), 422);
    expect(bad.errors.map((e: { loc: string[] }) => e.loc.join('.'))).toEqual(['path.attempt_id']);
    const wrong = await api.call('PATCH', `/api/v1/quizzes/${quiz}/attempts/start`, { token: student.access });
    expectErrorBody(wrong, 405);
  });

  test('When quiz routes are called anonymously, then 401 before anything about the input is read', async () => {
    const id = randomUUID();
    for (const [method, path] of [
      ['GET', `/api/v1/courses/${id}/quizzes`],
      ['POST', `/api/v1/courses/${id}/quizzes`],
      ['GET', `/api/v1/courses/${id}/quizzes/${id}`],
      ['PUT', `/api/v1/courses/${id}/quizzes/not-a-uuid`],
      ['POST', `/api/v1/courses/${id}/quizzes/${id}/questions`],
      ['POST', `/api/v1/quizzes/${id}/attempts`],
      ['GET', `/api/v1/quizzes/${id}/attempts/start`],
      ['PUT', `/api/v1/quizzes/${id}/attempts/${id}/answers`],
      ['GET', `/api/v1/quizzes/${id}/attempts/${id}`],
      ['POST', `/api/v1/quizzes/${id}/regrade?dry_run=maybe`],
    ]) {
      const res = await api.call(method, path, method === 'GET' ? {} : { body: { nonsense: true } });
      expect([method, path, res.status]).toEqual([method, path, 401]);
    }
  });

  test('When a student calls management routes, then 403 (the role guard, before validation)', async () => {
    const id = randomUUID();
    for (const [method, path] of [
      ['POST', `/api/v1/courses/${id}/quizzes`],
      ['PUT', `/api/v1/courses/${id}/quizzes/${id}`],
      ['DELETE', `/api/v1/courses/${id}/quizzes/${id}`],
      ['POST', `/api/v1/courses/${id}/quizzes/${id}/publish`],
      ['GET', `/api/v1/courses/${id}/quizzes/${id}/questions`],
      ['POST', `/api/v1/courses/${id}/quizzes/${id}/pools`],
      ['GET', `/api/v1/quizzes/${id}/attempts`],
      ['POST', `/api/v1/quizzes/${id}/attempts/${id}/grade`],
      ['POST', `/api/v1/quizzes/${id}/regrade`],
      ['GET', `/api/v1/quizzes/${id}/regrades`],
      ['GET', `/api/v1/quizzes/${id}/regrades/${id}`],
    ]) {
      const res = await api.call(method, path, { token: student.access, ...(method === 'GET' ? {} : { body: { title: 'x' } }) });
      expect([method, path, res.status]).toEqual([method, path, 403]);
    }
    // ...and an instructor on the student's routes
    expectErrorBody(await api.post(`/api/v1/quizzes/${id}/attempts`, undefined, { token: instructor.access }), 403);
  });

  const locs = (res: ApiResponse) => (res.body.errors as { loc: (string | number)[] }[]).map((e) => e.loc.join('.'));
  const expect422 = (res: ApiResponse, ...expected: string[]) => {
    const body = expectErrorBody(res, 422, 'VALIDATION_FAILED');
    expect(Array.isArray(body.errors)).toBe(true);
    for (const loc of expected) expect(locs(res)).toContain(loc);
    return body;
  };

  test.each([
    ['GET', '/api/v1/courses/nope/quizzes', 'path.course_id'],
    ['GET', `/api/v1/courses/${randomUUID()}/quizzes/123`, 'path.quiz_id'],
    ['GET', `/api/v1/courses/${randomUUID()}/quizzes?lesson_id=abc`, 'query.lesson_id'],
    ['GET', `/api/v1/courses/${randomUUID()}/quizzes?lessonid=${randomUUID()}`, 'query.lessonid'],
    ['DELETE', `/api/v1/courses/${randomUUID()}/quizzes/${randomUUID()}/questions/q1`, 'path.question_id'],
    ['DELETE', `/api/v1/courses/${randomUUID()}/quizzes/${randomUUID()}/pools/p1`, 'path.pool_id'],
    ['GET', '/api/v1/quizzes/nope/attempts?page=1', 'path.quiz_id'],
    ['GET', `/api/v1/quizzes/${randomUUID()}/attempts?status=done`, 'query.status'],
    // `closing` is only ever an effective status in responses: the filter takes stored statuses.
    ['GET', `/api/v1/quizzes/${randomUUID()}/attempts?status=closing`, 'query.status'],
    ['GET', `/api/v1/quizzes/${randomUUID()}/attempts?page_size=101`, 'query.page_size'],
    ['GET', `/api/v1/quizzes/${randomUUID()}/attempts?student_id=me`, 'query.student_id'],
    ['POST', `/api/v1/quizzes/${randomUUID()}/regrade?dry_run=yes`, 'query.dry_run'],
    ['POST', `/api/v1/quizzes/${randomUUID()}/regrade?dry_run=true&force=1`, 'query.force'],
    ['GET', '/api/v1/quizzes/x/regrades', 'path.quiz_id'],
    ['GET', `/api/v1/quizzes/${randomUUID()}/regrades/r1`, 'path.regrade_id'],
  ])('When an instructor calls %s %s, then 422 names %s', async (method, path, loc) => {
    expect422(await api.call(method, path, { token: instructor.access }), loc);
  });

  test.each([
    ['GET', '/api/v1/quizzes/nope/attempts/start', 'path.quiz_id'],
    ['GET', '/api/v1/quizzes/nope/attempts/my-attempts', 'path.quiz_id'],
    ['POST', '/api/v1/quizzes/nope/attempts', 'path.quiz_id'],
    ['GET', `/api/v1/quizzes/${randomUUID()}/attempts/1`, 'path.attempt_id'],
    ['POST', `/api/v1/quizzes/${randomUUID()}/attempts/abc/submit`, 'path.attempt_id'],
  ])('When a student calls %s %s, then 422 names %s', async (method, path, loc) => {
    expect422(await api.call(method, path, { token: student.access }), loc);
  });

  const courseQuizzes = () => `/api/v1/courses/${randomUUID()}/quizzes`;
  const validQuiz = () => ({ lesson_id: randomUUID(), title: 'Quiz' });

  test.each([
    ['no lesson_id', { title: 'Quiz' }, 'body.lesson_id'],
    ['an empty title', { lesson_id: randomUUID(), title: '  ' }, 'body.title'],
    ['an unknown key', { ...validQuiz(), is_published: true }, 'body.is_published'],
    ['a bad quiz_type', { ...validQuiz(), quiz_type: 'exam' }, 'body.quiz_type'],
    ['a bad scoring_policy', { ...validQuiz(), scoring_policy: 'best' }, 'body.scoring_policy'],
    ['a bad show_correct_answers', { ...validQuiz(), show_correct_answers: 'always' }, 'body.show_correct_answers'],
    ['a passing_score above 100', { ...validQuiz(), passing_score: 101 }, 'body.passing_score'],
    ['a fractional time limit', { ...validQuiz(), time_limit_minutes: 1.5 }, 'body.time_limit_minutes'],
    ['a max_attempts as text', { ...validQuiz(), max_attempts: '3' }, 'body.max_attempts'],
    ['a date without a zone', { ...validQuiz(), available_from: '2030-01-01T10:00:00' }, 'body.available_from'],
  ])('When a quiz is created with %s, then 422 names the field', async (_what, body, loc) => {
    expect422(await api.post(courseQuizzes(), body, { token: instructor.access }), loc);
  });

  test('When a quiz update is empty or carries lesson_id, then 422; a valid one reaches the service', async () => {
    const path = `${courseQuizzes()}/${randomUUID()}`;
    expect422(await api.put(path, {}, { token: instructor.access }));
    expect422(await api.put(path, { lesson_id: randomUUID() }, { token: instructor.access }), 'body.lesson_id');
    expectErrorBody(await api.put(path, { available_until: '' }, { token: instructor.access }), 503);
  });

  const questions = () => `${courseQuizzes()}/${randomUUID()}/questions`;
  const mc = { question_type: 'multiple_choice', question_text: 'Pick one', points: 1, options: [{ option_text: 'A', is_correct: true }, { text: 'B' }] };

  test.each([
    ['a bad question_type', { ...mc, question_type: 'multiple' }, 'body.question_type'],
    ['zero points', { ...mc, points: 0 }, 'body.points'],
    ['no question_text', { ...mc, question_text: undefined }, 'body.question_text'],
    ['an option without text', { ...mc, options: [{ is_correct: true }] }, 'body.options.0.text'],
    ['an option with differing text and option_text', { ...mc, options: [{ text: 'A', option_text: 'B' }] }, 'body.options.0.option_text'],
    ['an option with an unknown key', { ...mc, options: [{ text: 'A', correct: true }] }, 'body.options.0.correct'],
    ['a true_false correct_answer of "yes"', { question_type: 'true_false', question_text: 'T?', points: 1, correct_answer: 'yes' }, 'body.correct_answer'],
    ['a correct_answer that is a number', { question_type: 'short_answer', question_text: 'S?', points: 1, correct_answer: 42 }, 'body.correct_answer'],
    ['a bad numeric mode', { question_type: 'numeric', question_text: 'N?', points: 1, numeric: { mode: 'about', value: 1 } }, 'body.numeric.mode'],
    ['a range with min > max', { question_type: 'numeric', question_text: 'N?', points: 1, numeric: { mode: 'range', min: 5, max: 1 } }, 'body.numeric.max'],
    ['a pair without a match', { question_type: 'matching', question_text: 'M', points: 1, pairs: [{ prompt: 'a' }] }, 'body.pairs.0.match'],
    ['a bad pool_id', { ...mc, pool_id: 'pool-1' }, 'body.pool_id'],
    ['an unknown key', { ...mc, answer_key: 'A' }, 'body.answer_key'],
  ])('When a question is created with %s, then 422 names the field', async (_what, body, loc) => {
    expect422(await api.post(questions(), body, { token: instructor.access }), loc);
  });

  test('When a question update or a reorder is malformed, then 422; a valid one reaches the service', async () => {
    const one = `${questions()}/${randomUUID()}`;
    expect422(await api.put(one, {}, { token: instructor.access }));
    expect422(await api.put(one, { version: 3 }, { token: instructor.access }), 'body.version');
    expectErrorBody(await api.put(one, { correct_answer: false }, { token: instructor.access }), 503);
    const id = randomUUID();
    expect422(await api.post(`${questions()}/reorder`, { question_ids: [id, id] }, { token: instructor.access }), 'body.question_ids');
    expect422(await api.post(`${questions()}/reorder`, { question_ids: ['x'] }, { token: instructor.access }), 'body.question_ids.0');
    expect422(await api.post(`${questions()}/reorder`, { question_ids: [] }, { token: instructor.access }), 'body.question_ids');
  });

  test('When a pool body is malformed, then 422 names the field', async () => {
    const pools = `${courseQuizzes()}/${randomUUID()}/pools`;
    expect422(await api.post(pools, { title: 'P', draw_count: 0 }, { token: instructor.access }), 'body.draw_count');
    expect422(await api.post(pools, { title: 'P' }, { token: instructor.access }), 'body.draw_count');
    expect422(await api.put(`${pools}/${randomUUID()}`, { size: 2 }, { token: instructor.access }), 'body.size');
    expect422(await api.put(`${pools}/${randomUUID()}`, {}, { token: instructor.access }));
  });

  const answers = () => `/api/v1/quizzes/${randomUUID()}/attempts/${randomUUID()}/answers`;
  test.each([
    ['no answers list', {}, 'body.answers'],
    ['an unknown key in an answer', { answers: [{ question_id: randomUUID(), choice: 'a' }] }, 'body.answers.0.choice'],
    ['an unknown key at the top', { answers: [], finish: true }, 'body.finish'],
    ['a bad question_id', { answers: [{ question_id: 'q1', answer_text: 'x' }] }, 'body.answers.0.question_id'],
    ['both selected_option_id and selected_option_ids', { answers: [{ question_id: randomUUID(), selected_option_id: 'a', selected_option_ids: ['a'] }] }, 'body.answers.0.selected_option_id'],
    ['answer_text and answer_number', { answers: [{ question_id: randomUUID(), answer_text: '1', answer_number: 1 }] }, 'body.answers.0.answer_number'],
    ['a string answer_number', { answers: [{ question_id: randomUUID(), answer_number: '1' }] }, 'body.answers.0.answer_number'],
    ['a match with an unknown key', { answers: [{ question_id: randomUUID(), matches: [{ prompt_id: 'p', match_id: 'm', x: 1 }] }] }, 'body.answers.0.matches.0.x'],
    ['the same question twice', (() => { const q = randomUUID(); return { answers: [{ question_id: q }, { question_id: q, answer_text: 'a' }] }; })(), 'body.answers'],
    ['201 answers', { answers: Array.from({ length: 201 }, () => ({ question_id: randomUUID(), answer_text: 'a' })) }, 'body.answers'],
  ])('When answers are saved with %s, then 422 names the field', async (_what, body, loc) => {
    expect422(await api.put(answers(), body, { token: student.access }), loc);
  });

  test('When 200 answers are saved, or a submit has no body, then the gateway lets them through to the service', async () => {
    const many = { answers: Array.from({ length: 200 }, () => ({ question_id: randomUUID(), answer_text: 'a' })) };
    expectErrorBody(await api.put(answers(), many, { token: student.access }), 503);
    expectErrorBody(await api.post(`/api/v1/quizzes/${randomUUID()}/attempts/${randomUUID()}/submit`, undefined, { token: student.access }), 503);
    expect422(await api.post(`/api/v1/quizzes/${randomUUID()}/attempts/${randomUUID()}/submit`, { answer: [] }, { token: student.access }), 'body.answer');
  });

  test('When grades or a regrade body are malformed, then 422; dry_run accepts only true/false', async () => {
    const grade = `/api/v1/quizzes/${randomUUID()}/attempts/${randomUUID()}/grade`;
    expect422(await api.post(grade, { grades: [] }, { token: instructor.access }), 'body.grades');
    expect422(await api.post(grade, { grades: [{ question_id: randomUUID(), points: -1 }] }, { token: instructor.access }), 'body.grades.0.points');
    expect422(await api.post(grade, { grades: [{ question_id: randomUUID(), points: 1, comment: 'x' }] }, { token: instructor.access }), 'body.grades.0.comment');
    const regrade = `/api/v1/quizzes/${randomUUID()}/regrade`;
    expect422(await api.post(regrade, { question_ids: ['x'] }, { token: instructor.access }), 'body.question_ids.0');
    expect422(await api.post(regrade, { all: true }, { token: instructor.access }), 'body.all');
    expect422(await api.post(`${regrade}?dry_run=TRUE`, undefined, { token: instructor.access }), 'query.dry_run');
    expect422(await api.post(`${regrade}?dry_run=1`, undefined, { token: instructor.access }), 'query.dry_run');
    for (const q of ['', '?dry_run=true', '?dry_run=false']) expectErrorBody(await api.post(`${regrade}${q}`, undefined, { token: instructor.access }), 503);
  });

  test('When answers are parsed, then the friendly forms become the proto Answer', () => {
    const q = randomUUID();
    const parsed = SaveAnswersBody.parse({
      answers: [
        { question_id: q, selected_option_id: 'o1' },
        { question_id: randomUUID(), answer_number: 3.25 },
        { question_id: randomUUID(), answer_boolean: false },
        { question_id: randomUUID(), matches: [{ prompt_id: 'p', match_id: 'm' }] },
        { question_id: randomUUID() },
      ],
    });
    expect(parsed.answers[0]).toEqual({ question_id: q, selected_option_ids: ['o1'], answer_text: '', matches: [], order: [] });
    expect(parsed.answers.slice(1).map((a) => a.answer_text)).toEqual(['3.25', 'false', '', '']);
    expect(parsed.answers[3].matches).toEqual([{ prompt_id: 'p', match_id: 'm' }]);
  });

  test('When questions are parsed, then option_text and text both become text, booleans become "true"/"false"', () => {
    const created = CreateQuestionBody.parse({ ...mc, pairs: [{ prompt: 'a', match: 'b' }], numeric: { mode: 'exact', value: 2 } });
    expect(created.options).toEqual([
      { id: '', text: 'A', is_correct: true },
      { id: '', text: 'B', is_correct: false },
    ]);
    expect(created.pairs).toEqual([{ id: '', prompt: 'a', match_id: '', match: 'b' }]);
    expect(created.numeric).toEqual({ mode: 'exact', value: 2, tolerance: 0, min: 0, max: 0 });
    expect(UpdateQuestionBody.parse({ correct_answer: true }).correct_answer).toBe('true');
    expect(UpdateQuestionBody.parse({ correct_answer: 'false' }).correct_answer).toBe('false');
    expect(UpdateQuestionBody.safeParse({ question_type: 'true_false', correct_answer: 'maybe' }).success).toBe(false);
    expect(CreateQuizBody.parse({ lesson_id: randomUUID(), title: ' T ' }).title).toBe('T');
  });

  test('When the seed\'s documented bodies are parsed (rows 21, 22), then they are accepted and mapped', () => {
    // Row 21, as the seed sends it (plus our lesson_id): show_correct_answers is a boolean.
    const seedQuiz = SEED_QUIZ;
    expect(CreateQuizBody.parse({ lesson_id: randomUUID(), ...seedQuiz })).toMatchObject({ ...seedQuiz, show_correct_answers: 'after_submit' });
    expect(CreateQuizBody.parse({ lesson_id: randomUUID(), ...seedQuiz, show_correct_answers: false }).show_correct_answers).toBe('never');
    expect(CreateQuizBody.parse({ lesson_id: randomUUID(), ...seedQuiz, show_correct_answers: 'after_pass' }).show_correct_answers).toBe('after_pass');
    // null = no limit / always (the seed's model: NULL = no limit, unlimited)
    expect(UpdateQuizBody.parse({ time_limit_minutes: null, max_attempts: null, available_until: null, description: null })).toEqual({
      time_limit_minutes: 0,
      max_attempts: 0,
      available_until: '',
      description: '',
    });
    // Row 22: multiple choice with option_text; true/false with the key as a string (or a boolean); short answer.
    const seedMc = CreateQuestionBody.parse({ ...SEED_MULTIPLE_CHOICE, options: SEED_MULTIPLE_CHOICE.options.slice(0, 2) });
    expect(seedMc.options!.map((o) => [o.text, o.is_correct])).toEqual([
      ["<class 'list'>", true],
      ["<class 'dict'>", false],
    ]);
    const tf = { question_text: 'Python is a compiled language', question_type: 'true_false', points: 2, explanation: 'Python is an interpreted language' };
    expect(CreateQuestionBody.parse({ ...tf, correct_answer: 'false' }).correct_answer).toBe('false');
    expect(CreateQuestionBody.parse({ ...tf, correct_answer: false }).correct_answer).toBe('false');
    expect(CreateQuestionBody.parse({ ...tf, correct_answer: 'True' }).correct_answer).toBe('True'); // the service lower-cases
    const sa = CreateQuestionBody.parse({ question_text: 'Capital of Egypt?', question_type: 'short_answer', points: 1, correct_answer: 'Cairo' });
    expect(sa.correct_answer).toBe('Cairo');
  });

  test('When responses are shaped, then absent values are null and the seed\'s names are there', () => {
    const quiz = {
      id: randomUUID(),
      course_id: randomUUID(),
      lesson_id: randomUUID(),
      instructor_id: randomUUID(),
      title: 'Q',
      description: '',
      time_limit_minutes: 0,
      max_attempts: 0,
      available_from: '',
      available_until: '',
      published_at: '',
    };
    expect(toPublic(QuizSchema, quiz)).toMatchObject({ description: null, time_limit_minutes: null, max_attempts: null, available_from: null, published_at: null });
    expect(toPublic(QuizSchema, { ...quiz, time_limit_minutes: 30, max_attempts: 3 })).toMatchObject({ time_limit_minutes: 30, max_attempts: 3 });
    const attempt = { id: randomUUID(), started_at: '2030-01-01T00:00:00.000Z', deadline_at: '', time_remaining_seconds: -1, submitted_at: '', last_saved_at: '', answers: [] };
    expect(toPublic(AttemptSchema, attempt)).toMatchObject({ deadline_at: null, time_remaining_seconds: null, submitted_at: null, last_saved_at: null });
    expect(toPublic(AttemptSchema, { ...attempt, time_remaining_seconds: 0 })).toMatchObject({ time_remaining_seconds: 0 });
    expect(toPublic(QuestionSchema, { pool_id: '', explanation: '', correct_answer: '', max_length: 0, numeric: null })).toMatchObject({
      pool_id: null,
      explanation: null,
      correct_answer: null,
      max_length: null,
      numeric: null,
    });

    const summary = { id: randomUUID(), status: 'in_progress', passed: false, score: 0, percentage: 0, submitted_at: '', graded_at: '', deadline_at: '' };
    const mine = toPublic(
      MyAttemptsSchema,
      presentMyAttempts({ items: [summary] as any, scoring_policy: 'highest', kept_percentage: 0, kept_score: 0, passed: false, attempts_used: 1, attempts_remaining: -1 }),
    ) as any;
    expect(mine).toMatchObject({ total: 1, kept_percentage: null, kept_score: null, attempts_remaining: null });
    expect(mine.attempts[0]).toMatchObject({ is_passed: false, submitted_at: null, graded_at: null, deadline_at: null });
    expect('items' in mine).toBe(false);

    const result = toPublic(
      AttemptResultSchema,
      presentResult({
        attempt: { ...attempt, quiz_id: randomUUID(), attempt_number: 1, status: 'graded', submitted_at: '2030-01-01T00:10:00.000Z' } as any,
        score: 1,
        max_score: 2,
        percentage: 50,
        passed: false,
        graded_at: '',
        time_spent_seconds: 600,
        answers_revealed: false,
        passing_score: 70,
        questions: [{ question_id: randomUUID(), points: 1, points_earned: 1, is_correct: true, correctness: 'correct', answers_revealed: false, feedback: '' } as any],
      }),
    ) as any;
    expect(result).toMatchObject({ id: attempt.id, status: 'graded', attempt_number: 1, is_passed: false, passed: false, submitted_at: '2030-01-01T00:10:00.000Z', graded_at: null });
    expect(result.answers).toEqual([{ question_id: result.questions[0].question_id, is_correct: true, points_earned: 1, points: 1, correctness: 'correct' }]);
    expect(result.questions[0].feedback).toBeNull();
  });

  test('When a result is not revealed, then its key fields are dropped; when revealed, then kept', () => {
    const base = {
      question_id: randomUUID(),
      question_type: 'short_answer',
      question_text: 'Capital?',
      position: 1,
      points: 1,
      points_earned: 1,
      correctness: 'correct',
      is_correct: true,
      answer: null,
      feedback: '',
      correct_answer: null,
      accepted_answers: [],
      numeric: null,
      explanation: '',
      options: [],
      prompts: [],
      matches: [],
      version: 1,
    };
    const hidden = presentQuestionResult({ ...base, answers_revealed: false });
    for (const key of ['correct_answer', 'accepted_answers', 'numeric', 'explanation']) expect([key, key in hidden]).toEqual([key, false]);
    const shown = presentQuestionResult({ ...base, answers_revealed: true, accepted_answers: ['Paris'], explanation: 'Because.' });
    expect(shown).toMatchObject({ accepted_answers: ['Paris'], explanation: 'Because.' });
  });
});
