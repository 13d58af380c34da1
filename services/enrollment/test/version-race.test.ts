import { QueryTypes } from 'sequelize';
import { recountVersionRaceMigration } from '../migrations/0010-recount-version-race';
import { lockWaiters } from '@lms/kit/testing';
import { captureEvents, eventually, invariantViolations, publishedCourse, startFleet, type Fleet } from './support';

const LESSON_COLUMNS =
  'lesson_id, section_id, position, section_position, order_index, lesson_type, unlock_at, unlock_after_days, prerequisite, countable';

/**
 * An enrolment made while a new version of its course is being stored (chaos finding): it must count against
 * the new version's total, and the repair migration makes the enrolments that did not exact again.
 */
describe('an enrolment racing a new course version', () => {
  let f: Fleet;
  let events: Awaited<ReturnType<typeof captureEvents>>;

  beforeAll(async () => {
    f = await startFleet('version_race');
    events = await captureEvents(f.vhost.url, ['enrollment.*']);
  });
  afterAll(async () => {
    await events?.close();
    await f?.close();
  });

  /** The course's version in our read model once catalog's latest course.published is applied, and its countable total. */
  async function settledVersion(courseId: string): Promise<{ version: number; total: number }> {
    const outline = await f.catalog.GetCourseOutline({ course_id: courseId }, f.instructor.auth);
    return eventually(async () => {
      const [row] = await f.db.query<{ version: number; total: number }>(
        `SELECT c.current_version AS version, v.total_countable AS total FROM courses c
         JOIN course_versions v ON v.course_id = c.course_id AND v.version = c.current_version WHERE c.course_id = :courseId`,
        { type: QueryTypes.SELECT, replacements: { courseId } },
      );
      expect(row?.version).toBe(outline.version);
      return row;
    }, 30_000);
  }

  test('When a student enrols while a new version of the course is being stored, then the enrolment counts against the new version and its first completion counts', async () => {
    const { courseId, lessonIds } = await publishedCourse(f, f.instructor, 2);
    const current = await settledVersion(courseId);
    expect(current.total).toBe(2);
    // With catalog unreachable the enrolment skips the outline refresh (whose own saveVersion would queue behind
    // the lock below and serialise the race away) and goes from the local read model straight to the course lock.
    await f.restartEnrollment({ CATALOG_GRPC_ADDR: '127.0.0.1:1' });

    // What saveVersion does for version V+1 (here the same lessons), held open while the student enrols.
    const next = current.version + 1;
    const replacements = { courseId, version: current.version, next };
    const tx = await f.db.transaction();
    let enrolling: ReturnType<typeof f.enrollment.Enroll> | undefined;
    try {
      await f.db.query('SELECT current_version FROM courses WHERE course_id = :courseId FOR UPDATE', { transaction: tx, replacements });
      await f.db.query(
        `INSERT INTO course_versions (course_id, version, countable_lesson_ids, total_countable, lesson_count, source, lessons_fingerprint)
         SELECT course_id, :next, countable_lesson_ids, total_countable, lesson_count, source, lessons_fingerprint
         FROM course_versions WHERE course_id = :courseId AND version = :version`,
        { transaction: tx, replacements },
      );
      await f.db.query(
        `INSERT INTO course_lessons (course_id, version, ${LESSON_COLUMNS})
         SELECT course_id, :next, ${LESSON_COLUMNS} FROM course_lessons WHERE course_id = :courseId AND version = :version`,
        { transaction: tx, replacements },
      );
      await f.db.query('UPDATE courses SET current_version = :next, updated_at = now() WHERE course_id = :courseId', { transaction: tx, replacements });

      enrolling = f.enrollment.Enroll({ course_id: courseId }, f.student.auth);
      enrolling.catch(() => undefined); // awaited below
      // The enrolment waits for the course row lock (its statement names the course).
      await eventually(async () => expect(await lockWaiters(f.db, `%${courseId}%`, '%FOR SHARE%')).toBe(1), 30_000);
      await tx.commit();
    } catch (err) {
      await tx.rollback().catch(() => undefined);
      throw err;
    }

    const e = await enrolling;
    expect(e).toMatchObject({ course_version: next, total_lessons_count: 2, completed_lessons_count: 0 });
    await f.enrollment.CompleteLesson({ enrollment_id: e.id, lesson_id: lessonIds[0] }, f.student.auth);
    expect(await f.enrollment.GetEnrollment({ enrollment_id: e.id }, f.student.auth)).toMatchObject({
      course_version: next,
      completed_lessons_count: 1,
      total_lessons_count: 2,
      progress_percentage: 50,
    });
    expect(await invariantViolations(f.db, courseId)).toEqual([]);
  });

  test('When an enrolment was left with a total of 0 by the race, then the repair migration has the recompute make its counters exact again, with its events', async () => {
    await f.restartEnrollment(); // catalog reachable again (the test above cut it off)
    const { courseId, lessonIds } = await publishedCourse(f, f.instructor, 2);
    const current = await settledVersion(courseId);
    const broken = await f.enrollment.Enroll({ course_id: courseId }, f.student.auth);
    const healthy = await f.enrollment.Enroll({ course_id: courseId }, f.otherStudent.auth);
    await f.enrollment.CompleteLesson({ enrollment_id: broken.id, lesson_id: lessonIds[0] }, f.student.auth);
    await f.enrollment.CompleteLesson({ enrollment_id: healthy.id, lesson_id: lessonIds[1] }, f.otherStudent.auth);
    // The race's damage (a total of 0, so counters at 0), on an enrolment that has a completion the recount must find.
    await f.db.query('UPDATE enrollments SET total_lessons_count = 0, completed_lessons_count = 0, progress_percentage = 0 WHERE id = :id', {
      replacements: { id: broken.id },
    });
    expect(await invariantViolations(f.db, courseId)).toHaveLength(1);
    const healthyBefore = await f.enrollment.GetEnrollment({ enrollment_id: healthy.id }, f.otherStudent.auth);

    // Migrations run at start-up: forget that this one ran, and the restart repairs the database as one already hit.
    await f.db.query('DELETE FROM schema_migrations WHERE name = :name', { replacements: { name: recountVersionRaceMigration.name } });
    await f.restartEnrollment();

    await eventually(async () => {
      expect(await f.enrollment.GetEnrollment({ enrollment_id: broken.id }, f.student.auth)).toMatchObject({
        course_version: current.version,
        completed_lessons_count: 1,
        total_lessons_count: 2,
        progress_percentage: 50,
        status: 'active',
      });
    }, 30_000);
    await events.waitFor(
      'enrollment.progressed',
      (d) => d.enrollment_id === broken.id && d.total_lessons_count === 2 && d.completed_lessons_count === 1 && d.course_version === current.version,
      30_000,
    );
    expect(await invariantViolations(f.db, courseId)).toEqual([]);
    expect(await f.enrollment.GetEnrollment({ enrollment_id: healthy.id }, f.otherStudent.auth)).toEqual(healthyBefore);
    await eventually(async () => {
      const [course] = await f.db.query<{ recomputed_version: number }>('SELECT recomputed_version FROM courses WHERE course_id = :courseId', {
        type: QueryTypes.SELECT,
        replacements: { courseId },
      });
      expect(course.recomputed_version).toBe(current.version);
    }, 30_000);

    // Once exact, running the repair again changes nothing.
    const snapshot = () =>
      f.db.query('SELECT id, course_version, completed_lessons_count, total_lessons_count, updated_at FROM enrollments ORDER BY id', { type: QueryTypes.SELECT });
    const before = await snapshot();
    await recountVersionRaceMigration.up(f.db.getQueryInterface(), f.db);
    expect(await snapshot()).toEqual(before);
  });
});
