import { registerAndLogin, uniqueEmail } from './support/auth';
import { createCourse, createLesson, publishCourse, publishLesson } from './support/catalog';
import { expectErrorBody, type Api } from './support/http';
import { startQuizFleet, type QuizFleet } from './support/quiz';

/**
 * Issue 9 part 5 through the gateway: bulk enrolment by email does not tell an instructor which addresses
 * have an account (every well-formed email row answers the same `accepted`), and only the course owner
 * (or an admin) can run it.
 */
describe('Authorization gaps through the gateway (bulk enrolment by email)', () => {
  let fleet: QuizFleet;
  let api: Api;

  beforeAll(async () => {
    fleet = await startQuizFleet('authzgaps');
    api = fleet.api;
  });

  afterAll(async () => {
    await fleet?.stop();
  });

  test('When an instructor bulk-enrols emails, then unknown, deactivated, teaching and enrolable addresses get the same row, and only the enrolable student is enrolled', async () => {
    const { owner: instructor, other: otherInstructor, admin } = fleet;
    const course = await createCourse(api, instructor.access);
    const lesson = await createLesson(api, instructor.access, course.id);
    await publishLesson(api, instructor.access, lesson.id);
    await publishCourse(api, instructor.access, course.id);
    const student = await registerAndLogin(api, 'gapsstudent');
    const gone = await registerAndLogin(api, 'gapsgone');
    expect((await api.post(`/api/v1/users/${gone.userId}/deactivate`, undefined, { token: admin.access })).status).toBe(200);

    const emails = [student.email, uniqueEmail('ghost'), gone.email, otherInstructor.email];
    const bulk = await api.post(`/api/v1/courses/${course.id}/enrollments/bulk`, { emails }, { token: instructor.access });
    expect(bulk.status).toBe(201);
    const shapes = (bulk.body.results as Record<string, unknown>[]).map(({ row: _row, input: _input, ...rest }) => JSON.stringify(rest));
    expect(shapes).toHaveLength(4);
    expect(new Set(shapes).size).toBe(1);
    expect(bulk.body.results[0].result).toBe('accepted');
    expect(bulk.body).toMatchObject({ total: 4, enrolled: 0, already_enrolled: 0, unknown_user: 0, invalid: 0 });

    const list = await api.get(`/api/v1/courses/${course.id}/enrollments?page_size=10`, { token: instructor.access });
    expect(list.status).toBe(200);
    const listed = list.body.enrollments as { student_id: string }[];
    expect(listed.map((e) => e.student_id)).toEqual([student.userId]);

    // another instructor can neither run it nor, through it, probe addresses
    expectErrorBody(await api.post(`/api/v1/courses/${course.id}/enrollments/bulk`, { emails }, { token: otherInstructor.access }), 403);
    expectErrorBody(await api.post(`/api/v1/courses/${course.id}/enrollments/bulk`, { emails }, { token: student.access }), 403);
  });
});
