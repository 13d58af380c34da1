import { Api } from './client';

const PASSWORD = 'Chaos-Passw0rd!';

export interface Course {
  id: string;
  textLessons: string[];
  quizId: string;
  /** The quiz's single true/false question and its right answer. */
  answer: { question_id: string; answer_text: string };
}

export interface Person {
  id: string;
  token: string;
  email: string;
}

function expectStatus(what: string, answer: { status: number; body: unknown }, ...ok: number[]) {
  if (!ok.includes(answer.status)) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
  return answer.body as any; // eslint-disable-line @typescript-eslint/no-explicit-any -- the API's JSON
}

export async function signUp(api: Api, label: string, role: 'student' | 'instructor'): Promise<Person> {
  const email = `${label}@chaos.example.com`;
  const user = expectStatus(`register ${label}`, await api.call('register', 'POST', '/api/v1/auth/register', { body: { email, password: PASSWORD, full_name: `Chaos ${label}`, role }, idempotent: true }), 201);
  const login = expectStatus(`login ${label}`, await api.call('login', 'POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } }), 200);
  return { id: user.id, token: login.access_token, email };
}

export async function login(api: Api, person: Person): Promise<number> {
  return (await api.once('probe login', 'POST', '/api/v1/auth/login', { body: { email: person.email, password: PASSWORD } })).status;
}

/** A published course of `lessons` text lessons and a final quiz lesson (one true/false question, `minutes` to answer). */
export async function seedCourse(api: Api, teacher: Person, n: number, lessons: number, minutes: number): Promise<Course> {
  const token = teacher.token;
  const course = expectStatus('course', await api.call('create course', 'POST', '/api/v1/courses', { token, body: { title: `Chaos course ${n}`, description: 'chaos' }, idempotent: true }), 201);
  const textLessons: string[] = [];
  for (let i = 0; i < lessons; i++) textLessons.push(await addLesson(api, teacher, course.id, `Lesson ${i + 1}`));
  const quizLesson = expectStatus(
    'quiz lesson',
    await api.call('create lesson', 'POST', `/api/v1/courses/${course.id}/lessons`, { token, body: { title: 'Final check', lesson_type: 'quiz', content: 'The quiz' } }),
    201,
  );
  expectStatus('publish quiz lesson', await api.call('publish lesson', 'POST', `/api/v1/lessons/${quizLesson.id}/publish`, { token }), 200);
  const quiz = expectStatus(
    'quiz',
    await api.call('create quiz', 'POST', `/api/v1/courses/${course.id}/quizzes`, {
      token,
      body: { lesson_id: quizLesson.id, title: 'Final check', passing_score: 60, time_limit_minutes: minutes, max_attempts: 50 },
    }),
    201,
  );
  const base = `/api/v1/courses/${course.id}/quizzes/${quiz.id}`;
  expectStatus(
    'question',
    await api.call('create question', 'POST', `${base}/questions`, { token, body: { question_type: 'true_false', question_text: 'Is the outbox transactional?', points: 1, correct_answer: 'true' } }),
    201,
  );
  expectStatus('publish quiz', await api.call('publish quiz', 'POST', `${base}/publish`, { token }), 200);
  const questions = expectStatus('questions', await api.call('list questions', 'GET', `${base}/questions`, { token }), 200).questions;
  expectStatus('publish course', await api.call('publish course', 'POST', `/api/v1/courses/${course.id}/publish`, { token }), 200);
  return { id: course.id, textLessons, quizId: quiz.id, answer: { question_id: questions[0].id, answer_text: 'true' } };
}

/** A new published text lesson (published courses get a new version: every enrolment's progress is recomputed). */
export async function addLesson(api: Api, teacher: Person, courseId: string, title: string): Promise<string> {
  const token = teacher.token;
  const lesson = expectStatus(
    `lesson ${title}`,
    await api.call('create lesson', 'POST', `/api/v1/courses/${courseId}/lessons`, { token, body: { title, lesson_type: 'text', content: `# ${title}` } }),
    201,
  );
  expectStatus(`publish ${title}`, await api.call('publish lesson', 'POST', `/api/v1/lessons/${lesson.id}/publish`, { token }), 200);
  return lesson.id;
}

interface Learning {
  enrollmentId?: string;
  done: Set<string>;
  quiz: 'todo' | 'passed' | 'abandoned';
}

/**
 * Virtual users: each round picks a student and a course at random (seeded) and takes that student's next step —
 * enrol, complete the next lesson, take the quiz (submit the right answer, or leave a share of the attempts to
 * their deadline) — or, now and then, the instructor publishes a new lesson. Statuses go to the api's tally; a step whose
 * retries ran out is counted in `failedSteps` (the report lists them) and tried again later.
 */
export function learners(api: Api, opts: { teacher: Person; students: Person[]; courses: Course[]; random: () => number; newLessonEvery: number; abandonShare: number }) {
  const state = new Map<string, Learning>();
  const key = (s: Person, c: Course) => `${s.id}/${c.id}`;
  let failedSteps = 0;
  let steps = 0;
  let lessonsAdded = 0;
  const failed = (what: string, status: number) => {
    failedSteps++;
    if (failedSteps <= 10) process.stderr.write(`[chaos] step failed: ${what} → ${status}\n`);
  };

  async function step(): Promise<void> {
    steps++;
    const r = opts.random;
    if (r() < opts.newLessonEvery) {
      const course = opts.courses[Math.floor(r() * opts.courses.length)];
      const id = await addLesson(api, opts.teacher, course.id, `Added ${++lessonsAdded}`).catch((err: Error) => (failed(`new lesson: ${err.message}`, -1), undefined));
      if (id) course.textLessons.push(id);
      return;
    }
    const student = opts.students[Math.floor(r() * opts.students.length)];
    const course = opts.courses[Math.floor(r() * opts.courses.length)];
    const s = state.get(key(student, course)) ?? { done: new Set<string>(), quiz: 'todo' };
    state.set(key(student, course), s);
    const token = student.token;
    if (!s.enrollmentId) {
      const res = await api.call('enrol', 'POST', '/api/v1/enrollments', { token, body: { course_id: course.id }, idempotent: true });
      if (res.status === 201 || res.status === 200) s.enrollmentId = res.body.id;
      else if (res.status === 409) {
        // enrolled by an earlier try whose answer was lost: find it
        const mine = await api.call('my courses', 'GET', '/api/v1/enrollments/my-courses?page_size=100', { token });
        const found = mine.status === 200 ? (mine.body.enrollments ?? mine.body.courses ?? []).find((e: { course_id: string }) => e.course_id === course.id) : undefined;
        if (found) s.enrollmentId = found.id;
        else failed('enrol (409, not in my-courses)', mine.status);
      } else failed('enrol', res.status);
      return;
    }
    const next = course.textLessons.find((l) => !s.done.has(l));
    if (next) {
      const res = await api.call('complete', 'POST', `/api/v1/enrollments/${s.enrollmentId}/lessons/${next}/complete`, { token, body: {} });
      if (res.status === 200 || res.status === 201) s.done.add(next);
      else failed('complete', res.status);
      return;
    }
    if (s.quiz !== 'todo') {
      const res = await api.call('progress', 'GET', `/api/v1/enrollments/${s.enrollmentId}/progress`, { token });
      if (res.status !== 200) failed('progress', res.status);
      return;
    }
    const started = await api.call('start attempt', 'POST', `/api/v1/quizzes/${course.quizId}/attempts`, { token });
    if (started.status !== 200 && started.status !== 201) return failed('start attempt', started.status);
    if (r() < opts.abandonShare) {
      // left to its deadline: the quiz service closes and grades it (a timer consumer), the student moves on
      s.quiz = 'abandoned';
      return;
    }
    const submit = await api.call('submit', 'POST', `/api/v1/quizzes/${course.quizId}/attempts/${started.body.id}/submit`, { token, body: { answers: [course.answer] } });
    // 409: a retried submit whose first try was graded (its answer lost on the way)
    if (submit.status === 200 || submit.status === 409) s.quiz = 'passed';
    else failed('submit', submit.status);
  }

  return {
    /** `concurrency` virtual users until `until()` says stop. */
    run: async (concurrency: number, until: () => boolean) => {
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (!until()) await step().catch((err: Error) => failed(`client: ${err.message}`, -1));
        }),
      );
    },
    figures: () => ({ steps, failedSteps, lessonsAdded, abandonedAttempts: [...state.values()].filter((s) => s.quiz === 'abandoned').length }),
  };
}
