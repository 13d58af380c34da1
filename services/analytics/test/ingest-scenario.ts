import { randomUUID } from 'node:crypto';
import type { AnalyticsSuite, CloudEvent } from './support';

/**
 * A scripted history touching every consumed family, with fixed ids and fact times (UTC), so the read
 * models after it can be compared with numbers computed by hand — and with the same history delivered in
 * another order. `ids` names every entity.
 */
export function scenario(s: Pick<AnalyticsSuite, 'fact'>) {
  const id = () => randomUUID();
  const ids = {
    s1: id(), s2: id(), instructor: id(),
    c1: id(), c2: id(),
    l1: id(), l2: id(), l3: id(), l4: id(),
    e1: id(), e2: id(), e3: id(), e4: id(),
    q1: id(), qa: id(), qb: id(), qaRight: id(), qaWrong: id(),
    a1: id(), a2: id(), a3: id(),
    cert1: id(), cert2: id(),
    section: id(),
  };
  const t = (day: number, time = '10:00:00') => `2026-03-${String(day).padStart(2, '0')}T${time}.000Z`;
  const enr = (e: string, student: string, course: string) => ({ enrollment_id: e, student_id: student, course_id: course });
  const les = (e: string, student: string, course: string, lesson: string) => ({ ...enr(e, student, course), lesson_id: lesson });
  const att = (a: string, student: string, n: number) => ({ attempt_id: a, quiz_id: ids.q1, lesson_id: ids.l2, course_id: ids.c1, student_id: student, attempt_number: n });
  const lessonDef = (lesson: string, title: string, type = 'text') => ({
    lesson_id: lesson, title, section_id: ids.section, order_index: 0, lesson_type: type, counts_toward_completion: true, unlock_at: null, unlock_after_days: 0, prerequisite: null,
  });
  const question = (q: string, text: string, options: { option_id: string; text: string; is_correct: boolean }[]) => ({
    question_id: q, position: 0, question_type: 'multiple_choice', text, points: 1, options,
  });
  const qaOptions = [
    { option_id: ids.qaRight, text: '4', is_correct: true },
    { option_id: ids.qaWrong, text: '5', is_correct: false },
  ];
  const e = (type: string, data: Record<string, unknown>) => s.fact(type, data);
  const events: CloudEvent<unknown>[] = [
    // users
    e('user.registered', { user_id: ids.s1, email: 's1@x.test', full_name: 'Ada', role: 'student', registered_at: t(1, '10:00:00'), created_by: null }),
    e('user.profile_changed', { user_id: ids.s1, full_name: 'Ada Lovelace', changed_by: ids.s1, changed_at: t(2) }),
    e('user.profile_changed', { user_id: ids.s1, full_name: 'Ada Old', changed_by: ids.s1, changed_at: t(1, '12:00:00') }),
    e('user.role_changed', { user_id: ids.s1, old_role: 'student', new_role: 'instructor', changed_by: null, at: t(3) }),
    e('user.registered', { user_id: ids.s2, email: 's2@x.test', full_name: 'Bob', role: 'student', registered_at: t(1, '11:00:00'), created_by: null }),
    e('user.deleted', { user_id: ids.s2, deleted_by: null, at: t(5) }),
    e('user.registered', { user_id: ids.instructor, email: 'i@x.test', full_name: 'Ines', role: 'instructor', registered_at: t(1, '09:00:00'), created_by: null }),
    // catalog
    e('course.created', { course_id: ids.c1, instructor_id: ids.instructor, title: 'Algebra', slug: 'algebra', category: '', difficulty_level: 'beginner', price_cents: 1000, currency: 'USD', created_at: t(1), created_by: ids.instructor }),
    e('lesson.created', { lesson_id: ids.l1, course_id: ids.c1, section_id: ids.section, title: 'L one', lesson_type: 'video', is_published: false, counts_toward_completion: true, created_at: t(1, '10:01:00') }),
    e('lesson.created', { lesson_id: ids.l2, course_id: ids.c1, section_id: ids.section, title: 'L two', lesson_type: 'quiz', is_published: false, counts_toward_completion: true, created_at: t(1, '10:02:00') }),
    e('course.updated', { course_id: ids.c1, changed_fields: ['title'], version: 0, updated_at: t(2, '08:00:00'), title: 'Algebra I' }),
    e('course.updated', { course_id: ids.c1, changed_fields: ['price_cents'], version: 0, updated_at: t(2, '08:30:00'), price_cents: 1500 }),
    e('course.published', { course_id: ids.c1, version: 1, instructor_id: ids.instructor, title: 'Algebra I', published_at: t(2, '09:00:00'), countable_lesson_ids: [ids.l1, ids.l2], lessons: [lessonDef(ids.l1, 'L one'), lessonDef(ids.l2, 'L two', 'quiz')] }),
    e('lesson.created', { lesson_id: ids.l3, course_id: ids.c1, section_id: ids.section, title: 'L three', lesson_type: 'text', is_published: false, counts_toward_completion: true, created_at: t(3) }),
    e('course.published', { course_id: ids.c1, version: 2, instructor_id: ids.instructor, title: 'Algebra I', published_at: t(4), countable_lesson_ids: [ids.l2, ids.l1, ids.l3], lessons: [lessonDef(ids.l2, 'L two', 'quiz'), lessonDef(ids.l1, 'L one'), lessonDef(ids.l3, 'L three')] }),
    e('lesson.updated', { lesson_id: ids.l1, course_id: ids.c1, changed_fields: ['title'], is_published: true, updated_at: t(5), title: 'Intro' }),
    e('lesson.deleted', { lesson_id: ids.l3, course_id: ids.c1, deleted_at: t(6) }),
    e('course.created', { course_id: ids.c2, instructor_id: ids.instructor, title: 'Geometry', slug: 'geometry', category: '', difficulty_level: 'beginner', price_cents: 0, currency: 'USD', created_at: t(1), created_by: ids.instructor }),
    e('course.published', { course_id: ids.c2, version: 1, instructor_id: ids.instructor, title: 'Geometry', published_at: t(2), countable_lesson_ids: [ids.l4], lessons: [lessonDef(ids.l4, 'Shapes')] }),
    e('course.archived', { course_id: ids.c2, archived_at: t(7), was_published: true }),
    // enrolments, learning
    e('enrollment.created', { ...enr(ids.e1, ids.s1, ids.c1), enrolled_at: t(2, '09:00:00'), price_cents: 1500, currency: 'USD' }),
    e('lesson.started', { ...les(ids.e1, ids.s1, ids.c1, ids.l1), at: t(2, '10:00:00') }),
    e('lesson.time_recorded', { ...les(ids.e1, ids.s1, ids.c1, ids.l1), seconds: 300, total_seconds: 300, recorded_at: t(2, '10:20:00') }),
    e('lesson.completed', { ...les(ids.e1, ids.s1, ids.c1, ids.l1), completed_at: t(2, '10:30:00') }),
    e('enrollment.progressed', { ...enr(ids.e1, ids.s1, ids.c1), progress_percentage: 50, completed_lessons_count: 1, total_lessons_count: 2, course_version: 1 }),
    e('lesson.time_recorded', { ...les(ids.e1, ids.s1, ids.c1, ids.l2), seconds: 120, total_seconds: 120, recorded_at: t(3, '08:00:00') }),
    e('lesson.completed', { ...les(ids.e1, ids.s1, ids.c1, ids.l2), completed_at: t(3, '09:00:00') }),
    e('enrollment.progressed', { ...enr(ids.e1, ids.s1, ids.c1), progress_percentage: 33.33, completed_lessons_count: 1, total_lessons_count: 3, course_version: 2 }),
    e('enrollment.progressed', { ...enr(ids.e1, ids.s1, ids.c1), progress_percentage: 66.67, completed_lessons_count: 2, total_lessons_count: 3, course_version: 2 }),
    e('enrollment.reviewed', { ...enr(ids.e1, ids.s1, ids.c1), rating: 4, reviewed_at: t(3) }),
    e('enrollment.reviewed', { ...enr(ids.e1, ids.s1, ids.c1), rating: 5, review: 'Great', reviewed_at: t(4) }),
    e('enrollment.dropped', { ...enr(ids.e1, ids.s1, ids.c1), dropped_at: t(5) }),
    e('enrollment.reactivated', { ...enr(ids.e1, ids.s1, ids.c1), at: t(6) }),
    e('enrollment.created', { ...enr(ids.e2, ids.s2, ids.c1), enrolled_at: t(2, '12:00:00'), price_cents: 1500, currency: 'USD' }),
    e('enrollment.dropped', { ...enr(ids.e2, ids.s2, ids.c1), dropped_at: t(3) }),
    e('enrollment.created', { ...enr(ids.e3, ids.s1, ids.c2), enrolled_at: t(4, '09:00:00'), price_cents: 0, currency: 'USD' }),
    e('lesson.completed', { ...les(ids.e3, ids.s1, ids.c2, ids.l4), completed_at: t(4, '10:00:00') }),
    e('enrollment.progressed', { ...enr(ids.e3, ids.s1, ids.c2), progress_percentage: 100, completed_lessons_count: 1, total_lessons_count: 1, course_version: 1 }),
    e('enrollment.completed', { ...enr(ids.e3, ids.s1, ids.c2), completed_at: t(4, '10:00:00'), course_version: 1 }),
    e('enrollment.expired', { ...enr(ids.e3, ids.s1, ids.c2), expires_at: t(8), expired_at: t(8) }),
    e('enrollment.created', { ...enr(ids.e4, ids.s2, ids.c2), enrolled_at: t(4, '12:00:00') }),
    e('enrollment.reactivated', { ...enr(ids.e4, ids.s2, ids.c2), at: t(8) }),
    e('enrollment.expired', { ...enr(ids.e4, ids.s2, ids.c2), expires_at: t(9), expired_at: t(9) }),
    // quizzes
    e('quiz.published', { quiz_id: ids.q1, course_id: ids.c1, lesson_id: ids.l2, instructor_id: ids.instructor, title: 'Quiz one', passing_score: 60, questions: [question(ids.qa, '2+2?', qaOptions), question(ids.qb, 'Old B', [])], published_at: t(2), defined_at: t(2) }),
    e('quiz.published', { quiz_id: ids.q1, course_id: ids.c1, lesson_id: ids.l2, instructor_id: ids.instructor, title: 'Quiz one v2', passing_score: 60, questions: [question(ids.qa, '2+2?', qaOptions), question(ids.qb, 'Is 3 odd?', [])], published_at: t(2), defined_at: t(3) }),
    e('attempt.started', { ...att(ids.a1, ids.s1, 1), started_at: t(3, '10:00:00'), deadline_at: null }),
    e('quiz.submitted', { ...att(ids.a1, ids.s1, 1), submitted_at: t(3, '10:05:00'), auto_submitted: false, status: 'graded' }),
    e('quiz.graded', {
      ...att(ids.a1, ids.s1, 1), score: 1, max_score: 2, percentage: 50, passed: false, graded_at: t(3, '10:05:00'), graded_by: 'auto',
      answers: [
        { question_id: ids.qa, selected_option_ids: [ids.qaRight], is_correct: true, points_earned: 1, max_points: 1 },
        { question_id: ids.qb, selected_option_ids: [], is_correct: false, points_earned: 0, max_points: 1 },
      ],
    }),
    e('quiz.regraded', {
      regrade_id: id(), attempt_id: ids.a1, quiz_id: ids.q1, course_id: ids.c1, student_id: ids.s1, old_score: 1, new_score: 2, old_percentage: 50, new_percentage: 100, passed: true, regraded_at: t(4),
      answers: [
        { question_id: ids.qa, selected_option_ids: [ids.qaRight], is_correct: true, points_earned: 1, max_points: 1 },
        { question_id: ids.qb, selected_option_ids: [], is_correct: true, points_earned: 1, max_points: 1 },
      ],
    }),
    e('attempt.started', { ...att(ids.a2, ids.s1, 2), started_at: t(3, '11:00:00'), deadline_at: null }),
    e('quiz.submitted', { ...att(ids.a2, ids.s1, 2), submitted_at: t(3, '11:10:00'), auto_submitted: false, status: 'graded' }),
    e('quiz.graded', { ...att(ids.a2, ids.s1, 2), score: 0.8, max_score: 2, percentage: 40, passed: false, graded_at: t(3, '11:10:00'), graded_by: 'auto' }),
    e('attempt.started', { ...att(ids.a3, ids.s2, 1), started_at: t(2, '13:00:00'), deadline_at: null }),
    e('quiz.submitted', { ...att(ids.a3, ids.s2, 1), submitted_at: t(2, '13:02:00'), auto_submitted: false, status: 'graded' }),
    e('quiz.graded', { ...att(ids.a3, ids.s2, 1), score: 1.6, max_score: 2, percentage: 80, passed: true, graded_at: t(2, '13:02:00'), graded_by: 'auto' }),
    // certificates
    e('certificate.issued', { certificate_id: ids.cert1, certificate_number: 'LMS-0001', enrollment_id: ids.e3, student_id: ids.s1, course_id: ids.c2, issued_at: t(4, '11:00:00') }),
    e('certificate.issued', { certificate_id: ids.cert2, certificate_number: 'LMS-0002', enrollment_id: ids.e1, student_id: ids.s1, course_id: ids.c1, issued_at: t(4, '12:00:00') }),
    e('certificate.revoked', { certificate_id: ids.cert2, certificate_number: 'LMS-0002', enrollment_id: ids.e1, student_id: ids.s1, course_id: ids.c1, revoked_at: t(5) }),
  ];
  return { ids, events };
}
