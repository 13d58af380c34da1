import { finalGrade, totalHours } from '../src/domain/grading';

describe('final grade (mean percentage of the graded attempts)', () => {
  test.each([
    [0, 0, 'Pass'],
    [0, 100, 'Pass'],
    [1, 100, 'A'],
    [2, 90, 'A'],
    [2, 89.99, 'B'],
    [3, 80, 'B'],
    [1, 79.5, 'C'],
    [1, 70, 'C'],
    [1, 69.99, 'Pass'],
    // a graded 0 % attempt counts (the seed skipped it: Python truthiness) — api-compat
    [1, 0, 'Pass'],
  ])('%i graded attempt(s) averaging %d%% → %s', (attempts, average, grade) => {
    expect(finalGrade(attempts, average)).toBe(grade);
  });
});

describe('total hours (time spent on the course)', () => {
  test.each([
    [0, null],
    [-5, null],
    [Number.NaN, null],
    [59, '0 minutes'],
    [60, '1 minute'],
    [119, '1 minute'],
    [45 * 60, '45 minutes'],
    [3599, '59 minutes'],
    [3600, '1 hour'],
    [7199, '1 hour'],
    [7200, '2 hours'],
    [25 * 3600 + 3599, '25 hours'],
  ])('%d seconds → %s', (seconds, wording) => {
    expect(totalHours(seconds)).toBe(wording);
  });
});
