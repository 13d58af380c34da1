import { pdfText } from './render-support';
import { certifiedStudent, eventually, publishedCourse, startCertificateFleet, type CertificateFleet } from './support';

/**
 * PDFs on S3 (the s3rver of scripts/infra.sh, a bucket of the suite's own): the render job stores the certificate's
 * PDF through the shared object storage, the download reads it back, and a PDF lost from the bucket is rendered
 * again on the next download (the stored key is deterministic: `certificates/<id>.pdf`).
 */
let f: CertificateFleet;

beforeAll(async () => {
  f = await startCertificateFleet('pdf_s3', { CHROMIUM_PATH: '/usr/bin/chromium', STORAGE_PROVIDER: 's3' });
});
afterAll(async () => {
  await f?.close();
});

it('stores the PDF in the bucket, serves it back, and renders a lost one again', async () => {
  const storage = f.service.deps.storage;
  expect(storage.provider).toBe('s3');
  const course = await publishedCourse(f, f.instructor);
  const { student, certificate } = await certifiedStudent(f, course);
  const key = `certificates/${certificate.id}.pdf`;
  await eventually(async () => expect((await f.certificate.GetCertificate({ certificate_id: certificate.id }, student.auth)).pdf_status).toBe('ready'), 120_000, 200);
  const stored = await storage.head(key);
  expect(stored?.size).toBeGreaterThan(1000);

  const pdf = await f.certificate.GetCertificatePdf({ certificate_id: certificate.id }, student.auth);
  expect(pdf.content.length).toBe(stored!.size);
  expect(await pdfText(pdf.content)).toContain(certificate.certificate_number);

  // the object disappears (a bucket restored from an old backup): the download says "being generated" and asks
  // for a render once the last request is older than a minute
  await storage.delete(key);
  await f.db.query(`UPDATE certificates SET pdf_requested_at = now() - interval '2 minutes' WHERE id = :id`, { replacements: { id: certificate.id } });
  await expect(f.certificate.GetCertificatePdf({ certificate_id: certificate.id }, student.auth)).rejects.toMatchObject({ code: 'CERTIFICATE.PDF_PENDING' });
  await eventually(async () => expect((await storage.head(key))?.size).toBeGreaterThan(1000), 120_000, 250);
  const again = await f.certificate.GetCertificatePdf({ certificate_id: certificate.id }, student.auth);
  expect(await pdfText(again.content)).toContain(certificate.certificate_number);
});
