import { formatCertificateDate } from '../src/domain/templates/dates';
import type { TemplateValues } from '../src/domain/templates/placeholders';
import { escapeHtml, parseTemplate, renderTemplate } from '../src/domain/templates/template-engine';
import { templateSourceProblems } from '../src/domain/templates/template-rules';
import { chooseTemplate } from '../src/domain/templates/template.entities';

const values: TemplateValues = {
  certificate_number: 'CERT-20260217-0A1B2C3D',
  student_name: '<b>Ada</b> & "Co"',
  course_title: "O'Reilly's `course`",
  instructor_name: 'Charles',
  completion_date: 'February 17, 2026',
  issued_date: 'February 17, 2026',
  final_grade: 'A',
  total_hours: '',
  issuer: 'LMS Platform',
  signature_name: 'Platform Director',
  verification_url: 'https://lms.example.org/api/v1/certificates/verify/CERT-20260217-0A1B2C3D',
  qr_code: '<svg id="qr"></svg>',
};

function render(source: string): string {
  const parsed = parseTemplate(source);
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return renderTemplate(parsed.template, values);
}

describe('the placeholder engine', () => {
  it('escapes every value but the QR code, with or without spaces inside the braces', () => {
    expect(render('<p title="{{ student_name }}">{{student_name}}</p>')).toBe(
      '<p title="&lt;b&gt;Ada&lt;/b&gt; &amp; &quot;Co&quot;">&lt;b&gt;Ada&lt;/b&gt; &amp; &quot;Co&quot;</p>',
    );
    expect(render('{{course_title}}')).toBe('O&#39;Reilly&#39;s &#96;course&#96;');
    expect(render('<div>{{qr_code}}</div>')).toBe('<div><svg id="qr"></svg></div>');
  });

  it('prints a section only when its value is not empty, nested sections too', () => {
    expect(render('a{{#total_hours}}[{{total_hours}}]{{/total_hours}}b')).toBe('ab');
    expect(render('a{{#final_grade}}[{{final_grade}}{{#total_hours}}!{{/total_hours}}]{{/final_grade}}b')).toBe('a[A]b');
  });

  it('refuses unknown placeholders, unbalanced sections and other tags, naming each problem', () => {
    const parsed = parseTemplate('{{student_email}} {{#total_hours}} {{/final_grade}} {{> partial}} {{#final_grade}}');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems).toEqual([
      'unknown placeholder "student_email"',
      '"{{/final_grade}}" closes the section "total_hours"',
      '"{{> partial}}" is not a placeholder',
      'the section "final_grade" is not closed',
    ]);
  });

  it('leaves text without tags alone', () => {
    expect(render('<style>a { b: c }</style>{ not a tag }')).toBe('<style>a { b: c }</style>{ not a tag }');
    expect(escapeHtml('plain')).toBe('plain');
  });
});

describe('template rules', () => {
  it('limit sizes and keep the CSS inside its <style>', () => {
    expect(templateSourceProblems({ html: '<p>{{student_name}}</p>', css: 'p { color: red }' })).toEqual([]);
    expect(templateSourceProblems({ html: 'x'.repeat(200 * 1024 + 1) })).toEqual([{ loc: ['html_template'], msg: 'must be at most 200 KB' }]);
    expect(templateSourceProblems({ css: 'x'.repeat(100 * 1024 + 1) })).toEqual([{ loc: ['css_styles'], msg: 'must be at most 100 KB' }]);
    expect(templateSourceProblems({ css: 'p {}</STYLE ><script>' })).toEqual([{ loc: ['css_styles'], msg: 'must not contain "</style"' }]);
    expect(templateSourceProblems({ html: ' ' })).toEqual([{ loc: ['html_template'], msg: 'is required' }]);
  });

  it("choose the course's active template, else the active default, else the built-in one", () => {
    const course = { id: 'course', isActive: true };
    const platform = { id: 'default', isActive: true };
    const builtIn = { id: 'built-in', isActive: true };
    expect(chooseTemplate(course, platform, builtIn).id).toBe('course');
    expect(chooseTemplate(null, platform, builtIn).id).toBe('default');
    expect(chooseTemplate({ ...course, isActive: false }, { ...platform, isActive: false }, builtIn).id).toBe('built-in');
  });
});

it("formats dates as the seed's %B %d, %Y in UTC", () => {
  expect(formatCertificateDate(new Date('2026-02-17T23:59:59Z'))).toBe('February 17, 2026');
  expect(formatCertificateDate(new Date('2026-03-01T00:30:00+02:00'))).toBe('February 28, 2026');
  expect(formatCertificateDate(new Date('2026-07-04T12:00:00Z'))).toBe('July 04, 2026');
});
