import { BUILT_IN_TEMPLATE_ID, type TemplateRecord } from '../../domain/templates/template.entities';

/**
 * The shipped certificate: the seed's layout (A4 landscape, 135° gradient, white card with a #667eea border,
 * corner brackets, header, the name large and underlined, the course, a details row, two signatures, a round
 * seal, number/issue date/verification URL) plus the QR code of the verification URL. Written in the same
 * placeholder language as the admins' templates. Fonts are the system's Noto families (nothing is fetched): names
 * fall back to Noto Naskh Arabic / Noto Sans Hebrew, and sit in `dir="auto"` spans so right-to-left names read
 * right. The seed's 🎓 needs a colour-emoji font we do not ship, so the mortarboard is drawn in SVG.
 */
const CSS = `
@page { size: A4 landscape; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body {
  width: 297mm; height: 210mm; overflow: hidden;
  font-family: "Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew", sans-serif; color: #333;
  background: linear-gradient(135deg, #667eea 0%, #764ba2 100%);
  padding: 12mm;
}
.card {
  position: relative; width: 100%; height: 100%; background: #fff;
  border: 10px solid #667eea; border-radius: 20px; padding: 8mm 14mm 6mm;
  display: flex; flex-direction: column; align-items: center; text-align: center; overflow: hidden;
}
.corner { position: absolute; width: 42mm; height: 42mm; opacity: 0.1; }
.corner.top-left { top: 0; left: 0; border-top: 14px solid #667eea; border-left: 14px solid #667eea; border-top-left-radius: 10px; }
.corner.bottom-right { bottom: 0; right: 0; border-bottom: 14px solid #764ba2; border-right: 14px solid #764ba2; border-bottom-right-radius: 10px; }
.logo { display: flex; align-items: center; gap: 3mm; font-size: 20px; font-weight: bold; color: #667eea; letter-spacing: 1px; }
.logo svg { width: 9mm; height: 9mm; }
.title { font-family: "Noto Serif", serif; font-size: 40px; font-weight: bold; color: #764ba2; margin: 3mm 0 1mm; letter-spacing: 2px; }
.subtitle { font-size: 16px; color: #666; font-style: italic; }
.name {
  font-family: "Noto Serif", "Noto Naskh Arabic", "Noto Sans Arabic", "Noto Serif Hebrew", serif;
  font-size: 48px; font-weight: bold; color: #333; margin: 5mm 0 3mm; padding: 0 8mm 1mm;
  border-bottom: 3px solid #667eea; unicode-bidi: isolate;
}
.for { font-size: 16px; color: #666; }
.course { font-family: "Noto Serif", "Noto Naskh Arabic", serif; font-size: 26px; font-weight: bold; color: #667eea; margin: 2mm 0 5mm; max-width: 220mm; }
.details { display: flex; gap: 14mm; justify-content: center; }
.detail .label { font-size: 11px; text-transform: uppercase; letter-spacing: 1px; color: #999; }
.detail .value { font-size: 15px; font-weight: bold; color: #333; margin-top: 1mm; }
.signatures { display: flex; gap: 40mm; justify-content: center; margin-top: auto; }
.signature { width: 62mm; }
.signature .line { border-top: 2px solid #333; margin-bottom: 1.5mm; }
.signature .who { font-size: 15px; font-weight: bold; }
.signature .role { font-size: 12px; color: #666; }
.bottom { width: 100%; display: flex; justify-content: space-between; align-items: flex-end; margin-top: 4mm; }
.seal {
  flex: none; width: 28mm; height: 28mm; border-radius: 50%; margin-left: 2mm;
  background: linear-gradient(135deg, #667eea 0%, #764ba2 100%); color: #fff;
  display: flex; align-items: center; justify-content: center; text-align: center;
  font-size: 10px; font-weight: bold; letter-spacing: 1px; line-height: 1.4;
  box-shadow: 0 0 0 3px #fff, 0 0 0 5px #667eea;
}
.verification { display: flex; align-items: flex-end; gap: 3mm; text-align: right; }
.verification .facts { font-size: 9px; color: #666; line-height: 1.5; max-width: 150mm; overflow-wrap: anywhere; }
.qr svg { display: block; width: 24mm; height: 24mm; }
`;

const HTML = `<div class="card">
  <div class="corner top-left"></div>
  <div class="corner bottom-right"></div>
  <div class="logo">
    <svg viewBox="0 0 64 64" aria-hidden="true"><path fill="#667eea" d="M32 8 2 22l30 14 24-11.2V40h4V22L32 8z"/><path fill="#764ba2" d="M14 32.5V44c0 5 8 10 18 10s18-5 18-10V32.5L32 41l-18-8.5z"/></svg>
    <span dir="auto">{{issuer}}</span>
  </div>
  <div class="title">Certificate of Completion</div>
  <div class="subtitle">This certificate is proudly presented to</div>
  <div class="name"><span dir="auto">{{student_name}}</span></div>
  <div class="for">For successfully completing the course</div>
  <div class="course"><span dir="auto">{{course_title}}</span></div>
  <div class="details">
    <div class="detail"><div class="label">Instructor</div><div class="value"><span dir="auto">{{instructor_name}}</span></div></div>
    <div class="detail"><div class="label">Completion Date</div><div class="value">{{completion_date}}</div></div>
    {{#total_hours}}<div class="detail"><div class="label">Total Hours</div><div class="value">{{total_hours}}</div></div>{{/total_hours}}
    {{#final_grade}}<div class="detail"><div class="label">Grade</div><div class="value">{{final_grade}}</div></div>{{/final_grade}}
  </div>
  <div class="signatures">
    <div class="signature"><div class="line"></div><div class="who"><span dir="auto">{{signature_name}}</span></div><div class="role">Platform Director</div></div>
    <div class="signature"><div class="line"></div><div class="who"><span dir="auto">{{instructor_name}}</span></div><div class="role">Course Instructor</div></div>
  </div>
  <div class="bottom">
    <div class="seal">VERIFIED<br>CERTIFICATE</div>
    <div class="verification">
      <div class="facts">
        <div>Certificate No: {{certificate_number}}</div>
        <div>Issued: {{issued_date}}</div>
        <div>Verify at: {{verification_url}}</div>
      </div>
      <div class="qr">{{qr_code}}</div>
    </div>
  </div>
</div>`;

/** Listed first by ListTemplates; its dates are those of the code, not of a row. */
export const BUILT_IN_TEMPLATE: TemplateRecord = {
  id: BUILT_IN_TEMPLATE_ID,
  name: 'Built-in certificate',
  description: 'The shipped default: used when no active platform default or course template exists. Read-only.',
  htmlTemplate: HTML,
  cssStyles: CSS.trim(),
  isDefault: false,
  isActive: true,
  courseId: null,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  updatedAt: new Date('2026-01-01T00:00:00Z'),
  builtIn: true,
};
