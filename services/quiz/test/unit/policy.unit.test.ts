import { answersRevealed, isOpen, keptScore, type RevealFacts } from '../../src/domain/policy';
import type { ShowCorrectAnswers } from '../../src/domain/types';

const attempt = (attemptNumber: number, score: number, percentage: number) => ({ attemptNumber, score, maxScore: 10, percentage });

describe('keptScore', () => {
  // Listed out of order on purpose: the policy must go by attempt number, not by position.
  const graded = [attempt(3, 6, 60), attempt(1, 4, 40), attempt(2, 9, 90), attempt(4, 7.5, 75)];

  test.each([
    ['highest', { score: 9, percentage: 90 }],
    ['latest', { score: 7.5, percentage: 75 }],
    ['first', { score: 4, percentage: 40 }],
    // (60 + 40 + 90 + 75) / 4 = 66.25; (6 + 4 + 9 + 7.5) / 4 = 6.625 → 6.63
    ['average', { score: 6.63, percentage: 66.25 }],
  ] as const)('When the policy is %s, then the kept score is %p', (policy, expected) => {
    expect(keptScore(policy, graded)).toEqual(expected);
  });

  test.each(['highest', 'latest', 'first', 'average'] as const)('When nothing is graded yet under %s, then there is no kept score', (policy) => {
    expect(keptScore(policy, [])).toBeNull();
  });

  test('When two attempts tie for the highest percentage, then the earlier one is kept', () => {
    // Same percentage, different scores (the max score changed between versions): the earlier attempt's score counts.
    const tie = [{ attemptNumber: 2, score: 16, maxScore: 20, percentage: 80 }, { attemptNumber: 1, score: 8, maxScore: 10, percentage: 80 }];
    expect(keptScore('highest', tie)).toEqual({ score: 8, percentage: 80 });
  });

  test('When there is a single graded attempt, then every policy keeps it', () => {
    for (const policy of ['highest', 'latest', 'first', 'average'] as const) {
      expect(keptScore(policy, [attempt(5, 3.33, 33.3)])).toEqual({ score: 3.33, percentage: 33.3 });
    }
  });

  test('When averaging thirds, then the mean is rounded to two decimals', () => {
    expect(keptScore('average', [attempt(1, 1, 10), attempt(2, 1, 10), attempt(3, 0, 0)])).toEqual({ score: 0.67, percentage: 6.67 });
  });
});

describe('answersRevealed', () => {
  const student: RevealFacts = {
    viewerIsStaff: false,
    attemptSubmitted: true,
    studentHasPassed: false,
    attemptsRemaining: 2,
    hasAttemptInProgress: false,
    quizClosed: false,
  };
  const rules: ShowCorrectAnswers[] = ['never', 'after_submit', 'after_pass', 'after_last_attempt'];

  test.each(rules)('When staff look under %s, then they always see the key, even before submission', (rule) => {
    expect(answersRevealed(rule, { ...student, viewerIsStaff: true, attemptSubmitted: false })).toBe(true);
    expect(answersRevealed(rule, { ...student, viewerIsStaff: true })).toBe(true);
  });

  test.each(rules)('When the attempt is not submitted, then a student never sees the key under %s, whatever else holds', (rule) => {
    const everythingElse = { studentHasPassed: true, attemptsRemaining: 0, hasAttemptInProgress: false, quizClosed: true };
    expect(answersRevealed(rule, { ...student, ...everythingElse, attemptSubmitted: false })).toBe(false);
  });

  // [rule, facts (on top of a submitted attempt by a student), revealed]
  test.each<[ShowCorrectAnswers, Partial<RevealFacts>, boolean]>([
    ['never', {}, false],
    ['never', { studentHasPassed: true, attemptsRemaining: 0, quizClosed: true }, false],
    ['after_submit', {}, true],
    ['after_submit', { hasAttemptInProgress: true }, true],
    ['after_pass', { studentHasPassed: false }, false],
    ['after_pass', { studentHasPassed: true }, true],
    ['after_last_attempt', { attemptsRemaining: 2 }, false],
    ['after_last_attempt', { attemptsRemaining: -1 }, false],
    ['after_last_attempt', { attemptsRemaining: 0 }, true],
    ['after_last_attempt', { attemptsRemaining: 0, hasAttemptInProgress: true }, false],
    ['after_last_attempt', { attemptsRemaining: 2, quizClosed: true }, true],
    ['after_last_attempt', { attemptsRemaining: -1, quizClosed: true }, true],
    ['after_last_attempt', { attemptsRemaining: 0, hasAttemptInProgress: true, quizClosed: true }, true],
    ['after_last_attempt', { studentHasPassed: true, attemptsRemaining: 1 }, false],
  ])('When the rule is %s and %p, then revealed is %p', (rule, facts, expected) => {
    expect(answersRevealed(rule, { ...student, ...facts })).toBe(expected);
  });
});

describe('isOpen', () => {
  const now = new Date('2025-03-01T10:00:00Z');
  const at = (iso: string) => new Date(iso);

  test.each<[string, boolean, Date | null, Date | null, boolean]>([
    ['unpublished', false, null, null, false],
    ['unpublished even inside its window', false, at('2025-01-01T00:00:00Z'), at('2025-12-31T00:00:00Z'), false],
    ['published without a window', true, null, null, true],
    ['published, inside its window', true, at('2025-03-01T09:00:00Z'), at('2025-03-01T11:00:00Z'), true],
    ['published, not yet open', true, at('2025-03-01T10:00:01Z'), null, false],
    ['published, opening exactly now', true, now, null, true],
    ['published, closed', true, null, at('2025-03-01T09:59:59Z'), false],
    ['published, closing exactly now', true, null, now, false],
  ])('When the quiz is %s, then isOpen is %p', (_name, isPublished, availableFrom, availableUntil, expected) => {
    expect(isOpen({ isPublished, availableFrom, availableUntil }, now)).toBe(expected);
  });
});
