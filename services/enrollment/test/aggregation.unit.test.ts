import { randomUUID } from 'node:crypto';
import {
  canReview,
  newEnrollment,
  progressPercentage,
  reactivate,
  recomputeForVersion,
  recordLessonCompletion,
  type Enrollment,
} from '../src/domain/enrollment';
import { buildCourseVersion } from '../src/domain/course';
import { dripUnlockAt, evaluateLock, parseProgressUpdate } from '../src/domain/progress';
import { Checker } from '../src/domain/validation';

const at = new Date('2025-03-01T10:00:00Z');
const fresh = (total: number, patch: Partial<Enrollment> = {}): Enrollment => ({
  ...newEnrollment({ id: randomUUID(), studentId: randomUUID(), courseId: randomUUID(), courseVersion: 1, totalLessonsCount: total, at }),
  ...patch,
});
const types = (events: { type: string }[]) => events.map((e) => e.type);

describe('progress percentage', () => {
  test('When counts are given, then the percentage is completed/total with two decimals, 0 for an empty course', () => {
    expect(progressPercentage(0, 3)).toBe(0);
    expect(progressPercentage(1, 3)).toBe(33.33);
    expect(progressPercentage(2, 3)).toBe(66.67);
    expect(progressPercentage(3, 4)).toBe(75);
    expect(progressPercentage(1, 8)).toBe(12.5);
    expect(progressPercentage(5, 5)).toBe(100);
    expect(progressPercentage(0, 0)).toBe(0);
    expect(progressPercentage(7, 5)).toBe(100); // never above 100
  });
});

describe('a lesson completion (the row transitioned exactly once)', () => {
  test('When a countable lesson completes, then the counter moves by one and enrollment.progressed is emitted', () => {
    const change = recordLessonCompletion(fresh(3), { countable: true, at });
    expect(change.enrollment).toMatchObject({ completedLessonsCount: 1, progressPercentage: 33.33, status: 'active', startedAt: at });
    expect(types(change.events)).toEqual(['enrollment.progressed']);
  });

  test('When a lesson that does not count completes, then the aggregate is unchanged and no progress event is emitted', () => {
    const change = recordLessonCompletion(fresh(3), { countable: false, at });
    expect(change.enrollment.completedLessonsCount).toBe(0);
    expect(change.events).toEqual([]);
  });

  test('When the last countable lesson completes, then the enrolment completes once with completed_at and one enrollment.completed', () => {
    const change = recordLessonCompletion(fresh(3, { completedLessonsCount: 2, progressPercentage: 66.67 }), { countable: true, at });
    expect(change.enrollment).toMatchObject({ status: 'completed', completedAt: at, progressPercentage: 100, hasNewContent: false });
    expect(types(change.events)).toEqual(['enrollment.progressed', 'enrollment.completed']);
    expect(change.events[1].data).toMatchObject({ course_version: 1, completed_at: at.toISOString() });
  });

  test('When a completed enrolment with new content catches up, then it is back at 100% without a second enrollment.completed', () => {
    const done = fresh(4, { status: 'completed', completedAt: at, completedLessonsCount: 3, progressPercentage: 75, hasNewContent: true });
    const change = recordLessonCompletion(done, { countable: true, at: new Date(at.getTime() + 1000) });
    expect(change.enrollment).toMatchObject({ status: 'completed', completedAt: at, progressPercentage: 100, hasNewContent: false });
    expect(types(change.events)).toEqual(['enrollment.progressed']);
  });

  test('When the counter is already at the total, then a further count is refused rather than reporting more than 100%', () => {
    expect(() => recordLessonCompletion(fresh(2, { completedLessonsCount: 2 }), { countable: true, at })).toThrow(/exceed/);
  });
});

describe('a new course version (recompute from the set of completed lessons)', () => {
  test('When a completed course gains a lesson, then completion is sticky, has_new_content is set and the percentage drops (3/4 = 75%)', () => {
    const done = fresh(3, { status: 'completed', completedAt: at, completedLessonsCount: 3, progressPercentage: 100 });
    const change = recomputeForVersion(done, { version: 2, completedCountable: 3, totalCountable: 4, at });
    expect(change.enrollment).toMatchObject({
      status: 'completed',
      completedAt: at,
      hasNewContent: true,
      progressPercentage: 75,
      completedLessonsCount: 3,
      totalLessonsCount: 4,
      courseVersion: 2,
    });
    expect(types(change.events)).toEqual(['enrollment.progressed']);
  });

  test('When a version removes the only lesson an active student had left, then the enrolment completes (exactly one completion event)', () => {
    const e = fresh(3, { completedLessonsCount: 2, progressPercentage: 66.67 });
    const change = recomputeForVersion(e, { version: 2, completedCountable: 2, totalCountable: 2, at });
    expect(change.enrollment).toMatchObject({ status: 'completed', completedAt: at, progressPercentage: 100 });
    expect(types(change.events)).toEqual(['enrollment.progressed', 'enrollment.completed']);
  });

  test('When a version changes nothing for an enrolment, then only its version moves and nothing is emitted', () => {
    const e = fresh(3, { completedLessonsCount: 1, progressPercentage: 33.33 });
    const change = recomputeForVersion(e, { version: 2, completedCountable: 1, totalCountable: 3, at });
    expect(change.enrollment.courseVersion).toBe(2);
    expect(change.events).toEqual([]);
  });

  test('When a dropped enrolment is recomputed, then its counters follow but it neither completes nor emits a completion', () => {
    const e = fresh(3, { status: 'dropped', droppedAt: at, completedLessonsCount: 2, progressPercentage: 66.67 });
    const change = recomputeForVersion(e, { version: 2, completedCountable: 2, totalCountable: 2, at });
    expect(change.enrollment).toMatchObject({ status: 'dropped', progressPercentage: 100, completedAt: null });
    expect(types(change.events)).toEqual(['enrollment.progressed']);
  });

  test('When the recomputed set is larger than the total (impossible input), then it is capped', () => {
    const change = recomputeForVersion(fresh(3), { version: 2, completedCountable: 9, totalCountable: 3, at });
    expect(change.enrollment.completedLessonsCount).toBe(3);
  });
});

describe('re-activation and review', () => {
  test('When a dropped enrolment comes back, then it keeps its id and history; a course completed once is completed again', () => {
    const dropped = fresh(3, { status: 'dropped', droppedAt: at, completedLessonsCount: 1 });
    const back = reactivate(dropped, new Date(at.getTime() + 5000));
    expect(back).toMatchObject({ id: dropped.id, status: 'active', droppedAt: null, completedLessonsCount: 1 });
    expect(reactivate({ ...dropped, completedAt: at }, at).status).toBe('completed');
  });

  test('When a student has less than the minimum progress, then they cannot review; at the minimum or completed they can', () => {
    expect(canReview(fresh(10, { progressPercentage: 10 }), 20)).toBe(false);
    expect(canReview(fresh(10, { progressPercentage: 20 }), 20)).toBe(true);
    expect(canReview(fresh(10, { status: 'completed' }), 20)).toBe(true);
    expect(canReview(fresh(10, { status: 'dropped', progressPercentage: 90 }), 20)).toBe(false);
  });
});

describe('course versions from catalog', () => {
  const s1 = randomUUID();
  const s2 = randomUUID();
  const [a, b, c, d] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const lesson = (lessonId: string, sectionId: string, extra: Record<string, unknown> = {}) => ({
    lessonId,
    sectionId,
    orderIndex: 0,
    lessonType: 'text',
    unlockAt: null,
    unlockAfterDays: 0,
    prerequisite: '',
    ...extra,
  });

  test('When a version is built, then positions follow the order, sections are numbered and countable flags match the set', () => {
    const v = buildCourseVersion({
      courseId: randomUUID(),
      version: 2,
      instructorId: null,
      title: 'T',
      publishedAt: null,
      countableLessonIds: [a, c, d],
      lessons: [lesson(a, s1), lesson(b, s1), lesson(c, s2, { prerequisite: 'weird' })],
    });
    expect(v.lessons.map((l) => [l.position, l.sectionPosition, l.countable])).toEqual([
      [0, 0, true],
      [1, 0, false],
      [2, 1, true],
      [3, 1, true], // a countable id missing from the list is appended: the count never disagrees with the list
    ]);
    expect(v.lessons[2].prerequisite).toBe('');
  });
});

describe('drip and prerequisites', () => {
  const base = {
    lessonId: randomUUID(),
    sectionId: null,
    position: 1,
    sectionPosition: 0,
    orderIndex: 1,
    lessonType: 'text',
    unlockAt: null as Date | null,
    unlockAfterDays: 0,
    prerequisite: '' as const,
    countable: true,
  };
  const enrolledAt = new Date('2025-03-01T00:00:00Z');

  test('When unlock_at is in the future, then the lesson is drip-locked until then', () => {
    const lock = evaluateLock({ ...base, unlockAt: new Date('2025-04-01T00:00:00Z') }, { enrolledAt, now: at, prerequisiteLessons: [] });
    expect(lock).toEqual({ kind: 'drip', unlockAt: new Date('2025-04-01T00:00:00Z') });
  });

  test('When unlock_after_days has not elapsed since enrolment, then it is locked until enrolled_at + days; afterwards open', () => {
    const lesson = { ...base, unlockAfterDays: 7 };
    expect(evaluateLock(lesson, { enrolledAt, now: at, prerequisiteLessons: [] })).toEqual({ kind: 'drip', unlockAt: new Date('2025-03-08T00:00:00Z') });
    expect(evaluateLock(lesson, { enrolledAt, now: new Date('2025-03-09T00:00:00Z'), prerequisiteLessons: [] })).toEqual({ kind: 'open' });
    expect(dripUnlockAt({ unlockAt: new Date('2025-03-20T00:00:00Z'), unlockAfterDays: 7 }, enrolledAt)).toEqual(new Date('2025-03-20T00:00:00Z'));
  });

  test('When the previous lesson is required and not completed, then it is named; completed, the lesson opens', () => {
    const lesson = { ...base, prerequisite: 'previous_lesson' as const };
    const prev = randomUUID();
    expect(evaluateLock(lesson, { enrolledAt, now: at, prerequisiteLessons: [{ lessonId: prev, completed: false }] })).toEqual({
      kind: 'prerequisite',
      prerequisite: 'previous_lesson',
      missingLessonIds: [prev],
    });
    expect(evaluateLock(lesson, { enrolledAt, now: at, prerequisiteLessons: [{ lessonId: prev, completed: true }] })).toEqual({ kind: 'open' });
  });
});

describe('progress updates (hostile input)', () => {
  const parse = (input: Partial<Parameters<typeof parseProgressUpdate>[0]>) => {
    const check = new Checker();
    const update = parseProgressUpdate(
      { fields: [], status: '', timeSpentSeconds: 0, lastPositionSeconds: 0, completionPercentage: 0, notes: '', ...input },
      300,
      check,
    );
    return { update, errors: check.errors };
  };

  test('When the time increment is negative, huge or fractional, then it is refused; within bounds it is added as given', () => {
    for (const bad of [-1, 301, 1e12, 2.5, Number.NaN]) {
      expect(parse({ fields: ['time_spent_seconds'], timeSpentSeconds: bad }).errors.map((e) => e.loc)).toEqual([['time_spent_seconds']]);
    }
    expect(parse({ fields: ['time_spent_seconds'], timeSpentSeconds: 300 }).update.timeIncrement).toBe(300);
  });

  test('When positions, percentages, statuses, notes or field names are out of range, then every problem is reported', () => {
    const { errors } = parse({
      fields: ['last_position_seconds', 'completion_percentage', 'status', 'notes', 'is_admin'],
      lastPositionSeconds: -5,
      completionPercentage: 101,
      status: 'done',
      notes: 'x'.repeat(10_001),
    });
    expect(errors.map((e) => e.loc[0]).sort()).toEqual(['completion_percentage', 'fields', 'last_position_seconds', 'notes', 'status']);
    expect(parse({ fields: [] }).errors.map((e) => e.loc)).toEqual([['fields']]);
  });
});
