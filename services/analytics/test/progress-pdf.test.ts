import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GrpcStatus } from '@lms/kit/grpc';
import { eventually, expectGrpcError } from '@lms/kit/testing';
import { startFleet, unique } from '@lms/testing-fleet';

/**
 * The progress report PDF end to end: a real learner's history (catalog course, enrolment, a completed lesson)
 * reaches analytics as events; analytics builds the report from the dashboard and the certificate service renders
 * it with its Chromium (one browser for this file, closed with the fleet).
 */
function pdfText(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'progress-pdf-'));
  try {
    const file = path.join(dir, 'report.pdf');
    fs.writeFileSync(file, pdf);
    // Words as they read, whatever line a table cell wrapped them onto.
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('ExportStudentProgressPdf through the certificate renderer', () => {
  let fleet: Awaited<ReturnType<typeof startFleet<'instructor' | 'student' | 'otherStudent'>>>;
  let courseTitle: string;

  beforeAll(async () => {
    fleet = await startFleet({
      label: 'an_pdf',
      services: ['analytics', 'certificate'],
      env: { all: { OUTBOX_POLL_MS: '50' } },
      users: { instructor: ['instructor', 'teacher'], student: ['student', 'learner'], otherStudent: ['student', 'otherlearner'] },
    });
    const { instructor, student } = fleet.users;
    const catalog = fleet.catalog!.client;
    const enrollment = fleet.enrollment!.client;
    courseTitle = `Algèbre & <Logic> ${unique('c')}`;
    const course = await catalog.CreateCourse(
      { title: courseTitle, description: 'A course', category: 'Testing', difficulty_level: 'beginner', price_cents: 0, thumbnail_url: 'https://img.example/t.png' },
      instructor.auth,
    );
    const lessonIds: string[] = [];
    for (let i = 0; i < 2; i++) {
      const lesson = await catalog.CreateLesson({ course_id: course.id, title: `Lesson ${i}`, lesson_type: 'text', content: '# Hi', duration_minutes: 5 }, instructor.auth);
      await catalog.PublishLesson({ lesson_id: lesson.id }, instructor.auth);
      lessonIds.push(lesson.id);
    }
    await catalog.PublishCourse({ course_id: course.id }, instructor.auth);
    const enrolled = await enrollment.Enroll({ course_id: course.id }, student.auth);
    // One of two lessons: the course stays in progress (no certificate is issued, no second render).
    await enrollment.CompleteLesson({ enrollment_id: enrolled.id, lesson_id: lessonIds[0] }, student.auth);
    await eventually(async () => {
      const d = await fleet.analytics!.client.GetStudentDashboard({ student_id: '' }, student.auth);
      expect(d.student_name).toBe(student.fullName);
      expect(d.courses.map((c) => [c.course_title, c.completed_lessons, c.total_lessons])).toEqual([[courseTitle, 1, 2]]);
    }, 30_000);
  }, 120_000);
  afterAll(async () => {
    await fleet?.close();
  });

  test("the learner's own report: a PDF naming them and their course", async () => {
    const { student } = fleet.users;
    const reply = await fleet.analytics!.client.ExportStudentProgressPdf({ student_id: '' }, student.auth);
    expect(reply.filename).toBe('my-progress.pdf');
    expect(reply.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(reply.content);
    expect(text).toContain(student.fullName);
    expect(text).toContain(courseTitle);
  }, 60_000);

  test("another learner's report: only an admin", async () => {
    const { student, otherStudent } = fleet.users;
    await expectGrpcError(
      fleet.analytics!.client.ExportStudentProgressPdf({ student_id: student.userId }, otherStudent.auth),
      GrpcStatus.PERMISSION_DENIED,
      'ANALYTICS.OWN_DASHBOARD_ONLY',
    );
    const byAdmin = await fleet.analytics!.client.ExportStudentProgressPdf({ student_id: student.userId }, fleet.admin!.auth);
    expect(pdfText(byAdmin.content)).toContain(student.fullName);
  }, 60_000);

  test('certificate down: UNAVAILABLE (retryable), and back once it is up', async () => {
    const { student } = fleet.users;
    await fleet.certificate!.stop();
    try {
      await expectGrpcError(
        fleet.analytics!.client.ExportStudentProgressPdf({ student_id: '' }, student.auth),
        GrpcStatus.UNAVAILABLE,
        'ANALYTICS.REPORT_RENDERER_UNAVAILABLE',
      );
    } finally {
      await fleet.certificate!.restart();
    }
    // analytics' channel reconnects with backoff after the refused connections
    await eventually(async () => {
      const reply = await fleet.analytics!.client.ExportStudentProgressPdf({ student_id: '' }, student.auth);
      expect(pdfText(reply.content)).toContain(courseTitle);
    }, 30_000, 500);
  }, 60_000);
});
