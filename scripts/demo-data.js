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
}

main().catch((err) => {
  console.error(`[demo] ${err.message}`);
  process.exit(1);
});
