#!/usr/bin/env node
// Loads the demo dataset through the public API (the same door users use), idempotently.
// Usage: node scripts/demo-data.js BASE_URL ADMIN_EMAIL ADMIN_PASSWORD DEMO_PASSWORD
const [base, adminEmail, adminPassword, demoPassword] = process.argv.slice(2);

async function call(method, path, body, token) {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

async function main() {
  const login = await call('POST', '/auth/login', { email: adminEmail, password: adminPassword });
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status} ${JSON.stringify(login.body)}`);
  const admin = login.body.access_token;
  const demo = [
    { email: 'instructor@lms.local', full_name: 'Ines Instructor', role: 'instructor' },
    { email: 'student@lms.local', full_name: 'Sami Student', role: 'student' },
    { email: 'student2@lms.local', full_name: 'Layla Learner', role: 'student' },
  ];
  for (const user of demo) {
    const res = await call('POST', '/users', { ...user, password: demoPassword }, admin);
    if (res.status === 201) console.log(`[demo] created ${user.role} ${user.email}`);
    else if (res.status === 409) console.log(`[demo] ${user.email} already exists`);
    else throw new Error(`creating ${user.email}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  await demoCourses(demoPassword);
}

const COURSES = [
  {
    slug: 'typescript-for-backend-engineers',
    course: {
      title: 'TypeScript for Backend Engineers',
      description: 'Types, async code and testing for Node.js services.',
      category: 'Programming',
      difficulty_level: 'intermediate',
      price_cents: 0,
      tags: ['typescript', 'node', 'backend'],
      learning_objectives: ['Model a domain with types', 'Test services against real databases'],
    },
    lessons: [
      { title: 'Why types pay off', lesson_type: 'video', duration_minutes: 8, is_preview: true, content: '# Why types pay off' },
      { title: 'Async without tears', lesson_type: 'text', duration_minutes: 15, content: '# Promises and async/await' },
      { title: 'Testing against real servers', lesson_type: 'text', duration_minutes: 20, content: '# Real parts, not mocks' },
    ],
  },
  {
    slug: 'arabic-calligraphy-basics',
    course: {
      title: 'Arabic Calligraphy Basics — أساسيات الخط العربي',
      description: 'Naskh letter forms, tools and first words.',
      category: 'Arts',
      difficulty_level: 'beginner',
      price_cents: 1999,
      currency: 'USD',
      tags: ['calligraphy', 'arabic'],
    },
    lessons: [
      { title: 'Tools and posture', lesson_type: 'video', duration_minutes: 10, is_preview: true },
      { title: 'The alif as a unit of measure', lesson_type: 'text', duration_minutes: 12 },
    ],
  },
];

/** Two published courses by the demo instructor (skipped when their slugs already exist). */
async function demoCourses(demoPassword) {
  const login = await call('POST', '/auth/login', { email: 'instructor@lms.local', password: demoPassword });
  if (login.status !== 200) throw new Error(`instructor login failed: ${login.status}`);
  const token = login.body.access_token;
  for (const demo of COURSES) {
    const existing = await call('GET', `/courses/my/courses?page=1&page_size=100`, undefined, token);
    if (existing.body.items.some((c) => c.slug === demo.slug)) {
      console.log(`[demo] course ${demo.slug} already exists`);
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
  }
}

main().catch((err) => {
  console.error(`[demo] ${err.message}`);
  process.exit(1);
});
