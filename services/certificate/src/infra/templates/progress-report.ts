import type { ProgressReport__Output } from '@lms/kit/generated/lms/certificate/v1/ProgressReport';
import { formatCertificateDate } from '../../domain/templates/dates';
import { escapeHtml } from '../../domain/templates/template-engine';
import { htmlDocument } from './document';

const CSS = `
@page { size: A4 portrait; margin: 16mm 14mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew", sans-serif; color: #333; font-size: 12px; }
header { border-bottom: 4px solid #667eea; padding-bottom: 4mm; margin-bottom: 6mm; }
h1 { margin: 0; font-size: 24px; color: #764ba2; }
.student { font-size: 18px; font-weight: bold; margin-top: 2mm; unicode-bidi: isolate; }
.generated { color: #888; margin-top: 1mm; }
h2 { font-size: 15px; color: #667eea; margin: 6mm 0 2mm; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; padding: 2mm 2.5mm; border-bottom: 1px solid #e3e3ef; vertical-align: top; }
th { background: #f1f1fb; font-size: 11px; text-transform: uppercase; letter-spacing: .5px; color: #555; }
td.number { text-align: right; white-space: nowrap; }
tr { page-break-inside: avoid; }
.summary td:first-child { color: #666; width: 55%; }
.summary td:last-child { font-weight: bold; }
.bar { height: 2mm; background: #e3e3ef; border-radius: 1mm; margin-top: 1mm; }
.bar span { display: block; height: 100%; background: #667eea; border-radius: 1mm; }
.empty { color: #888; font-style: italic; }
`;

/** A learner's progress report (analytics' my-progress export) as an A4 portrait document; every value escaped. */
export function progressReportHtml(report: ProgressReport__Output): string {
  const generated = new Date(report.generated_at);
  const generatedText = Number.isNaN(generated.getTime()) ? report.generated_at : formatCertificateDate(generated);
  const summary = report.summary.map((figure) => `<tr><td>${escapeHtml(figure.label)}</td><td>${escapeHtml(figure.value)}</td></tr>`).join('');
  const courses = report.courses
    .map((course) => {
      const progress = clampPercent(course.progress_percentage);
      return `<tr>
  <td><span dir="auto">${escapeHtml(course.course_title)}</span></td>
  <td class="number">${progress.toFixed(0)} %<div class="bar"><span style="width:${progress.toFixed(1)}%"></span></div></td>
  <td class="number">${course.completed_lessons} / ${course.total_lessons}</td>
  <td class="number">${round1(course.time_spent_hours)} h</td>
  <td class="number">${round1(course.average_quiz_score)} %</td>
  <td>${escapeHtml(course.status)}</td>
</tr>`;
    })
    .join('');
  const body = `<header>
  <h1>Learning Progress Report</h1>
  <div class="student"><span dir="auto">${escapeHtml(report.student_name)}</span></div>
  <div class="generated">Generated ${escapeHtml(generatedText)}</div>
</header>
<h2>Summary</h2>
${summary ? `<table class="summary"><tbody>${summary}</tbody></table>` : '<p class="empty">No figures yet.</p>'}
<h2>Courses</h2>
${
  courses
    ? `<table><thead><tr><th>Course</th><th>Progress</th><th>Lessons</th><th>Time</th><th>Quiz average</th><th>Status</th></tr></thead><tbody>${courses}</tbody></table>`
    : '<p class="empty">No courses yet.</p>'
}`;
  return htmlDocument(body, CSS);
}

function clampPercent(value: number): number {
  return Number.isFinite(value) ? Math.min(100, Math.max(0, value)) : 0;
}

function round1(value: number): string {
  return Number.isFinite(value) ? (Math.round(value * 10) / 10).toString() : '0';
}
