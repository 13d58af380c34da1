import { LESSON_MILESTONES, achievementTitle, sortAchievements, type AchievementView } from '../../src/domain/figures/achievements';
import { addDays, fillDays, lastDays, runningSeries, utcDay, wholeDaysBetween } from '../../src/domain/figures/dates';
import { ItemAnalysis, PointBiserial, pointBiserial, type ItemAnswer } from '../../src/domain/figures/items';
import { average, averageOrNull, hours, majorUnits, median, minutes, optional, percent, round2 } from '../../src/domain/figures/numbers';
import { estimatedCompletionDate } from '../../src/domain/figures/pace';
import { assessRisk, type RiskInput } from '../../src/domain/figures/risk';
import { Checker } from '../../src/domain/validation';

const DAY = 86_400_000;
const NOW = new Date('2026-03-15T12:00:00.000Z');
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

describe('numbers: rates and rounding', () => {
  it('rounds half away from zero to two decimals without binary drift', () => {
    expect(round2(1.005)).toBe(1.01);
    expect(round2(2.675)).toBe(2.68);
    expect(round2(-1.005)).toBe(-1.01);
    expect(round2(33.335)).toBe(33.34);
    expect(round2(NaN)).toBe(0);
    expect(round2(Infinity)).toBe(0);
  });
  it('percent, averages, hours, minutes and money', () => {
    expect(percent(1, 3)).toBe(33.33);
    expect(percent(2, 3)).toBe(66.67);
    expect(percent(5, 0)).toBe(0);
    expect(average(220, 5)).toBe(44);
    expect(average(1, 0)).toBe(0);
    expect(averageOrNull(9, 2)).toBe(4.5);
    expect(averageOrNull(0, 0)).toBeNull();
    expect(hours(13200)).toBe(3.67);
    expect(hours(420)).toBe(0.12);
    expect(minutes(90)).toBe(1.5);
    expect(majorUnits(1999)).toBe(19.99);
    expect(optional(null)).toBeNull();
    expect(optional(NaN)).toBeNull();
    expect(optional(0)).toEqual({ value: 0 });
  });
  it('median of odd and even counts; 0 for none', () => {
    expect(median([])).toBe(0);
    expect(median([60, 0, 50])).toBe(50);
    expect(median([10, 40, 20, 30])).toBe(25);
  });
});

describe('dates: UTC days and filled series', () => {
  it('days are UTC dates whatever the hour', () => {
    expect(utcDay(new Date('2026-03-15T23:59:59.999Z'))).toBe('2026-03-15');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(wholeDaysBetween(ago(2.5), NOW)).toBe(2);
    expect(wholeDaysBetween(NOW, ago(1))).toBe(0);
  });
  it('the last n days end today, oldest first', () => {
    const days = lastDays(NOW, 30);
    expect(days).toHaveLength(30);
    expect(days[0]).toBe('2026-02-14');
    expect(days[29]).toBe('2026-03-15');
  });
  it('fills missing days with zero and keeps a running total from the sum before the window', () => {
    const days = ['2026-03-13', '2026-03-14', '2026-03-15'];
    expect(fillDays(days, new Map([['2026-03-14', 7]]), 0)).toEqual([0, 7, 0]);
    expect(runningSeries(days, new Map([['2026-03-13', 2], ['2026-03-15', 1]]), 10)).toEqual([
      { date: '2026-03-13', added: 2, total: 12 },
      { date: '2026-03-14', added: 0, total: 12 },
      { date: '2026-03-15', added: 1, total: 13 },
    ]);
  });
});

describe('estimated completion date (the seed rule)', () => {
  it('now + (100 − p) / (p / days) days', () => {
    expect(estimatedCompletionDate(50, ago(10), NOW)).toBe('2026-03-25');
    expect(estimatedCompletionDate(20, ago(5), NOW)).toBe('2026-04-04');
    expect(estimatedCompletionDate(25, ago(1), NOW)).toBe('2026-03-18'); // 25 a day, 75 left: 3 days
  });
  it('"" when not started, finished, enrolled less than a day ago or unknown', () => {
    expect(estimatedCompletionDate(0, ago(10), NOW)).toBe('');
    expect(estimatedCompletionDate(100, ago(10), NOW)).toBe('');
    expect(estimatedCompletionDate(50, ago(0.5), NOW)).toBe('');
    expect(estimatedCompletionDate(50, null, NOW)).toBe('');
  });
});

describe('at-risk scoring and cohort median', () => {
  const learner = (id: string, o: Partial<RiskInput>): RiskInput => ({
    enrollmentId: id, studentId: `s-${id}`, enrolledAt: ago(10), firstActivityAt: ago(9), lastActivityAt: ago(1), progress: 50, repeatedlyFailedQuizzes: 0, ...o,
  });

  it('scores each reason with its weight, caps at 100, and lists only learners with a reason', () => {
    const out = assessRisk(
      [
        learner('ok', {}),
        learner('silent', { lastActivityAt: ago(12) }), // 40 + (12 − 7) = 45
        learner('long-silent', { lastActivityAt: ago(40) }), // 40 + 20 (cap)
        learner('failing', { repeatedlyFailedQuizzes: 2 }), // 30
        learner('never', { firstActivityAt: null, lastActivityAt: null, enrolledAt: ago(4) }), // 50
      ],
      NOW,
      7,
    );
    expect(out.map((a) => [a.input.enrollmentId, a.score, a.reasons.map((r) => r.code)])).toEqual([
      ['long-silent', 60, ['inactive']],
      ['never', 50, ['never_started']],
      ['silent', 45, ['inactive']],
      ['failing', 30, ['repeated_quiz_failure']],
    ]);
    expect(out[2].reasons[0].detail).toBe('no activity for 12 days');
    expect(out[3].reasons[0].detail).toBe('failed 2 quizzes at least twice without passing');
  });

  it('never started counts from 3 days; an inactive one is counted from the enrolment', () => {
    const [never] = assessRisk([learner('n', { firstActivityAt: null, lastActivityAt: null, enrolledAt: ago(9) })], NOW, 7);
    expect(never.reasons.map((r) => r.code)).toEqual(['never_started', 'inactive']);
    expect(never.daysInactive).toBe(9);
    expect(never.score).toBe(50 + 40 + 2);
    expect(assessRisk([learner('n', { firstActivityAt: null, lastActivityAt: null, enrolledAt: ago(2) })], NOW, 7)).toEqual([]);
  });

  it('behind the cohort: 25 points under the median of the same enrolment-age week, from 3 learners', () => {
    const week1 = [learner('a', { progress: 80 }), learner('b', { progress: 60, enrolledAt: ago(8) }), learner('c', { progress: 30, enrolledAt: ago(13) })];
    const week3 = [learner('d', { progress: 0, enrolledAt: ago(21) }), learner('e', { progress: 90, enrolledAt: ago(22) })]; // cohort of 2: no comparison
    const out = assessRisk([...week1, ...week3], NOW, 30);
    expect(out.map((a) => [a.input.enrollmentId, a.cohortMedian, a.score])).toEqual([['c', 60, 30]]);
    expect(out[0].reasons[0]).toEqual({ code: 'behind_cohort', detail: 'progress 30% against a cohort median of 60%' });
  });

  it('ties: longer silence first, then the enrolment id', () => {
    const out = assessRisk([learner('b', { repeatedlyFailedQuizzes: 1 }), learner('a', { repeatedlyFailedQuizzes: 1 }), learner('c', { repeatedlyFailedQuizzes: 1, lastActivityAt: ago(3) })], NOW, 7);
    expect(out.map((a) => a.input.enrollmentId)).toEqual(['c', 'a', 'b']);
  });
});

describe('point-biserial item statistics', () => {
  it('matches the textbook formula; null with fewer than 2 pairs or no variance', () => {
    // x = 0,0,1,0 against 50,50,50,0: M1 = 50, M0 = 33.33, s = 21.65, √(pq) = 0.433 → 1/3
    expect(pointBiserial([[0, 50], [0, 50], [1, 50], [0, 0]])).toBe(0.3333);
    expect(pointBiserial([[1, 100], [0, 0]])).toBe(1);
    expect(pointBiserial([[0, 100], [1, 0]])).toBe(-1);
    expect(pointBiserial([[1, 10]])).toBeNull();
    expect(pointBiserial([[1, 10], [1, 20]])).toBeNull(); // x does not vary
    expect(pointBiserial([[1, 10], [0, 10]])).toBeNull(); // y does not vary
  });

  it('the accumulator equals the two-pass value', () => {
    const pairs: [0 | 1, number][] = [[1, 90], [1, 70], [0, 40], [1, 55], [0, 60], [0, 20], [1, 85]];
    const acc = new PointBiserial();
    pairs.forEach(([x, y]) => acc.add(x, y));
    const n = pairs.length;
    const mean = pairs.reduce((s, [, y]) => s + y, 0) / n;
    const sd = Math.sqrt(pairs.reduce((s, [, y]) => s + (y - mean) ** 2, 0) / n);
    const ones = pairs.filter(([x]) => x === 1).map(([, y]) => y);
    const zeros = pairs.filter(([x]) => x === 0).map(([, y]) => y);
    const m = (v: number[]) => v.reduce((s, y) => s + y, 0) / v.length;
    const p = ones.length / n;
    expect(acc.value()).toBeCloseTo(((m(ones) - m(zeros)) / sd) * Math.sqrt(p * (1 - p)), 4);
  });

  it('ItemAnalysis: answered/correct/difficulty, rest score without the item, option counts, ungraded answers', () => {
    const ans = (questionId: string, option: string, isCorrect: boolean | null, maxPoints = 1): ItemAnswer => ({
      questionId, selectedOptionIds: [option], isCorrect, pointsEarned: isCorrect ? maxPoints : 0, maxPoints,
    });
    const analysis = new ItemAnalysis();
    analysis.addAttempt([ans('qa', 'a2', false), ans('qb', 'b1', true), ans('qc', 'c2', false)]);
    analysis.addAttempt([ans('qa', 'a2', false), ans('qb', 'b1', true), ans('qc', 'c2', false)]);
    analysis.addAttempt([ans('qa', 'a1', true), ans('qb', 'b1', true), ans('qc', 'c2', false)]);
    analysis.addAttempt([ans('qa', 'a2', false), ans('qb', 'b2', false), ans('qc', 'c2', false), ans('qe', 'x', null)]);
    expect(analysis.attempts).toBe(4);
    const qa = analysis.figures('qa');
    expect(qa).toMatchObject({ responses: 4, answered: 4, correct: 1, difficulty: 0.25, discrimination: 0.3333 });
    expect([...qa.chosen.entries()].sort()).toEqual([['a1', 1], ['a2', 3]]);
    expect(analysis.figures('qb')).toMatchObject({ correct: 3, difficulty: 0.75, discrimination: 0.3333 });
    expect(analysis.figures('qc')).toMatchObject({ correct: 0, difficulty: 0, discrimination: null });
    expect(analysis.figures('qe')).toMatchObject({ responses: 1, answered: 0, difficulty: 0, discrimination: null });
    expect(analysis.questionIds().sort()).toEqual(['qa', 'qb', 'qc', 'qe']);
  });
});

describe('achievements', () => {
  it('milestones, titles and newest-first order', () => {
    expect(LESSON_MILESTONES).toEqual([1, 10, 50, 100, 500]);
    expect(achievementTitle('lessons_milestone', { value: 1 })).toBe('First lesson completed');
    expect(achievementTitle('lessons_milestone', { value: 50 })).toBe('50 lessons completed');
    expect(achievementTitle('course_completed', { courseTitle: 'Algebra' })).toBe('Completed Algebra');
    expect(achievementTitle('certificate_earned', {})).toBe('Certificate for a course');
    expect(achievementTitle('perfect_quiz', { quizTitle: 'Quiz' })).toBe('Perfect score on Quiz');
    const a = (kind: AchievementView['kind'], at: Date, value = 0): AchievementView => ({ kind, title: '', courseId: '', courseTitle: '', achievedAt: at, value, certificateNumber: '' });
    const sorted = sortAchievements([a('lessons_milestone', ago(3), 1), a('perfect_quiz', ago(1)), a('course_completed', ago(1)), a('lessons_milestone', ago(3), 10)]);
    expect(sorted.map((x) => [x.kind, x.value])).toEqual([['course_completed', 0], ['perfect_quiz', 0], ['lessons_milestone', 10], ['lessons_milestone', 1]]);
  });
});

describe('validation: 0 means the default, else the range', () => {
  it('collects every problem', () => {
    const check = new Checker();
    expect(check.intOr('days', 0, 30, 7, 365)).toBe(30);
    expect(check.intOr('days', 7, 30, 7, 365)).toBe(7);
    expect(check.intOr('days', 366, 30, 7, 365)).toBe(30);
    expect(check.intOr('limit', 2.5, 10, 5, 50)).toBe(10);
    expect(check.optionalUuid('student_id', '')).toBe('');
    check.optionalUuid('student_id', 'x');
    expect(check.errors.map((e) => e.loc[0])).toEqual(['days', 'limit', 'student_id']);
    expect(() => check.throwIfAny()).toThrow('The request is invalid');
  });
});
