import { randomUUID } from 'node:crypto';
import { AppError } from '@lms/kit';
import type { AnalyticsClient, CertificateClient } from '@lms/kit/clients';
import { login, registerAndLogin, startAuth, type LoggedIn, type TestAuth } from './support/auth';
import { registerInstructor } from './support/catalog';
import { startScriptedGateway } from './support/gateway';
import { Api, expectErrorBody } from './support/http';

/**
 * The certificate routes' own work with scripted certificate and analytics clients in place of the services
 * (the real fleet is certificates-journey.test.ts): what is validated before a call, what each answer becomes
 * (nulls, the six public fields, PDFs and their headers, content negotiation), the pending PDF's 503 and the
 * verification limit's 429, both with Retry-After.
 */
describe('Certificate routes (gateway with a scripted certificate client)', () => {
  let auth: TestAuth;
  let gateway: Awaited<ReturnType<typeof startScriptedGateway>>;
  let api: Api;
  let student: LoggedIn;
  let instructor: LoggedIn;
  let admin: LoggedIn;
  const calls: { method: string; request: unknown }[] = [];
  /** Per method: what the next call answers (a value, or an error to throw). */
  const script: Record<string, (request: any) => unknown> = {};
  const VERIFY_LIMIT = 3;

  const certificate = (over: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    certificate_number: 'CERT-20260217-0A1B2C3D',
    student_id: randomUUID(),
    student_name: 'Ahmed Hassan',
    course_id: randomUUID(),
    course_title: 'Python Programming Masterclass',
    instructor_name: 'Mohamed Ali',
    completion_date: '2026-02-15T14:30:00.000Z',
    final_grade: 'A',
    total_hours: '',
    pdf_url: 'http://127.0.0.1/api/v1/certificates/x/download',
    verification_url: 'http://127.0.0.1/api/v1/certificates/verify/CERT-20260217-0A1B2C3D',
    is_verified: 'valid',
    issued_by: 'LMS Platform',
    issued_at: '2026-02-17T10:00:00.000Z',
    enrollment_id: randomUUID(),
    pdf_status: 'pending',
    revoked_at: '',
    revocation_reason: '',
    credential_url: 'http://127.0.0.1/api/v1/certificates/x/credential',
    ...over,
  });
  const pdfBytes = Buffer.from('%PDF-1.7\n% scripted\n%%EOF\n');

  beforeAll(async () => {
    auth = await startAuth('cert_routes', { ALLOW_INSTRUCTOR_SIGNUP: 'true' });
    const handler = (method: string) => async (request: unknown) => {
      calls.push({ method, request });
      const answer = script[method];
      if (!answer) throw new Error(`unscripted ${method}`);
      return answer(request);
    };
    const certificates = new Proxy({ close: () => undefined }, {
      get: (target, name: string) => (name in target ? (target as Record<string, unknown>)[name] : handler(name)),
    }) as unknown as CertificateClient;
    const analytics = { ExportStudentProgressPdf: handler('ExportStudentProgressPdf'), close: () => undefined } as unknown as AnalyticsClient;
    gateway = await startScriptedGateway(auth.address, 'cert_routes', { certificate: certificates, analytics }, {
      CERTIFICATE_VERIFY_PER_MINUTE: String(VERIFY_LIMIT),
    });
    api = gateway.api;
    const creds = await auth.createAdmin();
    [student, instructor, admin] = await Promise.all([
      registerAndLogin(api, 'certstudent'),
      registerInstructor(api, 'certteacher'),
      login(api, creds.email, creds.password),
    ]);
  }, 60_000);

  afterAll(async () => {
    await gateway?.stop();
    await auth?.stop();
  });

  beforeEach(() => {
    calls.length = 0;
    for (const key of Object.keys(script)) delete script[key];
  });

  const as = (user: LoggedIn, headers: Record<string, string> = {}) => ({ token: user.access, headers });
  const C = '/api/v1/certificates';

  test('When a certificate is read, then absent values are null and the seed fields plus ours are there', async () => {
    const cert = certificate();
    script.GetCertificate = () => cert;
    const res = await api.get(`${C}/${cert.id}`, as(student));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...cert, total_hours: null, revoked_at: null, revocation_reason: null });
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(calls).toEqual([{ method: 'GetCertificate', request: { certificate_id: cert.id } }]);

    script.ListMyCertificates = () => ({ certificates: [cert], total: 1 });
    const list = await api.get(`${C}/my-certificates`, as(student));
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    expect(list.body.certificates[0].total_hours).toBeNull();
  });

  test('When an id or a query is malformed, then 422 names it and the service is not asked', async () => {
    expect(expectErrorBody(await api.get(`${C}/not-a-uuid`, as(student)), 422).errors[0].loc).toEqual(['path', 'certificate_id']);
    expectErrorBody(await api.get(`${C}/not-a-uuid/download`, as(student)), 422);
    expectErrorBody(await api.get(`${C}/not-a-uuid/credential`, as(student)), 422);
    expectErrorBody(await api.delete(`${C}/${randomUUID()}/revoke?reason=${'x'.repeat(501)}`, as(admin)), 422);
    expectErrorBody(await api.post(`${C}/generate/nope`, undefined, as(admin)), 422);
    expectErrorBody(await api.get(`${C}/status/abc`), 422);
    expectErrorBody(await api.get(`${C}/verify/${'C'.repeat(65)}`), 422);
    expectErrorBody(await api.get(`${C}/templates?course_id=nope`, as(admin)), 422);
    expectErrorBody(await api.post(`${C}/templates`, { name: 'x' }, as(admin)), 422);
    expectErrorBody(await api.call('PATCH', `${C}/templates/${randomUUID()}`, { token: admin.access, body: {} }), 422);
    expectErrorBody(await api.call('PATCH', `${C}/templates/${randomUUID()}`, { token: admin.access, body: { course_id: randomUUID() } }), 422);
    expect(calls).toEqual([]);
  });

  test('When the PDF is still being rendered, then the download is 503 with the service\'s Retry-After', async () => {
    script.GetCertificatePdf = () => {
      throw new AppError('failed_precondition', "The certificate's PDF is being generated", { code: 'CERTIFICATE.PDF_PENDING', meta: { retry_after_seconds: 7 } });
    };
    const res = await api.get(`${C}/${randomUUID()}/download`, as(student));
    expectErrorBody(res, 503, 'CERTIFICATE.PDF_PENDING');
    expect(res.headers.get('retry-after')).toBe('7');
  });

  test('When the PDF is ready, then it is sent as an attachment named after the number, never cached', async () => {
    script.GetCertificatePdf = () => ({ content: pdfBytes, filename: 'Certificate_CERT-20260217-0A1B2C3D.pdf' });
    const res = await fetch(`${api.base}${C}/${randomUUID()}/download`, { headers: { authorization: `Bearer ${student.access}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="Certificate_CERT-20260217-0A1B2C3D.pdf"');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(pdfBytes);
  });

  test('When a verification answers more than the six public fields, then only the six reach the public; not found is certificate null', async () => {
    const cert = certificate();
    script.VerifyCertificate = () => ({ valid: true, found: true, certificate: { ...cert, email: 'leak@example.test' }, message: 'Certificate is valid' });
    const res = await api.get(`${C}/verify/${cert.certificate_number}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      valid: true,
      certificate: {
        certificate_number: cert.certificate_number,
        student_name: cert.student_name,
        course_title: cert.course_title,
        instructor_name: cert.instructor_name,
        completion_date: cert.completion_date,
        issued_by: cert.issued_by,
      },
      message: 'Certificate is valid',
    });
    expect(res.headers.get('cache-control')).toBe('no-store');

    script.VerifyCertificate = () => ({ valid: false, found: false, certificate: null, message: 'Certificate not found' });
    const missing = await api.get(`${C}/verify/CERT-NOPE`, as(student));
    expect(missing.body).toEqual({ valid: false, certificate: null, message: 'Certificate not found' });
  });

  test('When one client verifies more than the limit, then 429 with Retry-After; the limit is per IP', async () => {
    script.VerifyCertificate = () => ({ valid: false, found: false, certificate: null, message: 'Certificate not found' });
    const headers = { 'x-forwarded-for': '203.0.113.9' }; // not trusted (TRUST_PROXY off): still the loopback's bucket
    // The earlier tests spent some of this IP's allowance: count from whatever is left.
    let limited;
    for (let i = 0; i < VERIFY_LIMIT + 3 && !limited; i += 1) {
      const res = await api.get(`${C}/verify/CERT-20260101-0000000${i}`, { headers });
      if (res.status === 429) limited = res;
      else expect(res.status).toBe(200);
    }
    expect(limited).toBeDefined();
    expectErrorBody(limited!, 429, 'RATE_LIMITED');
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited!.headers.get('x-ratelimit-limit')).toBe(String(VERIFY_LIMIT));
  });

  test('When the credential is asked for, then JSON by default and the JWT alone for Accept: application/vc+jwt', async () => {
    const credential = { '@context': ['https://www.w3.org/ns/credentials/v2'], id: 'urn:uuid:x', type: ['VerifiableCredential', 'OpenBadgeCredential'] };
    script.GetCredential = () => ({ credential_json: JSON.stringify(credential), jwt: 'h.p.s', media_type: 'application/vc+jwt' });
    const id = randomUUID();
    const json = await api.get(`${C}/${id}/credential`, as(student));
    expect(json.status).toBe(200);
    expect(json.body).toEqual({ credential, jwt: 'h.p.s', format: 'vc+jwt' });
    const jwt = await api.get(`${C}/${id}/credential`, as(student, { accept: 'application/vc+jwt' }));
    expect(jwt.status).toBe(200);
    expect(jwt.headers.get('content-type')).toBe('application/vc+jwt');
    expect(jwt.text).toBe('h.p.s');
    expect(jwt.headers.get('cache-control')).toBe('private, no-store');
  });

  test('When the status list, the JWKS and the DID document are fetched, then without a token, with their media types and cache policies', async () => {
    script.GetStatusList = () => ({ jwt: 'a.b.c', credential_json: '{"type":["VerifiableCredential","BitstringStatusListCredential"]}' });
    const list = await api.get(`${C}/status/1`);
    expect(list.status).toBe(200);
    expect(list.headers.get('content-type')).toBe('application/vc+jwt');
    expect(list.text).toBe('a.b.c');
    expect(list.headers.get('cache-control')).toBe('no-cache');
    const listJson = await api.get(`${C}/status/1`, { headers: { accept: 'application/json' } });
    expect(listJson.body).toEqual({ type: ['VerifiableCredential', 'BitstringStatusListCredential'] });
    expect(calls.filter((c) => c.method === 'GetStatusList').map((c) => c.request)).toEqual([{ list_id: '1' }, { list_id: '1' }]);

    script.GetIssuer = () => ({ did: 'did:web:x', did_document_json: '{"id":"did:web:x"}', jwks_json: '{"keys":[]}' });
    const jwks = await api.get(`${C}/issuer/jwks.json`);
    expect(jwks.body).toEqual({ keys: [] });
    expect(jwks.headers.get('cache-control')).toBe('public, max-age=300');
    const did = await api.get('/.well-known/did.json', { token: 'not even a token' });
    expect(did.status).toBe(200);
    expect(did.body).toEqual({ id: 'did:web:x' });
    expect(did.headers.get('content-type')).toMatch(/^application\/json/);
  });

  test('When templates are written, then PATCH sends only the fields given and a 300 KB template passes the body limit', async () => {
    const template = { id: randomUUID(), name: 'T', description: '', html_template: '<p>{{student_name}}</p>', css_styles: '', is_default: false, is_active: true, course_id: '', created_at: '2026-02-17T10:00:00.000Z', updated_at: '2026-02-17T10:00:00.000Z', built_in: false };
    script.UpdateTemplate = () => template;
    const patched = await api.call('PATCH', `${C}/templates/${template.id}`, { token: admin.access, body: { name: 'New name', is_active: false } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ description: null, course_id: null });
    expect(calls[0].request).toEqual({ template_id: template.id, fields: ['name', 'is_active'], name: 'New name', is_active: false });

    script.CreateTemplate = () => template;
    const big = `<div>${'x'.repeat(190 * 1024)}</div>`;
    const created = await api.post(`${C}/templates`, { name: 'Big', html_template: big, css_styles: 'p { color: red }'.repeat(6000) }, as(admin));
    expect(created.status).toBe(201);
    expect(calls[1].request).toMatchObject({ name: 'Big', is_default: false, is_active: true, course_id: '' });
    // other routes keep the general body limit
    expectErrorBody(await api.call('PUT', '/api/v1/auth/me', { token: admin.access, body: { bio: 'x'.repeat(200 * 1024) } }), 413);

    script.ListTemplates = () => ({ templates: [template] });
    expect((await api.get(`${C}/templates`, as(admin))).body).toMatchObject({ total: 1, templates: [{ id: template.id }] });
    script.DeleteTemplate = () => ({});
    expect((await api.delete(`${C}/templates/${template.id}`, as(admin))).status).toBe(204);
    script.PreviewTemplate = () => ({ content: pdfBytes, filename: 'preview.pdf' });
    const preview = await api.get(`${C}/templates/${template.id}/preview`, as(admin));
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-disposition')).toBe('inline; filename="preview.pdf"');
  });

  test('When a student or an instructor calls an admin route, then 403 before the service; anonymous callers 401', async () => {
    const id = randomUUID();
    const adminRoutes: [string, string][] = [
      ['GET', `${C}/templates`],
      ['POST', `${C}/templates`],
      ['PATCH', `${C}/templates/${id}`],
      ['DELETE', `${C}/templates/${id}`],
      ['GET', `${C}/templates/${id}/preview`],
      ['POST', `${C}/generate/${id}`],
      ['DELETE', `${C}/${id}/revoke`],
    ];
    for (const [method, path] of adminRoutes) {
      for (const user of [student, instructor]) expectErrorBody(await api.call(method, path, { token: user.access, body: method === 'GET' || method === 'DELETE' ? undefined : {} }), 403);
      expectErrorBody(await api.call(method, path), 401);
    }
    for (const path of [`${C}/my-certificates`, `${C}/${id}`, `${C}/${id}/download`, `${C}/${id}/credential`]) expectErrorBody(await api.get(path), 401);
    expect(calls).toEqual([]);
  });

  test('When the OpenAPI document is read, then every certificate route is there under Certificates with its schemas and the seed\'s verify example', async () => {
    const doc = (await api.get('/openapi.json')).body;
    const ops = [
      ['get', `${C}/my-certificates`],
      ['get', `${C}/verify/{certificate_number}`],
      ['get', `${C}/issuer/jwks.json`],
      ['get', '/.well-known/did.json'],
      ['get', `${C}/status/{list_id}`],
      ['get', `${C}/templates`],
      ['post', `${C}/templates`],
      ['patch', `${C}/templates/{template_id}`],
      ['delete', `${C}/templates/{template_id}`],
      ['get', `${C}/templates/{template_id}/preview`],
      ['post', `${C}/generate/{enrollment_id}`],
      ['get', `${C}/{certificate_id}`],
      ['get', `${C}/{certificate_id}/download`],
      ['get', `${C}/{certificate_id}/credential`],
      ['delete', `${C}/{certificate_id}/revoke`],
    ];
    for (const [method, path] of ops) expect([method, path, doc.paths[path]?.[method]?.tags]).toEqual([method, path, ['Certificates']]);
    expect(doc.tags.map((t: { name: string }) => t.name)).toContain('Certificates');

    const verify = doc.paths[`${C}/verify/{certificate_number}`].get;
    expect(verify.security).toEqual([]);
    expect(Object.keys(verify.responses)).toEqual(expect.arrayContaining(['200', '422', '429']));
    expect(verify.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/CertificateVerification');
    const verification = doc.components.schemas.CertificateVerification;
    expect(verification.example).toEqual({
      valid: true,
      certificate: {
        certificate_number: 'CERT-20260217-ABC123',
        student_name: 'Ahmed Hassan',
        course_title: 'Python Programming Masterclass',
        instructor_name: 'Mohamed Ali',
        completion_date: '2026-02-15T14:30:00Z',
        issued_by: 'LMS Platform',
      },
      message: 'Certificate is valid',
    });
    expect(Object.keys(doc.components.schemas.PublicCertificate.properties).sort()).toEqual(
      ['certificate_number', 'completion_date', 'course_title', 'instructor_name', 'issued_by', 'student_name'],
    );
    const certificate = doc.components.schemas.Certificate;
    for (const field of ['total_hours', 'final_grade', 'revoked_at', 'revocation_reason', 'credential_url']) {
      expect([field, certificate.properties[field].type]).toEqual([field, ['string', 'null']]);
    }
    const download = doc.paths[`${C}/{certificate_id}/download`].get;
    expect(Object.keys(download.responses['200'].content)).toEqual(['application/pdf']);
    expect(Object.keys(download.responses)).toEqual(expect.arrayContaining(['401', '404', '503']));
    expect(doc.paths[`${C}/templates`].post['x-roles']).toEqual(['admin']);
    expect(Object.keys(doc.paths[`${C}/{certificate_id}/credential`].get.responses['200'].content)).toEqual(['application/json', 'application/vc+jwt']);
    expect(Object.keys(doc.paths['/api/v1/analytics/export/my-progress'].get.responses['200'].content)).toContain('application/pdf');
  });

  test('When my progress is exported as PDF, then the analytics service renders it and it is an attachment named my-progress.pdf', async () => {
    script.ExportStudentProgressPdf = () => ({ content: pdfBytes, filename: 'my-progress.pdf' });
    const res = await fetch(`${api.base}/api/v1/analytics/export/my-progress?format=pdf`, { headers: { authorization: `Bearer ${student.access}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="my-progress.pdf"');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(pdfBytes);
    expect(calls).toEqual([{ method: 'ExportStudentProgressPdf', request: { student_id: '' } }]);

    script.ExportStudentProgressPdf = () => {
      throw new AppError('unavailable', 'The report renderer is unavailable');
    };
    const down = await api.get('/api/v1/analytics/export/my-progress?format=pdf', as(student));
    expectErrorBody(down, 503);
    expect(Number(down.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
