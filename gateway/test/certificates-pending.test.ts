import type { LoggedIn } from './support/auth';
import { expectErrorBody } from './support/http';
import { as, completeCourse, enrol, ok, oneLessonCourse, poll, registerStudent, startCertificatesGateway, type CertificatesGateway } from './certificates-support';

/**
 * A renderer that cannot start (CHROMIUM_PATH points nowhere): certificates are still issued — the PDF is a
 * retried job — and the download answers 503 CERTIFICATE.PDF_PENDING with the service's Retry-After, every time.
 */
describe('Certificate download while the PDF cannot be rendered (real fleet, no browser)', () => {
  let cg: CertificatesGateway;
  let student: LoggedIn;

  beforeAll(async () => {
    cg = await startCertificatesGateway('pending', { CHROMIUM_PATH: '/nonexistent/chromium', PDF_RETRY_AFTER_SECONDS: '4' });
    const { api, instructor } = cg;
    student = await registerStudent(api, 'Patient Learner');
    const course = await oneLessonCourse(api, instructor, 'Rendering can wait');
    const enrollmentId = await enrol(api, student, course.courseId);
    await completeCourse(api, student, enrollmentId, course.lessonId);
  }, 180_000);

  afterAll(async () => {
    await cg?.stop();
  });

  test('When the certificate is issued but its PDF cannot be rendered, then it is listed as pending and the download is 503 with Retry-After', async () => {
    const mine = await poll(
      () => cg.api.get('/api/v1/certificates/my-certificates', as(student)),
      (res) => res.status === 200 && res.body.total > 0,
    );
    expect(mine.body.total).toBe(1);
    const cert = mine.body.certificates[0];
    expect(cert).toMatchObject({ student_name: 'Patient Learner', pdf_status: 'pending' });
    for (const user of [student, cg.admin]) {
      const res = await cg.api.get(`/api/v1/certificates/${cert.id}/download`, as(user));
      expectErrorBody(res, 503, 'CERTIFICATE.PDF_PENDING');
      expect(res.headers.get('retry-after')).toBe('4');
    }
    // verification does not need the PDF
    expect(ok(await cg.api.get(`/api/v1/certificates/verify/${cert.certificate_number}`), 200, 'verify').valid).toBe(true);
  });
});
