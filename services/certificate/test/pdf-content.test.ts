import { readFileSync } from 'node:fs';
import type { PdfRenderer } from '../src/app/ports';
import { verificationUrl } from '../src/app/certificates/certificate-view';
import { certificateHtml, certificateValues } from '../src/app/pdf/certificate-document';
import type { TemplateRecord } from '../src/domain/templates/template.entities';
import { BUILT_IN_TEMPLATE } from '../src/infra/templates/built-in-certificate';
import { progressReportHtml } from '../src/infra/templates/progress-report';
import { decodeQr, newRenderer, pdfFonts, pdfInfo, pdfText, rendererConfig, squeeze, startRecordingServer } from './render-support';

/** The printed certificate, through the real Chromium: text, fonts, page size, QR code, escaping, isolation. */
const config = rendererConfig({ PUBLIC_API_URL: 'https://lms.example.org' });
let renderer: PdfRenderer;

// Chromium on 2 shared CPUs: a launch takes 0.3–6 s and a page 0.1–4 s depending on the machine's load.
jest.setTimeout(180_000);

beforeAll(() => {
  renderer = newRenderer();
});
afterAll(() => renderer.close());

function sampleCertificate(overrides: Partial<Parameters<typeof certificateValues>[0]> = {}) {
  return {
    certificateNumber: 'CERT-20260217-0A1B2C3D',
    studentName: 'Ada Lovelace',
    courseTitle: 'Analytical Engines 101',
    instructorName: 'Charles Babbage',
    completionDate: new Date('2026-02-17T10:00:00Z'),
    issuedAt: new Date('2026-02-17T10:00:05Z'),
    finalGrade: 'A',
    totalHours: '25 hours',
    issuedBy: 'LMS Platform',
    signatureName: 'Platform Director',
    ...overrides,
  };
}

const withoutBidiControls = (text: string) => text.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');

async function renderCertificate(template: Pick<TemplateRecord, 'id' | 'htmlTemplate' | 'cssStyles'>, overrides = {}) {
  const values = certificateValues(sampleCertificate(overrides), config);
  return renderer.render(certificateHtml(template, values), { landscape: true, qrCode: values.verification_url });
}

describe('the built-in certificate', () => {
  it('prints the student, the course, the number and the verification URL on one A4 landscape page, with a QR code of that URL', async () => {
    const pdf = await renderCertificate(BUILT_IN_TEMPLATE);
    const text = await pdfText(pdf);
    for (const printed of ['Certificate of Completion', 'Ada Lovelace', 'Analytical Engines 101', 'Charles Babbage', 'February 17, 2026', '25 hours', 'CERT-20260217-0A1B2C3D']) {
      expect(text).toContain(printed);
    }
    expect(squeeze(text)).toContain('VERIFIEDCERTIFICATE'); // letter-spaced: pdftotext splits it
    const url = verificationUrl(config, 'CERT-20260217-0A1B2C3D');
    expect(squeeze(text)).toContain(url);
    const info = await pdfInfo(pdf);
    expect(info.pages).toBe(1);
    expect(Math.abs(info.width - 841.89)).toBeLessThanOrEqual(1);
    expect(Math.abs(info.height - 595.28)).toBeLessThanOrEqual(1);
    expect(await decodeQr(pdf)).toBe(url);
  });

  it('leaves out Total Hours when unknown', async () => {
    const text = await pdfText(await renderCertificate(BUILT_IN_TEMPLATE, { totalHours: null }));
    expect(text).not.toContain('TOTAL HOURS'); // labels are upper-cased by the CSS
    expect(text).toContain('GRADE');
  });

  it('prints Arabic names with an embedded Noto Arabic font, extracted in logical order', async () => {
    const pdf = await renderCertificate(BUILT_IN_TEMPLATE, { studentName: 'ليلى عبد الله', instructorName: 'سارة خالد' });
    // pdftotext wraps a right-to-left run in embedding marks (U+202B … U+202C) and gives its letters in logical
    // order (as typed). "الله" is one ligature glyph in Noto Naskh Arabic, which extracts as "اهلل": what a correct,
    // shaped render gives (an unshaped or reversed one would give isolated forms or "هللا دبع ىليل").
    const text = withoutBidiControls(await pdfText(pdf));
    expect(text).toContain('ليلى عبد اهلل');
    expect(text).toContain('سارة خالد');
    expect((await pdfFonts(pdf)).some((font) => /Noto(Naskh|Sans)Arabic/.test(font))).toBe(true);
  });

  it('prints a hostile course title as the literal text it is', async () => {
    const title = '<script>alert(1)</script><b>x</b>';
    const text = await pdfText(await renderCertificate(BUILT_IN_TEMPLATE, { courseTitle: title }));
    expect(squeeze(text)).toContain(squeeze(title));
  });
});

describe('a template cannot reach anything', () => {
  const hostname = readFileSync('/etc/hostname', 'utf8').trim();

  function hostileHtml(port: number) {
    const origin = `http://127.0.0.1:${port}`;
    return `<p>BODY-START {{student_name}}</p>
<img src="${origin}/img.png">
<link rel="stylesheet" href="${origin}/link.css">
<iframe src="file:///etc/hostname"></iframe>
<iframe src="${origin}/frame"></iframe>
<object data="${origin}/object"></object>
<embed src="${origin}/embed">
<video src="${origin}/video.mp4" autoplay></video>
<div style="background-image: url(${origin}/inline-bg.png)">x</div>
<script>document.body.innerHTML = 'HACKED'</script>
<script src="${origin}/script.js"></script>
<p>BODY-END</p>`;
  }

  function hostileCss(port: number) {
    const origin = `http://127.0.0.1:${port}`;
    return `@import url(${origin}/import.css);
@font-face { font-family: Remote; src: url(${origin}/font.woff2); }
body { font-family: Remote, sans-serif; background: url(${origin}/bg.png); }
p::after { content: url(file:///etc/hostname); }`;
  }

  it('neither through the service document (CSP + interception) nor as raw HTML (interception alone)', async () => {
    const server = await startRecordingServer();
    try {
      const template = { id: 'hostile', htmlTemplate: hostileHtml(server.port), cssStyles: hostileCss(server.port) };
      const viaTemplate = await pdfText(await renderCertificate(template));
      const raw = `<!DOCTYPE html><html><head><style>${hostileCss(server.port)}</style>
<meta http-equiv="refresh" content="0;url=http://127.0.0.1:${server.port}/refresh"></head>
<body>${hostileHtml(server.port).replace('{{student_name}}', 'raw')}</body></html>`;
      const viaRaw = await pdfText(await renderer.render(raw, { landscape: true }));
      for (const text of [viaTemplate, viaRaw]) {
        expect(text).toContain('BODY-START');
        expect(text).toContain('BODY-END');
        expect(text).not.toContain('HACKED');
        expect(text).not.toContain('LEAKED');
        if (hostname.length >= 4) expect(text).not.toContain(hostname);
      }
      // give stray requests a moment to land before concluding there were none
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(server.requests).toEqual([]);
      expect(server.connections()).toBe(0); // not even a preconnect
    } finally {
      await server.close();
    }
  });
});

describe('the progress report', () => {
  it('is A4 portrait with the student, the figures and the courses, all escaped', async () => {
    const pdf = await renderer.render(
      progressReportHtml({
        student_name: 'Grace <Hopper>',
        generated_at: '2026-03-01T12:00:00Z',
        locale: '',
        summary: [
          { label: 'Courses enrolled', value: '2' },
          { label: 'Lessons completed', value: '17' },
        ],
        courses: [
          { course_title: 'COBOL & You', progress_percentage: 75, completed_lessons: 12, total_lessons: 16, time_spent_hours: 9.25, status: 'active', average_quiz_score: 88.5 },
          { course_title: 'Compilers', progress_percentage: 100, completed_lessons: 5, total_lessons: 5, time_spent_hours: 3, status: 'completed', average_quiz_score: 0 },
        ],
      }),
      { landscape: false },
    );
    const text = await pdfText(pdf);
    for (const printed of ['Grace <Hopper>', 'March 01, 2026', 'Courses enrolled', 'COBOL & You', 'Compilers', '12 / 16']) expect(text).toContain(printed);
    const info = await pdfInfo(pdf);
    expect(Math.abs(info.width - 595.28)).toBeLessThanOrEqual(1);
    expect(Math.abs(info.height - 841.89)).toBeLessThanOrEqual(1);
  });
});
