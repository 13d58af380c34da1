import { QueryTypes } from 'sequelize';
import type { CertificateClient } from '@lms/kit/clients';
import { clientSignedAs } from '@lms/testing-fleet';
import type { Certificate__Output } from '@lms/kit/generated/lms/certificate/v1/Certificate';
import { BUILT_IN_TEMPLATE_ID } from '../src/domain/templates/template.entities';
import { pdfText, squeeze } from './render-support';
import { certifiedStudent, eventually, expectGrpcError, GrpcStatus, publishedCourse, startCertificateFleet, unique, type CertificateFleet } from './support';

/**
 * Templates and the render job through the running service (real Chromium): template validation and access,
 * which template prints a certificate (course → platform default → built-in), a browser killed while a job
 * renders (the job's retry stores the PDF), the preview, and the analytics-only progress report.
 */
jest.setTimeout(300_000);

let f: CertificateFleet;
const asAnalytics = () => clientAs('analytics');
const clients: CertificateClient[] = [];

function clientAs(caller: string): CertificateClient {
  const client = clientSignedAs('certificate', `127.0.0.1:${f.service.grpcPort}`, caller, 60_000);
  clients.push(client);
  return client;
}

const template = (overrides: Record<string, unknown> = {}) => ({
  name: `Template ${unique()}`,
  description: '',
  html_template: '<p>{{student_name}}</p>',
  css_styles: '',
  is_default: false,
  is_active: true,
  course_id: '',
  ...overrides,
});

/** The certificate's PDF once the job stored it, downloaded as its student. */
async function downloadedPdf(student: { auth: unknown }, certificate: Certificate__Output): Promise<Buffer> {
  const auth = student.auth as Parameters<CertificateClient['GetCertificatePdf']>[1];
  await eventually(async () => expect((await f.certificate.GetCertificate({ certificate_id: certificate.id }, auth)).pdf_status).toBe('ready'), 120_000, 200);
  const pdf = await f.certificate.GetCertificatePdf({ certificate_id: certificate.id }, auth);
  expect(pdf.filename).toBe(`Certificate_${certificate.certificate_number}.pdf`);
  return pdf.content;
}

beforeAll(async () => {
  f = await startCertificateFleet('pdf_job', { CHROMIUM_PATH: '/usr/bin/chromium' });
});
afterAll(async () => {
  for (const client of clients) client.close();
  await f?.close();
});

describe('templates (admin)', () => {
  it('are refused when invalid, duplicated, for an unknown course, or asked for by a non-admin; the built-in one is read-only', async () => {
    const admin = f.admin.auth;
    await expectGrpcError(f.certificate.CreateTemplate(template({ html_template: '<p>{{student_email}}</p>' }), admin), GrpcStatus.INVALID_ARGUMENT);
    await expectGrpcError(f.certificate.CreateTemplate(template({ html_template: '{{#total_hours}}<p>open</p>' }), admin), GrpcStatus.INVALID_ARGUMENT);
    await expectGrpcError(f.certificate.CreateTemplate(template({ css_styles: 'p { color: red }</style><script>x</script>' }), admin), GrpcStatus.INVALID_ARGUMENT);
    const course = await publishedCourse(f, f.instructor);
    await expectGrpcError(f.certificate.CreateTemplate(template({ is_default: true, course_id: course.courseId }), admin), GrpcStatus.INVALID_ARGUMENT);
    await expectGrpcError(f.certificate.CreateTemplate(template({ course_id: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }), admin), GrpcStatus.NOT_FOUND);
    await expectGrpcError(f.certificate.CreateTemplate(template(), f.instructor.auth), GrpcStatus.PERMISSION_DENIED, 'CERTIFICATE.ADMIN_ONLY');

    const first = await f.certificate.CreateTemplate(template({ is_default: true }), admin);
    await expectGrpcError(f.certificate.CreateTemplate(template({ is_default: true }), admin), GrpcStatus.ALREADY_EXISTS);
    const inactive = await f.certificate.CreateTemplate(template({ is_default: true, is_active: false }), admin);
    await expectGrpcError(f.certificate.UpdateTemplate({ template_id: inactive.id, fields: ['is_active'], is_active: true }, admin), GrpcStatus.ALREADY_EXISTS);
    await f.certificate.DeleteTemplate({ template_id: inactive.id }, admin);
    await f.certificate.DeleteTemplate({ template_id: first.id }, admin);
    await expectGrpcError(f.certificate.DeleteTemplate({ template_id: first.id }, admin), GrpcStatus.NOT_FOUND);

    await expectGrpcError(f.certificate.UpdateTemplate({ template_id: BUILT_IN_TEMPLATE_ID, fields: ['name'], name: 'Mine' }, admin), GrpcStatus.FAILED_PRECONDITION);
    await expectGrpcError(f.certificate.DeleteTemplate({ template_id: BUILT_IN_TEMPLATE_ID }, admin), GrpcStatus.FAILED_PRECONDITION);
    const { templates } = await f.certificate.ListTemplates({ course_id: '' }, admin);
    expect(templates[0]).toMatchObject({ id: BUILT_IN_TEMPLATE_ID, built_in: true, is_active: true });
    expect(templates[0].html_template).toContain('{{student_name}}');
  });

  it('preview a sample certificate without storing anything', async () => {
    const created = await f.certificate.CreateTemplate(template({ html_template: '<h1>PREVIEW-MARK {{student_name}}</h1>{{qr_code}}', is_active: false }), f.admin.auth);
    const preview = await f.certificate.PreviewTemplate({ template_id: created.id }, f.admin.auth);
    expect(await pdfText(preview.content)).toContain('PREVIEW-MARK Jane Sample');
    const builtIn = await f.certificate.PreviewTemplate({ template_id: BUILT_IN_TEMPLATE_ID }, f.admin.auth);
    expect(await pdfText(builtIn.content)).toContain('Certificate of Completion');
    await expectGrpcError(f.certificate.PreviewTemplate({ template_id: created.id }, f.student.auth), GrpcStatus.PERMISSION_DENIED);
    await f.certificate.DeleteTemplate({ template_id: created.id }, f.admin.auth);
  });
});

describe('the render job', () => {
  it("prints with the course's template, else the platform default, else the built-in one; a browser killed mid-render only delays the PDF", async () => {
    const admin = f.admin.auth;
    const [withOwn, withDefault, withBuiltIn] = await Promise.all([1, 2, 3].map(() => publishedCourse(f, f.instructor)));
    // a long document, so the job is still rendering when the browser is killed
    const filler = '<div>lorem ipsum dolor sit amet, consectetur adipiscing elit</div>'.repeat(2500);
    await f.certificate.CreateTemplate(template({ course_id: withOwn.courseId, html_template: `<h1>COURSE-MARK {{student_name}} {{course_title}}</h1>${filler}` }), admin);
    const platformDefault = await f.certificate.CreateTemplate(template({ is_default: true, html_template: '<h1>DEFAULT-MARK {{student_name}}</h1>' }), admin);

    const renderer = f.service.deps.renderer;
    const launchesBefore = renderer.stats().launches;
    const killing = (async () => {
      // the first render of this certificate: kill the browser under it
      await eventually(() => expect(renderer.stats().inFlight).toBeGreaterThan(0), 120_000, 5);
      await eventually(() => expect(renderer.stats().browserPid).not.toBeNull(), 120_000, 5); // the render process may still be starting it
      await new Promise((resolve) => setTimeout(resolve, 200));
      process.kill(renderer.stats().browserPid!, 'SIGKILL');
    })();
    const own = await certifiedStudent(f, withOwn);
    await killing;
    const ownText = await pdfText(await downloadedPdf(own.student, own.certificate));
    expect(ownText).toContain(`COURSE-MARK ${own.certificate.student_name} ${withOwn.title}`);
    expect(renderer.stats().launches).toBeGreaterThanOrEqual(launchesBefore + 1);
    expect(renderer.stats().failed).toBeGreaterThanOrEqual(1);

    const byDefault = await certifiedStudent(f, withDefault);
    expect(await pdfText(await downloadedPdf(byDefault.student, byDefault.certificate))).toContain(`DEFAULT-MARK ${byDefault.certificate.student_name}`);

    await f.certificate.UpdateTemplate({ template_id: platformDefault.id, fields: ['is_active'], is_active: false }, admin);
    const builtIn = await certifiedStudent(f, withBuiltIn);
    const builtInText = await pdfText(await downloadedPdf(builtIn.student, builtIn.certificate));
    expect(builtInText).toContain('Certificate of Completion');
    expect(builtInText).toContain(builtIn.certificate.student_name);
    expect(squeeze(builtInText)).toContain(builtIn.certificate.verification_url);

    const rows = await f.db.query<{ id: string; pdf_key: string; template_id: string | null }>(
      `SELECT id, pdf_key, template_id FROM certificates WHERE id IN (:ids)`,
      { type: QueryTypes.SELECT, replacements: { ids: [own.certificate.id, builtIn.certificate.id] } },
    );
    const byId = Object.fromEntries(rows.map((row) => [row.id, row]));
    expect(byId[own.certificate.id].pdf_key).toBe(`certificates/${own.certificate.id}.pdf`);
    expect(byId[own.certificate.id].template_id).not.toBeNull();
    expect(byId[builtIn.certificate.id].template_id).toBeNull();
  });
});

describe('the progress report', () => {
  const report = {
    student_name: 'Grace Hopper',
    generated_at: '2026-03-01T12:00:00Z',
    locale: '',
    summary: [{ label: 'Courses enrolled', value: '1' }],
    courses: [{ course_title: 'Compilers <101>', progress_percentage: 40, completed_lessons: 2, total_lessons: 5, time_spent_hours: 1.5, status: 'active', average_quiz_score: 90 }],
  };

  it('is rendered for the analytics service only', async () => {
    const { content } = await asAnalytics().RenderProgressReport(report);
    const text = await pdfText(content);
    expect(text).toContain('Grace Hopper');
    expect(text).toContain('Compilers <101>');
    await expectGrpcError(clientAs('gateway').RenderProgressReport(report), GrpcStatus.PERMISSION_DENIED, 'CERTIFICATE.CALLER_NOT_ALLOWED');
  });
});
