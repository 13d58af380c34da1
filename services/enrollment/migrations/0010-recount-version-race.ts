import type { Migration } from '@lms/kit/db';

/**
 * Repairs the enrolments made while a new course version was being stored: the enrolment's read of the course
 * (one `FOR SHARE OF c` join) got the new current version with the old snapshot's version row, so it was
 * made at the new version with a total of 0 (or a re-activation was brought to it with 0), and its first
 * countable completion failed. Those enrolments are at their course's current version with a
 * `total_lessons_count` other than that version's `total_countable`.
 *
 * Rather than writing counters here, it puts them one version behind and marks their course as not
 * recomputed: the Recomputer's start-up scan (`pendingRecomputes`) then queues the course, and
 * `recomputeCourse` re-derives each one's counters from its completed lessons (`lockBatchBehind` finds it,
 * being behind) with the usual events (`enrollment.progressed`, `enrollment.completed` if that makes it
 * 100 %). A progress command reaching one first brings it up the same way (`runLearnerLesson`). Until then it
 * is in the state of any enrolment a recompute has not reached yet (GetProgress lists the lessons of its
 * version, which may be none when that version was never stored here): a moment after start-up.
 *
 * Only enrolments at the current version are moved, so a second run, or a run on a healthy database, changes
 * nothing; one already behind is left to the recompute that brings it up (which takes the total from the version).
 */
export const recountVersionRaceMigration: Migration = {
  name: '0010-recount-version-race',
  async up(qi) {
    await qi.sequelize.query(`
      WITH moved AS (
        UPDATE enrollments e SET course_version = e.course_version - 1, updated_at = now()
        FROM courses c, course_versions v
        WHERE c.course_id = e.course_id AND e.course_version = c.current_version
          AND v.course_id = e.course_id AND v.version = e.course_version
          AND e.total_lessons_count <> v.total_countable
        RETURNING e.course_id
      )
      UPDATE courses c SET recomputed_version = LEAST(c.recomputed_version, c.current_version - 1)
      WHERE c.course_id IN (SELECT course_id FROM moved);
    `);
  },
  // No down: there is nothing to undo, the recompute left the enrolments exact.
};
