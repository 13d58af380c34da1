import { execFileSync } from 'node:child_process';
import { PASSWORD, freePort, startFleet, type Fleet } from '@lms/testing-fleet';
import { login, strongPassword, uniqueEmail, type LoggedIn } from './support/auth';
import { createCourse, createLesson, publishCourse, publishLesson, registerInstructor } from './support/catalog';
import { ok } from './support/analytics';
import { startGateway, type TestGateway } from './support/gateway';
import type { Api } from './support/http';

/** Helpers of the certificate suites: the fleet with certificate (+ analytics) behind a gateway, a completed course, PDF text. */

export interface CertificatesGateway {
  fleet: Fleet;
  gateway: TestGateway;
  api: Api;
  /** The gateway's origin: the certificate service's PUBLIC_API_URL (its URLs and its did:web point here). */
  base: string;
  admin: LoggedIn;
  instructor: LoggedIn;
  stop(): Promise<void>;
}

/**
 * auth, catalog, enrollment, quiz, certificate and analytics on one vhost (completion events reach certificate,
 * names reach analytics), and a gateway on a port chosen first so that the certificate's URLs and issuer DID
 * name this gateway.
 */
export async function startCertificatesGateway(label: string, certificateEnv: Record<string, string> = {}, gatewayEnv: Record<string, string> = {}): Promise<CertificatesGateway> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const fleet = await startFleet({
    label: `gwcert_${label}`,
    services: ['certificate', 'analytics'],
    catalogReadsEnrollment: true,
    env: { certificate: { PUBLIC_API_URL: base, PDF_RETRY_AFTER_SECONDS: '2', ...certificateEnv } },
  });
  let gateway: TestGateway | undefined;
  try {
    gateway = await startGateway(fleet.authAddress, {
      PORT: String(port),
      CATALOG_GRPC_ADDR: fleet.catalog!.address,
      ENROLLMENT_GRPC_ADDR: fleet.enrollment!.address,
      QUIZ_GRPC_ADDR: fleet.quiz!.address,
      ANALYTICS_GRPC_ADDR: fleet.analytics!.address,
      CERTIFICATE_GRPC_ADDR: fleet.certificate!.address,
      CERTIFICATE_VERIFY_PER_MINUTE: '100000',
      ...gatewayEnv,
    });
    const api = gateway.api;
    const [admin, instructor] = await Promise.all([login(api, fleet.admin!.email, PASSWORD), registerInstructor(api, `cert-${label}`)]);
    const running = gateway;
    return {
      fleet,
      gateway,
      api,
      base,
      admin,
      instructor,
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

export { ok };

export const as = (user: LoggedIn, headers: Record<string, string> = {}) => ({ token: user.access, headers });

/** A student registered with this full name (any script) and signed in. */
export async function registerStudent(api: Api, fullName: string): Promise<LoggedIn> {
  const email = uniqueEmail('certstudent');
  const password = strongPassword();
  ok(await api.post('/api/v1/auth/register', { email, password, full_name: fullName }), 201, 'register');
  return login(api, email, password);
}

/** A published course of one lesson, owned by `instructor`. */
export async function oneLessonCourse(api: Api, instructor: LoggedIn, title: string): Promise<{ courseId: string; lessonId: string }> {
  const course = await createCourse(api, instructor.access, { title, price: 0, currency: 'USD' });
  const lesson = await createLesson(api, instructor.access, course.id, { title: 'The only lesson' });
  await publishLesson(api, instructor.access, lesson.id);
  await publishCourse(api, instructor.access, course.id);
  return { courseId: course.id, lessonId: lesson.id };
}

export async function enrol(api: Api, student: LoggedIn, courseId: string): Promise<string> {
  return ok(await api.post('/api/v1/enrollments', { course_id: courseId }, as(student)), 201, 'enrol').id;
}

/** Time on the lesson (`seconds`, in the service's 300 s steps), then the lesson completed: the enrolment completes. */
export async function completeCourse(api: Api, student: LoggedIn, enrollmentId: string, lessonId: string, seconds = 0): Promise<void> {
  for (let t = Math.min(300, seconds); seconds > 0; t = Math.min(t + 300, seconds)) {
    ok(await api.put(`/api/v1/enrollments/${enrollmentId}/lessons/${lessonId}/progress`, { time_spent_seconds: t }, as(student)), 200, 'time');
    if (t === seconds) break;
  }
  ok(await api.post(`/api/v1/enrollments/${enrollmentId}/lessons/${lessonId}/complete`, undefined, as(student)), 200, 'complete lesson');
}

/** Polls until `ready` says yes (or the time is up: the last answer is returned for the assertion to report). */
export async function poll<T>(probe: () => Promise<T>, ready: (value: T) => boolean, timeoutMs = 20_000, everyMs = 250): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ready(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** GET of a binary answer (PDF) with its headers. */
export async function getBytes(base: string, path: string, token?: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const res = await fetch(base + path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** The text of a PDF as poppler's pdftotext extracts it (logical order for RTL scripts), whitespace collapsed. */
export function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, ' ');
}
