#!/usr/bin/env node
// Loads the demo dataset through the public API (the same door users use), idempotently.
// Usage: node scripts/demo-data.js BASE_URL ADMIN_EMAIL ADMIN_PASSWORD DEMO_PASSWORD
const [base, adminEmail, adminPassword, demoPassword] = process.argv.slice(2);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function call(method, path, body, token) {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    // The gateway's per-client limits apply to this script too, and a busy machine can make a service miss its
    // deadline (503): wait as told and try again (a retried create then answers 409, which the callers accept).
    if ((res.status === 429 || res.status === 503) && attempt < 3) {
      const wait = Math.min(Number(res.headers.get('retry-after')) || (res.status === 429 ? 5 : 2), 60);
      console.log(`[demo] ${res.status === 429 ? 'rate limited' : `${method} ${path}: 503`}, waiting ${wait} s`);
      await sleep(wait * 1000);
      continue;
    }
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }
}

async function main() {
  const login = await call('POST', '/auth/login', { email: adminEmail, password: adminPassword });
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status} ${JSON.stringify(login.body)}`);
  const admin = login.body.access_token;
  const demo = [
    { email: 'instructor@lms.local', full_name: 'Ines Instructor', role: 'instructor' },
    { email: 'student@lms.local', full_name: 'Sami Student', role: 'student' },
    { email: 'student2@lms.local', full_name: 'Layla Learner', role: 'student' },
    // An Arabic name: her certificate shows it right to left (Noto Naskh Arabic in the certificate image).
    { email: 'student3@lms.local', full_name: 'ليلى عبد الله', role: 'student' },
  ];
  for (const user of demo) {
    const res = await call('POST', '/users', { ...user, password: demoPassword }, admin);
    if (res.status === 201) console.log(`[demo] created ${user.role} ${user.email}`);
    else if (res.status === 409) console.log(`[demo] ${user.email} already exists`);
    else throw new Error(`creating ${user.email}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const courses = await demoCourses(demoPassword);
  await demoMedia(courses, demoPassword);
  await demoLearning(courses, demoPassword);
  await demoCertificates(courses, demoPassword, admin);
}

const COURSES = [
  {
    slug: 'typescript-for-backend-engineers',
    course: {
      title: 'TypeScript for Backend Engineers',
      description: 'Types, async code and testing for Node.js services.',
      category: 'Programming',
      difficulty_level: 'intermediate',
      price: 0,
      tags: ['typescript', 'node', 'backend'],
      learning_objectives: ['Model a domain with types', 'Test services against real databases'],
    },
    lessons: [
      { title: 'Why types pay off', lesson_type: 'video', video_url: 'https://videos.example.com/ts-backend/why-types.mp4', duration_minutes: 8, is_preview: true, content: '# Why types pay off' },
      { title: 'Async without tears', lesson_type: 'text', duration_minutes: 15, content: '# Promises and async/await' },
      { title: 'Testing against real servers', lesson_type: 'text', duration_minutes: 20, content: '# Real parts, not mocks' },
      { title: 'Check your understanding', lesson_type: 'quiz', duration_minutes: 15, content: 'A short quiz on the lessons above.' },
    ],
    quiz: {
      lesson: 'Check your understanding',
      settings: {
        title: 'Check your understanding',
        description: 'Five questions on types, async code and testing. 60% to pass, 15 minutes, 3 attempts.',
        passing_score: 60,
        time_limit_minutes: 15,
        max_attempts: 3,
        show_correct_answers: 'after_submit',
      },
      questions: [
        {
          question_type: 'multiple_choice',
          question_text: 'Which type do you give a value that must be narrowed before it can be used?',
          points: 1,
          explanation: '`unknown` accepts anything but allows nothing until narrowed; `any` switches type checking off.',
          options: [
            { text: 'any', is_correct: false },
            { text: 'unknown', is_correct: true },
            { text: 'never', is_correct: false },
            { text: 'object', is_correct: false },
          ],
        },
        {
          question_type: 'true_false',
          question_text: '`await` inside a `for` loop runs the iterations concurrently.',
          points: 1,
          explanation: 'Each iteration waits for the previous one; use `Promise.all` for concurrency.',
          correct_answer: 'false',
        },
        {
          question_type: 'multiple_answer',
          question_text: 'Which of these are built-in Promise combinators?',
          points: 2,
          explanation: '`Promise.each` comes from Bluebird, not from the language.',
          options: [
            { text: 'Promise.all', is_correct: true },
            { text: 'Promise.allSettled', is_correct: true },
            { text: 'Promise.any', is_correct: true },
            { text: 'Promise.each', is_correct: false },
          ],
        },
        {
          question_type: 'short_answer',
          question_text: "Which operator gives the union of an object type's keys?",
          points: 1,
          explanation: '`keyof { a: 1; b: 2 }` is `"a" | "b"`.',
          accepted_answers: ['keyof'],
        },
        {
          question_type: 'numeric',
          question_text: '30 of a suite\'s 40 tests pass. What percentage passes?',
          points: 1,
          explanation: '30 / 40 = 0.75.',
          numeric: { mode: 'exact', value: 75 },
        },
      ],
    },
  },
  {
    slug: 'arabic-calligraphy-basics',
    course: {
      title: 'Arabic Calligraphy Basics — أساسيات الخط العربي',
      description: 'Naskh letter forms, tools and first words.',
      category: 'Arts',
      difficulty_level: 'beginner',
      price: 19.99,
      currency: 'USD',
      tags: ['calligraphy', 'arabic'],
    },
    lessons: [
      { title: 'Tools and posture', lesson_type: 'video', video_url: 'https://videos.example.com/calligraphy/tools-and-posture.mp4', duration_minutes: 10, is_preview: true },
      { title: 'The alif as a unit of measure', lesson_type: 'text', duration_minutes: 12 },
    ],
  },
];

/**
 * Two published courses by the demo instructor (skipped when their slugs already exist), one with a quiz.
 * Returns, per slug, the course id, its lesson ids by title and its quiz id.
 */
async function demoCourses(demoPassword) {
  const login = await call('POST', '/auth/login', { email: 'instructor@lms.local', password: demoPassword });
  if (login.status !== 200) throw new Error(`instructor login failed: ${login.status}`);
  const token = login.body.access_token;
  const ids = {};
  const remember = async (demo, courseId, quizId) => {
    const lessons = must(await call('GET', `/courses/${courseId}/lessons`, undefined, token), 'listing lessons', 200).lessons;
    ids[demo.slug] = { courseId, quizId, lessons: Object.fromEntries(lessons.map((l) => [l.title, l.id])) };
  };
  for (const demo of COURSES) {
    const existing = await call('GET', `/courses/my/courses?page=1&page_size=100`, undefined, token);
    const found = existing.body.courses.find((c) => c.slug === demo.slug);
    if (found) {
      console.log(`[demo] course ${demo.slug} already exists`);
      await remember(demo, found.id, demo.quiz ? await demoQuiz(token, found.id, demo) : undefined);
      continue;
    }
    const created = await call('POST', '/courses', { ...demo.course, slug: demo.slug }, token);
    if (created.status !== 201) throw new Error(`creating course ${demo.slug}: ${created.status} ${JSON.stringify(created.body)}`);
    const courseId = created.body.id;
    const section = await call('POST', `/courses/${courseId}/sections`, { title: 'Getting started' }, token);
    for (const lesson of demo.lessons) {
      const res = await call('POST', `/courses/${courseId}/lessons`, { ...lesson, section_id: section.body.id }, token);
      if (res.status !== 201) throw new Error(`creating lesson: ${res.status} ${JSON.stringify(res.body)}`);
      await call('POST', `/lessons/${res.body.id}/publish`, undefined, token);
    }
    const published = await call('POST', `/courses/${courseId}/publish`, undefined, token);
    if (published.status !== 200) throw new Error(`publishing ${demo.slug}: ${published.status} ${JSON.stringify(published.body)}`);
    console.log(`[demo] published course ${demo.slug} with ${demo.lessons.length} lessons`);
    await remember(demo, courseId, demo.quiz ? await demoQuiz(token, courseId, demo) : undefined);
  }
  return ids;
}

/**
 * Files through the media service: the instructor uploads a PDF handout and a PNG cover (multipart, as a browser
 * does) and attaches the handout to a lesson (`attachment_file_ids`). Each step is skipped when already done.
 */
async function demoMedia(courses, demoPassword) {
  const login = must(await call('POST', '/auth/login', { email: 'instructor@lms.local', password: demoPassword }), 'instructor login', 200);
  const token = login.access_token;
  const listed = await call('GET', '/files/my-files?page=1&page_size=100', undefined, token);
  if (listed.status === 404 || listed.status === 503) {
    console.log(`[demo] no files: the gateway answers ${listed.status} on /files (media not deployed?)`);
    return;
  }
  const mine = must(listed, 'listing my files', 200).files;
  // A file is served by the storage it was uploaded to: after switching `make run` <-> `make run S3=1` the demo
  // files are uploaded again to the storage in use (and the handout attachment moves to the new copy).
  const provider = process.env.STORAGE_PROVIDER || 'local';
  const sameName = (name) => mine.filter((f) => (f.original_filename ?? f.filename) === name);
  const named = (name) => sameName(name).find((f) => f.storage_provider === provider);
  const upload = async (name, type, bytes, fields) => {
    const existing = named(name);
    if (existing) {
      console.log(`[demo] file ${name} already uploaded (id ${existing.id})`);
      return existing;
    }
    const form = new FormData();
    // Fields before the file: the gateway streams the file part to media as it arrives.
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([bytes], { type }), name);
    const res = await fetch(`${base}/api/v1/files/upload`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    const text = await res.text();
    const file = must({ status: res.status, body: text ? JSON.parse(text) : undefined }, `uploading ${name}`, 201);
    console.log(`[demo] uploaded ${name} (${file.file_type}, ${file.file_size} bytes, id ${file.id})`);
    return file;
  };
  const handout = await upload('typescript-cheatsheet.pdf', 'application/pdf', demoPdf('TypeScript for Backend Engineers: cheat sheet'), { folder: 'handouts', is_public: 'false' });
  const cover = await upload('typescript-cover.png', 'image/png', demoPng(32, 18), { folder: 'covers', is_public: 'true' });

  const lessonId = courses['typescript-for-backend-engineers'].lessons['Testing against real servers'];
  const lesson = must(await call('GET', `/lessons/${lessonId}`, undefined, token), 'reading the lesson', 200);
  if (!('attachments' in lesson)) {
    console.log('[demo] lessons have no attachments yet (catalog without file references): the handout is not attached');
  } else if ((lesson.attachments || []).some((a) => a.file_id === handout.id)) {
    console.log(`[demo] ${handout.original_filename ?? handout.filename} already attached to "${lesson.title}"`);
  } else {
    const earlierCopies = new Set(sameName('typescript-cheatsheet.pdf').map((f) => f.id));
    const ids = [...(lesson.attachments || []).map((a) => a.file_id).filter((id) => !earlierCopies.has(id)), handout.id];
    must(await call('PUT', `/lessons/${lessonId}`, { attachment_file_ids: ids }, token), 'attaching the handout', 200);
    console.log(`[demo] attached the handout to "${lesson.title}"`);
  }
  console.log(`[demo] files: ${base}/api/v1/files/download/${handout.id} (enrolled students, the instructor), ${base}/api/v1/files/download/${cover.id} (public)`);
}

/** A one-page PDF (header, objects, cross-reference table, trailer): what media's inspection accepts as a PDF. */
function demoPdf(text) {
  const content = `BT /F1 18 Tf 40 760 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const at = Buffer.byteLength(body, 'latin1');
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xrefAt = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** An RGB PNG of width × height (a colour gradient): IHDR, zlib-compressed IDAT, IEND with their CRCs. */
function demoPng(width, height) {
  const { deflateSync, crc32 } = require('node:zlib');
  const u32 = (n) => { const b = Buffer.alloc(4); b.writeUInt32BE(n >>> 0); return b; };
  const chunk = (type, data) => { const td = Buffer.concat([Buffer.from(type, 'ascii'), data]); return Buffer.concat([u32(data.length), td, u32(crc32(td))]); };
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) row.set([0x31, (x * 8) & 0xff, 0x80 + ((y * 7) & 0x7f)], 1 + x * 3);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', Buffer.concat([u32(width), u32(height), Buffer.from([8, 2, 0, 0, 0])])),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function must(res, what, ...ok) {
  if (!ok.includes(res.status)) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * The demo course's quiz, on its quiz lesson: created, given its questions and published, through the
 * quiz routes. Each step is skipped when already done (a course from an earlier run without the quiz
 * lesson gets it added and published), so running this again changes nothing.
 */
async function demoQuiz(token, courseId, demo) {
  const spec = demo.quiz;
  const lessons = must(await call('GET', `/courses/${courseId}/lessons`, undefined, token), 'listing lessons', 200).lessons;
  let lesson = lessons.find((l) => l.lesson_type === 'quiz' && l.title === spec.lesson);
  if (!lesson) {
    const def = demo.lessons.find((l) => l.title === spec.lesson);
    lesson = must(await call('POST', `/courses/${courseId}/lessons`, def, token), 'creating the quiz lesson', 201);
    console.log(`[demo] added quiz lesson "${spec.lesson}" to ${demo.slug}`);
  }
  if (!lesson.is_published) must(await call('POST', `/lessons/${lesson.id}/publish`, undefined, token), 'publishing the quiz lesson', 200);

  const quizzes = must(await call('GET', `/courses/${courseId}/quizzes?lesson_id=${lesson.id}`, undefined, token), 'listing quizzes', 200).quizzes;
  let quiz = quizzes.find((q) => q.title === spec.settings.title);
  if (quiz && quiz.is_published) {
    console.log(`[demo] quiz "${quiz.title}" already exists (id ${quiz.id})`);
    return quiz.id;
  }
  if (!quiz) quiz = must(await call('POST', `/courses/${courseId}/quizzes`, { lesson_id: lesson.id, ...spec.settings }, token), 'creating the quiz', 201);
  const base = `/courses/${courseId}/quizzes/${quiz.id}`;
  const have = new Set(must(await call('GET', `${base}/questions`, undefined, token), 'listing questions', 200).questions.map((q) => q.question_text));
  for (const question of spec.questions) {
    if (!have.has(question.question_text)) must(await call('POST', `${base}/questions`, question, token), `creating a ${question.question_type} question`, 201);
  }
  must(await call('POST', `${base}/publish`, undefined, token), 'publishing the quiz', 200);
  console.log(`[demo] published quiz "${quiz.title}" with ${spec.questions.length} questions in ${demo.slug} (id ${quiz.id})`);
  return quiz.id;
}

/**
 * Some learning, so the analytics dashboards have figures: what each demo student does in a course (lessons by
 * title: seconds spent, then completed or not; the quiz passed or failed; a review). A journey runs only when
 * its enrolment is new (409 = done by an earlier run), so running this again changes nothing.
 */
const JOURNEYS = [
  {
    email: 'student@lms.local',
    courses: [
      {
        slug: 'typescript-for-backend-engineers',
        lessons: [
          ['Why types pay off', 240, true],
          ['Async without tears', 300, true],
          ['Testing against real servers', 150, false],
        ],
        quiz: 'pass',
        review: { rating: 5, review: 'Clear examples, and tests against real servers: exactly what I needed.' },
      },
    ],
  },
  {
    email: 'student2@lms.local',
    courses: [
      {
        slug: 'typescript-for-backend-engineers',
        lessons: [['Why types pay off', 200, true]],
        quiz: 'fail',
      },
      {
        slug: 'arabic-calligraphy-basics',
        lessons: [
          ['Tools and posture', 180, true],
          ['The alif as a unit of measure', 120, false],
        ],
        review: { rating: 4, review: 'A calm, careful introduction to the Naskh letter forms.' },
      },
    ],
  },
];

/** The demo quiz's answers: all right (`pass`), or all but the true/false one wrong (`fail`). */
function quizAnswers(questions, outcome) {
  const pass = outcome === 'pass';
  const option = (q, texts) => q.options.filter((o) => texts.includes(o.text)).map((o) => o.id);
  return questions.map((q) => {
    const answer = { question_id: q.id };
    if (q.question_type === 'multiple_choice') answer.selected_option_ids = option(q, [pass ? 'unknown' : 'any']);
    else if (q.question_type === 'multiple_answer') answer.selected_option_ids = option(q, pass ? ['Promise.all', 'Promise.allSettled', 'Promise.any'] : ['Promise.each']);
    else if (q.question_type === 'true_false') answer.answer_boolean = false;
    else if (q.question_type === 'short_answer') answer.answer_text = pass ? 'keyof' : 'typeof';
    else if (q.question_type === 'numeric') answer.answer_number = pass ? 75 : 70;
    return answer;
  });
}

/** Starts a lesson, records time on it and, when `complete`, completes it (`label` names it in errors). */
async function studyLesson(token, enrollmentId, lessonId, seconds, complete, label) {
  const lessonPath = `/enrollments/${enrollmentId}/lessons/${lessonId}`;
  must(await call('POST', `${lessonPath}/start`, undefined, token), `starting ${label}`, 200);
  must(await call('PUT', `${lessonPath}/progress`, { time_spent_seconds: seconds }, token), `time on ${label}`, 200);
  if (complete) must(await call('POST', `${lessonPath}/complete`, undefined, token), `completing ${label}`, 200);
}

async function demoLearning(courses, demoPassword) {
  for (const journey of JOURNEYS) {
    const login = must(await call('POST', '/auth/login', { email: journey.email, password: demoPassword }), `${journey.email} login`, 200);
    const token = login.access_token;
    for (const plan of journey.courses) {
      const course = courses[plan.slug];
      const enrolled = await call('POST', '/enrollments', { course_id: course.courseId }, token);
      if (enrolled.status === 409) {
        console.log(`[demo] ${journey.email} already enrolled in ${plan.slug}`);
        continue;
      }
      const enrollmentId = must(enrolled, `enrolling ${journey.email} in ${plan.slug}`, 201).id;
      for (const [title, seconds, complete] of plan.lessons) {
        await studyLesson(token, enrollmentId, course.lessons[title], seconds, complete, `"${title}"`);
      }
      if (plan.quiz && course.quizId) {
        const attempts = `/quizzes/${course.quizId}/attempts`;
        const attempt = must(await call('POST', attempts, undefined, token), 'starting the quiz', 201, 200);
        const paper = must(await call('GET', `${attempts}/start`, undefined, token), 'the quiz paper', 200);
        const result = must(
          await call('POST', `${attempts}/${attempt.id}/submit`, { answers: quizAnswers(paper.questions, plan.quiz) }, token),
          'submitting the quiz',
          200,
        );
        console.log(`[demo] ${journey.email} took the quiz: ${result.percentage}% (${result.passed ? 'passed' : 'failed'})`);
      }
      if (plan.review) must(await call('POST', `/enrollments/${enrollmentId}/review`, plan.review, token), 'reviewing', 200);
      console.log(`[demo] ${journey.email} enrolled in ${plan.slug}: ${plan.lessons.length} lessons opened${plan.review ? ', reviewed' : ''}`);
    }
  }
  const ts = courses['typescript-for-backend-engineers'];
  console.log(`[demo] analytics: ${base}/api/v1/analytics/my-dashboard (as student@lms.local),`);
  console.log(`[demo]            ${base}/api/v1/analytics/courses/${ts.courseId} (as instructor@lms.local)`);
}

/**
 * Certificates: the demo student finishes the TypeScript course (the lessons left open by the journey above; the
 * quiz lesson counts once the quiz is passed) and the Arabic-named learner finishes the calligraphy course. Completing
 * an enrolment makes enrollment publish enrollment.completed, on which the certificate service issues a certificate
 * and renders its PDF; this waits for both and prints the number, the public verification URL and the download URL.
 * An enrolment completed before the certificate service existed has no certificate: the admin generates it
 * (POST /certificates/generate/{enrollment_id}, what the route is for). Running this again changes nothing.
 */
const GRADUATES = [
  { email: 'student@lms.local', slug: 'typescript-for-backend-engineers' },
  { email: 'student3@lms.local', slug: 'arabic-calligraphy-basics' },
];

async function demoCertificates(courses, demoPassword, admin) {
  const probe = await call('GET', '/certificates/my-certificates', undefined, admin);
  if (probe.status === 404 || probe.status === 503) {
    console.log(`[demo] no certificates: the gateway answers ${probe.status} on /certificates (certificate not deployed?)`);
    return;
  }
  for (const { email, slug } of GRADUATES) {
    const token = must(await call('POST', '/auth/login', { email, password: demoPassword }), `${email} login`, 200).access_token;
    const course = courses[slug];
    const enrollment = await finishCourse(token, email, slug, course);
    if (!enrollment) continue;
    const certificate = await awaitCertificate(token, admin, email, enrollment);
    if (!certificate) continue;
    const pdf = await awaitPdf(token, certificate);
    console.log(`[demo] ${email} (${certificate.student_name}) holds certificate ${certificate.certificate_number} for "${certificate.course_title}"`);
    console.log(`[demo]   verify (public): ${base}/api/v1/certificates/verify/${certificate.certificate_number}`);
    console.log(`[demo]   download (as ${email}): ${base}/api/v1/certificates/${certificate.id}/download${pdf ? ` (PDF ${pdf} bytes)` : ' (PDF still rendering)'}`);
  }
  console.log(`[demo] issuer (did:web): ${base}/.well-known/did.json`);
}

/** Completes every lesson of the course still open (the quiz lesson only through a passed quiz). Returns the enrolment. */
async function finishCourse(token, email, slug, course) {
  const mine = must(await call('GET', '/enrollments/my-courses?page=1&page_size=100', undefined, token), 'listing my courses', 200).enrollments;
  let enrollment = mine.find((e) => e.course_id === course.courseId);
  if (!enrollment) enrollment = must(await call('POST', '/enrollments', { course_id: course.courseId }, token), `enrolling ${email} in ${slug}`, 201);
  if (enrollment.status === 'completed') return enrollment;
  const progress = must(await call('GET', `/enrollments/${enrollment.id}/progress`, undefined, token), 'reading progress', 200);
  const quizLessons = new Set(COURSES.find((c) => c.slug === slug).lessons.filter((l) => l.lesson_type === 'quiz').map((l) => course.lessons[l.title]));
  let completed = 0;
  for (const lesson of progress.lessons) {
    if (lesson.progress.status === 'completed' || quizLessons.has(lesson.lesson_id)) continue;
    await studyLesson(token, enrollment.id, lesson.lesson_id, 240, true, 'a lesson');
    completed++;
  }
  const after = must(await call('GET', `/enrollments/${enrollment.id}`, undefined, token), 'reading the enrolment', 200);
  if (after.status !== 'completed') {
    console.log(`[demo] ${email} has not finished ${slug} (${after.progress_percentage}%: the quiz not passed?): no certificate`);
    return null;
  }
  if (completed) console.log(`[demo] ${email} completed ${slug} (${completed} more lessons)`);
  return after;
}

/** The certificate of the enrolment: issued by the service on enrollment.completed (waited for), else generated by the admin. */
async function awaitCertificate(token, admin, email, enrollment) {
  const find = async () =>
    must(await call('GET', '/certificates/my-certificates', undefined, token), 'listing my certificates', 200).certificates.find(
      (c) => c.course_id === enrollment.course_id,
    );
  for (let waited = 0; waited < 20_000; waited += 500) {
    const found = await find();
    if (found) return found;
    await sleep(500);
  }
  console.log(`[demo] no certificate for ${email} after 20 s (completed before the certificate service ran?): the admin generates it`);
  const generated = await call('POST', `/certificates/generate/${enrollment.id}`, undefined, admin);
  if (generated.status !== 200) {
    console.log(`[demo] generating ${email}'s certificate: ${generated.status} ${JSON.stringify(generated.body)}`);
    return null;
  }
  return generated.body;
}

/** Downloads the certificate's PDF once rendered (503 + Retry-After meanwhile). Returns its size, or null after ~60 s. */
async function awaitPdf(token, certificate) {
  for (let waited = 0; waited < 60_000; ) {
    const res = await fetch(`${base}/api/v1/certificates/${certificate.id}/download`, { headers: { authorization: `Bearer ${token}` } });
    const bytes = Buffer.from(await res.arrayBuffer());
    if (res.status === 200) {
      if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error(`certificate ${certificate.certificate_number}: the download is not a PDF`);
      return bytes.length;
    }
    if (res.status !== 503) throw new Error(`downloading certificate ${certificate.certificate_number}: ${res.status} ${bytes.toString('utf8').slice(0, 300)}`);
    const wait = Math.min(Number(res.headers.get('retry-after')) || 2, 5) * 1000;
    await sleep(wait);
    waited += wait;
  }
  return null;
}

main().catch((err) => {
  console.error(`[demo] ${err.message}`);
  process.exit(1);
});
