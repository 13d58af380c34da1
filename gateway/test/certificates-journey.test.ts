import { createPublicKey, randomUUID, verify as verifySignature, type JsonWebKey } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import type { LoggedIn } from './support/auth';
import { expectErrorBody } from './support/http';
import {
  as,
  completeCourse,
  enrol,
  getBytes,
  ok,
  oneLessonCourse,
  pdfText,
  poll,
  registerStudent,
  startCertificatesGateway,
  type CertificatesGateway,
} from './certificates-support';

/**
 * Certificates end to end on the real fleet behind the gateway: a student completes a course → the certificate
 * service issues one (from enrollment.completed) → it is listed, its PDF (Chromium) downloads with the name in
 * it (Latin and Arabic), the public verification shows six fields, the credential verifies against the DID
 * document with node:crypto alone, an admin revokes it → verification and the status list say so. Every route
 * is called as anonymous, the owner, another student, an instructor and an admin.
 */
describe('Certificates through the gateway (real fleet)', () => {
  let cg: CertificatesGateway;
  let student: LoggedIn;
  let arabic: LoggedIn;
  let other: LoggedIn;
  let courseId: string;
  let enrollmentId: string;
  let otherEnrollmentId: string;
  let cert: Record<string, any>;
  let arabicCert: Record<string, any>;
  const NAME = 'Layla Certified';
  const ARABIC_NAME = 'ليلى أحمد';
  const TITLE = 'Distributed Systems in Practice';
  const C = '/api/v1/certificates';

  beforeAll(async () => {
    cg = await startCertificatesGateway('journey');
    const { api, instructor } = cg;
    [student, arabic, other] = await Promise.all([registerStudent(api, NAME), registerStudent(api, ARABIC_NAME), registerStudent(api, 'Other Learner')]);
    const course = await oneLessonCourse(api, instructor, TITLE);
    courseId = course.courseId;
    enrollmentId = await enrol(api, student, courseId);
    const arabicEnrollment = await enrol(api, arabic, courseId);
    otherEnrollmentId = await enrol(api, other, courseId);
    await completeCourse(api, student, enrollmentId, course.lessonId, 600);
    await completeCourse(api, arabic, arabicEnrollment, course.lessonId);
  }, 180_000);

  afterAll(async () => {
    await cg?.stop();
  });

  async function myCertificates(user: LoggedIn) {
    return poll(
      () => cg.api.get(`${C}/my-certificates`, as(user)),
      (res) => res.status === 200 && res.body.total > 0,
    );
  }

  /** The PDF once rendered: a pending one is 503 with Retry-After until then. */
  async function downloadPdf(user: LoggedIn, id: string): Promise<Buffer> {
    const res = await poll(
      async () => {
        const r = await getBytes(cg.base, `${C}/${id}/download`, user.access);
        if (r.status === 503) expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
        return r;
      },
      (r) => r.status !== 503,
      30_000,
      500,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    return res.bytes;
  }

  test('When a student completes the course, then the certificate appears in my-certificates within 20 s with the seed fields', async () => {
    const mine = await myCertificates(student);
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBe(1);
    cert = mine.body.certificates[0];
    expect(cert).toMatchObject({
      certificate_number: expect.stringMatching(/^CERT-\d{8}-[0-9A-F]{8}$/),
      student_id: student.userId,
      student_name: NAME,
      course_id: courseId,
      course_title: TITLE,
      instructor_name: expect.stringContaining('Instructor'),
      final_grade: 'Pass', // no graded quiz attempts
      total_hours: '10 minutes',
      pdf_url: `${cg.base}${C}/${cert.id}/download`,
      verification_url: `${cg.base}${C}/verify/${cert.certificate_number}`,
      credential_url: `${cg.base}${C}/${cert.id}/credential`,
      is_verified: 'valid',
      issued_by: 'LMS Platform',
      enrollment_id: enrollmentId,
      revoked_at: null,
      revocation_reason: null,
    });
    expect(cert.certificate_number.slice(5, 13)).toBe(cert.issued_at.slice(0, 10).replace(/-/g, ''));
    const arabicMine = await myCertificates(arabic);
    arabicCert = arabicMine.body.certificates[0];
    expect(arabicCert).toMatchObject({ student_name: ARABIC_NAME, total_hours: null });
    expect((await cg.api.get(`${C}/my-certificates`, as(other))).body).toEqual({ certificates: [], total: 0 });
  });

  test('When the owner downloads the PDF, then it is a PDF whose text has the name, the course and the number (Latin and Arabic)', async () => {
    const pdf = await downloadPdf(student, cert.id);
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const text = pdfText(pdf);
    expect(text).toContain(NAME);
    expect(text).toContain(TITLE);
    expect(text).toContain(cert.certificate_number);

    const arabicPdf = await downloadPdf(arabic, arabicCert.id);
    expect(pdfText(arabicPdf)).toContain(ARABIC_NAME);
  });

  test('When anyone verifies the number, then 200 with exactly the six public fields; unknown numbers are not found', async () => {
    const res = await cg.api.get(`${C}/verify/${cert.certificate_number}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      valid: true,
      certificate: {
        certificate_number: cert.certificate_number,
        student_name: NAME,
        course_title: TITLE,
        instructor_name: cert.instructor_name,
        completion_date: cert.completion_date,
        issued_by: 'LMS Platform',
      },
      message: 'Certificate is valid',
    });
    expect(res.text).not.toContain(student.userId);
    expect(res.text).not.toContain(student.email);
    expect(res.text).not.toMatch(/student_id|email/);
    // as printed, in any case
    expect((await cg.api.get(`${C}/verify/${cert.certificate_number.toLowerCase()}`)).body.valid).toBe(true);
    for (const unknown of ['CERT-20260101-00000000', 'not-a-number']) {
      expect((await cg.api.get(`${C}/verify/${unknown}`)).body).toEqual({ valid: false, certificate: null, message: 'Certificate not found' });
    }
  });

  test('When the credential is fetched, then its VC-JWT verifies with node:crypto against /.well-known/did.json, and a tampered one does not', async () => {
    const res = ok(await cg.api.get(`${C}/${cert.id}/credential`, as(student)), 200, 'credential');
    expect(res.format).toBe('vc+jwt');
    const [h, p, s] = (res.jwt as string).split('.');
    const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
    expect(header).toMatchObject({ alg: 'EdDSA', typ: 'vc+jwt' });
    expect(payload).toEqual(res.credential);
    expect(res.credential.type).toEqual(expect.arrayContaining(['VerifiableCredential', 'OpenBadgeCredential']));
    expect(res.credential.credentialSubject.name).toBe(NAME);
    expect(JSON.stringify(res.credential)).not.toContain(student.email);

    const did = ok(await cg.api.get('/.well-known/did.json'), 200, 'did');
    expect(did.id).toBe(`did:web:127.0.0.1%3A${cg.gateway.port}`);
    expect(res.credential.issuer.id ?? res.credential.issuer).toBe(did.id);
    const method = did.verificationMethod.find((m: { id: string }) => m.id === header.kid);
    expect(method).toBeDefined();
    expect(did.assertionMethod).toContain(header.kid);
    const key = createPublicKey({ key: method.publicKeyJwk as JsonWebKey, format: 'jwk' });
    expect(verifySignature(null, Buffer.from(`${h}.${p}`), key, Buffer.from(s, 'base64url'))).toBe(true);
    const tampered = Buffer.from(JSON.stringify({ ...payload, credentialSubject: { ...payload.credentialSubject, name: 'Mallory' } })).toString('base64url');
    expect(verifySignature(null, Buffer.from(`${h}.${tampered}`), key, Buffer.from(s, 'base64url'))).toBe(false);

    const jwks = ok(await cg.api.get(`${C}/issuer/jwks.json`), 200, 'jwks');
    expect(jwks.keys.map((k: { kid: string }) => k.kid)).toContain(header.kid);
    const jwtOnly = await cg.api.get(`${C}/${cert.id}/credential`, as(student, { accept: 'application/vc+jwt' }));
    expect(jwtOnly.headers.get('content-type')).toBe('application/vc+jwt');
    expect(jwtOnly.text).toBe(res.jwt);
  });

  test('When every certificate route is called as anonymous, the owner, another student, an instructor and an admin, then 401/200/404/404/200 (admin routes 401/403/403/403/200)', async () => {
    const { api, admin, instructor } = cg;
    const id = cert.id;
    const callers: [string, LoggedIn | undefined][] = [
      ['anonymous', undefined],
      ['owner', student],
      ['other student', other],
      ['instructor', instructor],
      ['admin', admin],
    ];
    const call = (method: string, path: string, user: LoggedIn | undefined, body?: unknown) => api.call(method, path, { token: user?.access, body });
    const statuses = async (method: string, path: string, body?: unknown) => {
      const out: Record<string, number> = {};
      for (const [name, user] of callers) out[name] = (await call(method, path, user, body)).status;
      return out;
    };
    const readable = { anonymous: 401, owner: 200, 'other student': 404, instructor: 404, admin: 200 };
    expect([`GET /{id}`, await statuses('GET', `${C}/${id}`)]).toEqual([`GET /{id}`, readable]);
    expect([`GET /{id}/download`, await statuses('GET', `${C}/${id}/download`)]).toEqual([`GET /{id}/download`, readable]);
    expect([`GET /{id}/credential`, await statuses('GET', `${C}/${id}/credential`)]).toEqual([`GET /{id}/credential`, readable]);
    // an unknown id looks exactly like someone else's certificate
    for (const path of [`${C}/${randomUUID()}`, `${C}/${randomUUID()}/download`, `${C}/${randomUUID()}/credential`]) {
      expectErrorBody(await api.get(path, as(admin)), 404, 'CERTIFICATE.NOT_FOUND');
      expectErrorBody(await api.get(path, as(other)), 404, 'CERTIFICATE.NOT_FOUND');
    }
    expect(await statuses('GET', `${C}/my-certificates`)).toEqual({ anonymous: 401, owner: 200, 'other student': 200, instructor: 200, admin: 200 });

    const everyone = { anonymous: 200, owner: 200, 'other student': 200, instructor: 200, admin: 200 };
    expect(await statuses('GET', `${C}/verify/${cert.certificate_number}`)).toEqual(everyone);
    expect(await statuses('GET', `${C}/issuer/jwks.json`)).toEqual(everyone);
    expect(await statuses('GET', '/.well-known/did.json')).toEqual(everyone);
    const credential = ok(await api.get(`${C}/${id}/credential`, as(student)), 200, 'credential').credential;
    const statusPath = new URL(credential.credentialStatus.statusListCredential).pathname;
    expect(await statuses('GET', statusPath)).toEqual(everyone);

    const adminOnly = { anonymous: 401, owner: 403, 'other student': 403, instructor: 403, admin: 200 };
    expect(await statuses('GET', `${C}/templates`)).toEqual(adminOnly);
    expect(await statuses('POST', `${C}/generate/${enrollmentId}`)).toEqual(adminOnly);
    const builtIn = '00000000-0000-4000-8000-000000000001';
    expect(await statuses('GET', `${C}/templates/${builtIn}/preview`)).toEqual(adminOnly);
    const forbidden = { anonymous: 401, owner: 403, 'other student': 403, instructor: 403 };
    for (const [method, path] of [
      ['POST', `${C}/templates`],
      ['PATCH', `${C}/templates/${builtIn}`],
      ['DELETE', `${C}/templates/${builtIn}`],
      ['DELETE', `${C}/${id}/revoke`],
    ]) {
      const out: Record<string, number> = {};
      for (const [name, user] of callers.slice(0, 4)) out[name] = (await call(method, path, user, method === 'DELETE' ? undefined : { name: 'x' })).status;
      expect([method, path, out]).toEqual([method, path, forbidden]);
    }
    // nothing was revoked by the refused calls
    expect((await api.get(`${C}/${id}`, as(student))).body.is_verified).toBe('valid');
  });

  test('When an admin generates certificates, then an issued one is returned again, an unfinished enrolment is 409 and an unknown one 404', async () => {
    const { api, admin } = cg;
    const again = ok(await api.post(`${C}/generate/${enrollmentId}`, undefined, as(admin)), 200, 'generate existing');
    expect(again.id).toBe(cert.id);
    expect(again.certificate_number).toBe(cert.certificate_number);
    expectErrorBody(await api.post(`${C}/generate/${otherEnrollmentId}`, undefined, as(admin)), 409);
    expectErrorBody(await api.post(`${C}/generate/${randomUUID()}`, undefined, as(admin)), 404);
    expect((await api.get(`${C}/my-certificates`, as(student))).body.total).toBe(1);
  });

  test('When an admin manages templates, then the built-in default is listed and read-only, and a template is created, changed, previewed and deleted', async () => {
    const { api, admin } = cg;
    const list = ok(await api.get(`${C}/templates`, as(admin)), 200, 'list');
    const builtIn = list.templates.find((t: { built_in: boolean }) => t.built_in);
    expect(builtIn).toMatchObject({ id: '00000000-0000-4000-8000-000000000001', course_id: null });
    expect(list.total).toBe(list.templates.length);
    expectErrorBody(await api.delete(`${C}/templates/${builtIn.id}`, as(admin)), 409);

    const created = ok(
      await api.post(`${C}/templates`, { name: 'Course template', html_template: '<h1>{{student_name}}</h1><p>{{course_title}}</p>', course_id: courseId, is_active: false }, as(admin)),
      201,
      'create template',
    );
    expect(created).toMatchObject({ name: 'Course template', course_id: courseId, is_active: false, is_default: false, built_in: false });
    expectErrorBody(await api.post(`${C}/templates`, { name: 'Bad', html_template: '<p>{{no_such_field}}</p>' }, as(admin)), 422);
    const changed = ok(await api.call('PATCH', `${C}/templates/${created.id}`, { token: admin.access, body: { name: 'Renamed' } }), 200, 'patch');
    expect(changed).toMatchObject({ name: 'Renamed', html_template: created.html_template });
    const preview = await getBytes(cg.base, `${C}/templates/${created.id}/preview`, admin.access);
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toBe('application/pdf');
    expect(preview.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect((await api.delete(`${C}/templates/${created.id}`, as(admin))).status).toBe(204);
    expectErrorBody(await api.delete(`${C}/templates/${created.id}`, as(admin)), 404);
  });

  test('When my progress is exported as PDF, then it is an attachment my-progress.pdf whose text has my name', async () => {
    // analytics learns the name from user.registered: poll until the report names the student
    const res = await poll(
      () => getBytes(cg.base, '/api/v1/analytics/export/my-progress?format=pdf', student.access),
      (r) => r.status === 200 && pdfText(r.bytes).includes(NAME),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="my-progress.pdf"');
    const text = pdfText(res.bytes);
    expect(text).toContain(NAME);
    expect(text).toContain(TITLE);
  });

  test('When an admin revokes the certificate, then verification says revoked and the status list has its bit set', async () => {
    const { api, admin } = cg;
    const credential = ok(await api.get(`${C}/${cert.id}/credential`, as(student)), 200, 'credential').credential;
    const { statusListCredential, statusListIndex } = credential.credentialStatus;
    const statusPath = new URL(statusListCredential).pathname;
    const bit = async () => {
      const list = ok(await api.get(statusPath, { headers: { accept: 'application/json' } }), 200, 'status list');
      const encoded: string = list.credentialSubject.encodedList;
      expect(encoded[0]).toBe('u');
      const bits = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
      const index = Number(statusListIndex);
      return (bits[index >> 3] >> (7 - (index & 7))) & 1;
    };
    expect(await bit()).toBe(0);

    const revoked = ok(await api.delete(`${C}/${cert.id}/revoke?reason=${encodeURIComponent('Policy violation')}`, as(admin)), 200, 'revoke');
    expect(revoked).toMatchObject({ id: cert.id, is_verified: 'revoked', revocation_reason: 'Policy violation', revoked_at: expect.any(String) });
    const verification = ok(await api.get(`${C}/verify/${cert.certificate_number}`), 200, 'verify');
    expect(verification).toEqual({
      valid: false,
      certificate: expect.objectContaining({ certificate_number: cert.certificate_number, student_name: NAME }),
      message: 'Certificate has been revoked',
    });
    expect(Object.keys(verification.certificate).sort()).toEqual(['certificate_number', 'completion_date', 'course_title', 'instructor_name', 'issued_by', 'student_name']);
    expect(await poll(bit, (b) => b === 1, 5000)).toBe(1);

    // the signed form of the list verifies too
    const jwt = await api.get(statusPath);
    expect(jwt.headers.get('content-type')).toBe('application/vc+jwt');
    const [h, p, s] = jwt.text.split('.');
    const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
    const did = ok(await api.get('/.well-known/did.json'), 200, 'did');
    const method = did.verificationMethod.find((m: { id: string }) => m.id === header.kid);
    expect(verifySignature(null, Buffer.from(`${h}.${p}`), createPublicKey({ key: method.publicKeyJwk, format: 'jwk' }), Buffer.from(s, 'base64url'))).toBe(true);

    // revoking again changes nothing; an unknown id is 404 (the seed's 400)
    const again = ok(await api.delete(`${C}/${cert.id}/revoke?reason=Other`, as(admin)), 200, 'revoke again');
    expect(again).toMatchObject({ revocation_reason: 'Policy violation', revoked_at: revoked.revoked_at });
    expectErrorBody(await api.delete(`${C}/${randomUUID()}/revoke`, as(admin)), 404);
    // the owner still reads it, revoked
    expect((await api.get(`${C}/my-certificates`, as(student))).body.certificates[0].is_verified).toBe('revoked');
  });
});
