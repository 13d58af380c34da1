import { gradeAnswer, gradeAttempt, round2 } from '../../src/domain/grading';
import type { Correctness, QuestionVersion, StudentAnswer } from '../../src/domain/types';
import { essay, ma, matching, mc, num, ordering, sa, tf } from './fixtures';

type Row = [string, QuestionVersion, StudentAnswer | null | undefined, number, Correctness];

const text = (t: string): StudentAnswer => ({ text: t });
const pick = (...ids: string[]): StudentAnswer => ({ selectedOptionIds: ids });
const pairs = (...p: [string, string][]): StudentAnswer => ({ matches: p.map(([promptId, matchId]) => ({ promptId, matchId })) });
const order = (...ids: string[]): StudentAnswer => ({ order: ids });

// The expected points are worked out by hand from the rules, per row.
const rows: Row[] = [
  // multiple_choice (2 points, b is the key)
  ['mc: the correct option', mc(), pick('b'), 2, 'correct'],
  ['mc: a wrong option', mc(), pick('a'), 0, 'incorrect'],
  ['mc: nothing selected', mc(), pick(), 0, 'unanswered'],
  ['mc: null answer', mc(), null, 0, 'unanswered'],
  ['mc: undefined answer', mc(), undefined, 0, 'unanswered'],
  ['mc: empty answer object', mc(), {}, 0, 'unanswered'],
  ['mc: only an empty-string id', mc(), pick(''), 0, 'unanswered'],
  ['mc: the key selected twice counts once', mc(), pick('b', 'b'), 2, 'correct'],
  ['mc: two different options (even with the key) earn nothing', mc(), pick('a', 'b'), 0, 'incorrect'],
  ['mc: an unknown id', mc(), pick('zzz'), 0, 'incorrect'],
  ['mc: text is not a selection', mc(), text('b'), 0, 'unanswered'],

  // multiple_answer, 4 points, a+b correct, c+d wrong (N = 4); without negative marking P × r / N
  ['ma: exactly the key', ma(false), pick('a', 'b'), 4, 'correct'],
  ['ma: one of two correct (r = 3)', ma(false), pick('a'), 3, 'partial'],
  ['ma: one right one wrong (r = 2)', ma(false), pick('a', 'c'), 2, 'partial'],
  ['ma: select all (r = 2)', ma(false), pick('a', 'b', 'c', 'd'), 2, 'partial'],
  ['ma: only a wrong one (r = 1)', ma(false), pick('c'), 1, 'partial'],
  ['ma: both wrong ones (r = 0)', ma(false), pick('c', 'd'), 0, 'incorrect'],
  ['ma: nothing selected', ma(false), pick(), 0, 'unanswered'],
  ['ma: duplicate ids count once', ma(false), pick('a', 'a', 'b', 'b'), 4, 'correct'],
  ['ma: unknown ids are ignored', ma(false), pick('a', 'zzz'), 3, 'partial'],
  ['ma: only unknown ids earn nothing', ma(false), pick('zzz'), 0, 'incorrect'],
  ['ma: 3 points, r = 3 of 4 → 2.25', ma(false, 3), pick('a'), 2.25, 'partial'],
  // with negative marking P × max(0, (r − w) / N)
  ['ma−: exactly the key', ma(true), pick('a', 'b'), 4, 'correct'],
  ['ma−: one of two correct (3 − 1) / 4', ma(true), pick('a'), 2, 'partial'],
  ['ma−: one right one wrong (2 − 2) / 4', ma(true), pick('a', 'c'), 0, 'incorrect'],
  ['ma−: select all earns nothing', ma(true), pick('a', 'b', 'c', 'd'), 0, 'incorrect'],
  ['ma−: floored at 0, (1 − 3) / 4', ma(true), pick('c'), 0, 'incorrect'],
  ['ma−: all wrong, floored at 0', ma(true), pick('c', 'd'), 0, 'incorrect'],
  ['ma−: duplicate wrong id is one mistake', ma(true), pick('a', 'b', 'c', 'c'), 2, 'partial'],
  ['ma−: nothing selected', ma(true), pick(), 0, 'unanswered'],

  // true_false (key true)
  ['tf: "true"', tf(true), text('true'), 1, 'correct'],
  ['tf: "TRUE"', tf(true), text('TRUE'), 1, 'correct'],
  ['tf: " True " with spaces', tf(true), text(' True '), 1, 'correct'],
  ['tf: "false" against true', tf(true), text('false'), 0, 'incorrect'],
  ['tf: " false " against false', tf(false), text(' false '), 1, 'correct'],
  ['tf: "yes" is wrong (refused earlier by normalizeAnswer)', tf(true), text('yes'), 0, 'incorrect'],
  ['tf: empty text', tf(true), text(''), 0, 'unanswered'],
  ['tf: whitespace only', tf(true), text('   '), 0, 'unanswered'],

  // short_answer
  ['sa: same case', sa(['Paris']), text('Paris'), 1, 'correct'],
  ['sa: other case, insensitive', sa(['Paris']), text('pARIS'), 1, 'correct'],
  ['sa: surrounding spaces trimmed', sa(['Paris']), text('  Paris \n'), 1, 'correct'],
  ['sa: inner whitespace collapsed', sa(['City of Light']), text('city \t  of   light'), 1, 'correct'],
  ['sa: any accepted answer', sa(['Paris', 'City of Light']), text('City of Light'), 1, 'correct'],
  ['sa: a different word', sa(['Paris']), text('Pariss'), 0, 'incorrect'],
  ['sa: empty text', sa(['Paris']), text(''), 0, 'unanswered'],
  ['sa: whitespace only', sa(['Paris']), text(' \t '), 0, 'unanswered'],
  ['sa: case-sensitive, other case', sa(['Paris'], { caseSensitive: true }), text('paris'), 0, 'incorrect'],
  ['sa: case-sensitive, same case, spaces still trimmed', sa(['Paris'], { caseSensitive: true }), text(' Paris '), 1, 'correct'],
  ['sa: exact whitespace, extra space', sa(['New York'], { exactWhitespace: true }), text('New  York'), 0, 'incorrect'],
  ['sa: exact whitespace, leading space', sa(['Paris'], { exactWhitespace: true }), text(' Paris'), 0, 'incorrect'],
  ['sa: exact whitespace, exact text any case', sa(['New York'], { exactWhitespace: true }), text('new york'), 1, 'correct'],
  ['sa: Arabic with surrounding spaces', sa(['القاهرة']), text('  القاهرة '), 1, 'correct'],
  ['sa: Arabic with a doubled inner space', sa(['مصر العربية']), text('مصر  العربية'), 1, 'correct'],
  ['sa: Arabic, another word', sa(['القاهرة']), text('الإسكندرية'), 0, 'incorrect'],
  ['sa: accented, decomposed é matches composed é', sa(['Café']), text('Cafe\u0301'), 1, 'correct'],
  ['sa: accented, upper case', sa(['Café']), text('CAFÉ'), 1, 'correct'],
  ['sa: accent missing is wrong', sa(['Café']), text('Cafe'), 0, 'incorrect'],
  ['sa: accented, case-sensitive', sa(['école'], { caseSensitive: true }), text('ÉCOLE'), 0, 'incorrect'],
  ['sa: German umlaut case-insensitive', sa(['Über']), text('über'), 1, 'correct'],

  // numeric, exact 42
  ['num: "42"', num({ mode: 'exact', value: 42 }), text('42'), 1, 'correct'],
  ['num: " 42 "', num({ mode: 'exact', value: 42 }), text(' 42 '), 1, 'correct'],
  ['num: "4.2e1"', num({ mode: 'exact', value: 42 }), text('4.2e1'), 1, 'correct'],
  ['num: "+42"', num({ mode: 'exact', value: 42 }), text('+42'), 1, 'correct'],
  ['num: "42.000"', num({ mode: 'exact', value: 42 }), text('42.000'), 1, 'correct'],
  ['num: "42.0000000001" (float noise)', num({ mode: 'exact', value: 42 }), text('42.0000000001'), 1, 'correct'],
  ['num: "43"', num({ mode: 'exact', value: 42 }), text('43'), 0, 'incorrect'],
  ['num: "42.001"', num({ mode: 'exact', value: 42 }), text('42.001'), 0, 'incorrect'],
  ['num: "forty-two"', num({ mode: 'exact', value: 42 }), text('forty-two'), 0, 'incorrect'],
  ['num: "42abc"', num({ mode: 'exact', value: 42 }), text('42abc'), 0, 'incorrect'],
  ['num: "0x2A" is not decimal', num({ mode: 'exact', value: 42 }), text('0x2A'), 0, 'incorrect'],
  ['num: "4 2"', num({ mode: 'exact', value: 42 }), text('4 2'), 0, 'incorrect'],
  ['num: ""', num({ mode: 'exact', value: 42 }), text(''), 0, 'unanswered'],
  ['num: whitespace only', num({ mode: 'exact', value: 42 }), text('   '), 0, 'unanswered'],
  ['num: "Infinity"', num({ mode: 'exact', value: 42 }), text('Infinity'), 0, 'incorrect'],
  ['num: "1e999" overflows', num({ mode: 'exact', value: 42 }), text('1e999'), 0, 'incorrect'],
  ['num: "3,5" (comma is no decimal separator)', num({ mode: 'exact', value: 3.5 }), text('3,5'), 0, 'incorrect'],
  ['num: "3.5"', num({ mode: 'exact', value: 3.5 }), text('3.5'), 1, 'correct'],
  ['num: "-3.5"', num({ mode: 'exact', value: -3.5 }), text('-3.5'), 1, 'correct'],
  ['num: "3.5" against −3.5', num({ mode: 'exact', value: -3.5 }), text('3.5'), 0, 'incorrect'],
  ['num: ".5"', num({ mode: 'exact', value: 0.5 }), text('.5'), 1, 'correct'],
  ['num: key 0.1 + 0.2 (float noise) vs "0.3"', num({ mode: 'exact', value: 0.1 + 0.2 }), text('0.3'), 1, 'correct'],
  // tolerance 3.14 ± 0.01, both ends inclusive
  ['num±: the value', num({ mode: 'tolerance', value: 3.14, tolerance: 0.01 }), text('3.14'), 1, 'correct'],
  ['num±: upper boundary 3.15', num({ mode: 'tolerance', value: 3.14, tolerance: 0.01 }), text('3.15'), 1, 'correct'],
  ['num±: lower boundary 3.13', num({ mode: 'tolerance', value: 3.14, tolerance: 0.01 }), text('3.13'), 1, 'correct'],
  ['num±: just above 3.151', num({ mode: 'tolerance', value: 3.14, tolerance: 0.01 }), text('3.151'), 0, 'incorrect'],
  ['num±: just below 3.129', num({ mode: 'tolerance', value: 3.14, tolerance: 0.01 }), text('3.129'), 0, 'incorrect'],
  ['num±: zero tolerance acts as exact', num({ mode: 'tolerance', value: 10, tolerance: 0 }), text('10.0'), 1, 'correct'],
  // range 1..2, both ends inclusive
  ['range: lower end', num({ mode: 'range', min: 1, max: 2 }), text('1'), 1, 'correct'],
  ['range: upper end', num({ mode: 'range', min: 1, max: 2 }), text('2'), 1, 'correct'],
  ['range: inside', num({ mode: 'range', min: 1, max: 2 }), text('1.5'), 1, 'correct'],
  ['range: just below', num({ mode: 'range', min: 1, max: 2 }), text('0.999'), 0, 'incorrect'],
  ['range: just above', num({ mode: 'range', min: 1, max: 2 }), text('2.001'), 0, 'incorrect'],
  ['range: negative range', num({ mode: 'range', min: -5, max: -1 }), text('-3'), 1, 'correct'],

  // matching, 3 points, p1→m1 p2→m2 p3→m3, distractor d1
  ['match: all right', matching(), pairs(['p1', 'm1'], ['p2', 'm2'], ['p3', 'm3']), 3, 'correct'],
  ['match: 2 of 3, third on the distractor', matching(), pairs(['p1', 'm1'], ['p2', 'm2'], ['p3', 'd1']), 2, 'partial'],
  ['match: 2 of 3, third left unpaired', matching(), pairs(['p1', 'm1'], ['p2', 'm2']), 2, 'partial'],
  ['match: 1 of 3, two swapped', matching(), pairs(['p1', 'm2'], ['p2', 'm1'], ['p3', 'm3']), 1, 'partial'],
  ['match: none right', matching(), pairs(['p1', 'm2'], ['p2', 'm3'], ['p3', 'm1']), 0, 'incorrect'],
  ['match: one match used for every prompt', matching(), pairs(['p1', 'm1'], ['p2', 'm1'], ['p3', 'm1']), 1, 'partial'],
  ['match: unknown ids earn nothing', matching(), pairs(['p1', 'zz'], ['zz', 'm2']), 0, 'incorrect'],
  ['match: empty', matching(), pairs(), 0, 'unanswered'],
  ['match: 2 points, 1 of 3 → 0.67', matching(2), pairs(['p1', 'm1']), 0.67, 'partial'],

  // ordering, 4 points, correct i1 i2 i3 i4
  ['order: correct', ordering(), order('i1', 'i2', 'i3', 'i4'), 4, 'correct'],
  ['order: 2 of 4 in place', ordering(), order('i1', 'i2', 'i4', 'i3'), 2, 'partial'],
  ['order: reversed, none in place', ordering(), order('i4', 'i3', 'i2', 'i1'), 0, 'incorrect'],
  ['order: rotated, none in place', ordering(), order('i2', 'i3', 'i4', 'i1'), 0, 'incorrect'],
  ['order: partial order still compared by position', ordering(), order('i1', 'i2'), 2, 'partial'],
  ['order: duplicates compared by position', ordering(), order('i1', 'i1', 'i3', 'i3'), 2, 'partial'],
  ['order: empty', ordering(), order(), 0, 'unanswered'],
  ['order: 1 point, 1 of 3 → 0.33', ordering(1, 3), order('i1', 'i3', 'i2'), 0.33, 'partial'],

  // essay: a person grades it
  ['essay: answered', essay(), text('An argument'), 0, 'pending_review'],
  ['essay: empty', essay(), text(''), 0, 'unanswered'],
  ['essay: whitespace only', essay(), text(' \n '), 0, 'unanswered'],
  ['essay: no answer', essay(), undefined, 0, 'unanswered'],
];

describe('gradeAnswer', () => {
  test.each(rows)('%s', (_name, question, answer, points, correctness) => {
    expect(gradeAnswer(question, answer)).toEqual({ pointsEarned: points, correctness });
  });

  test('When a question has 3 options and one point, then partial credit is rounded to two decimals', () => {
    const three = { ...ma(false, 1), body: { options: ma(false).body.options!.slice(0, 3), negativeMarking: false } }; // a, b correct; c wrong
    expect(gradeAnswer(three, { selectedOptionIds: ['a'] }).pointsEarned).toBe(0.67); // a, c right; b wrong → 2/3
    expect(gradeAnswer(three, { selectedOptionIds: ['c'] }).pointsEarned).toBe(0); // nothing right → 0/3
    expect(gradeAnswer(three, { selectedOptionIds: ['b', 'c'] }).pointsEarned).toBe(0.33); // only b right → 1/3
  });

  test('When an answer carries fields of another type, then only the question type’s field is graded', () => {
    expect(gradeAnswer(mc(), { text: 'b', order: ['b'] }).correctness).toBe('unanswered');
    expect(gradeAnswer(tf(true), { selectedOptionIds: ['true'], text: 'true' }).correctness).toBe('correct');
  });
});

describe('round2', () => {
  test.each([
    [1.005, 1.01],
    [2 / 3, 0.67],
    [0.1 + 0.2, 0.3],
    [12.344999, 12.34],
    [100, 100],
    [0, 0],
    [-1.005, -1.01],
    [Number.NaN, 0],
  ])('round2(%p) = %p', (n, expected) => {
    expect(round2(n)).toBe(expected);
  });
});

describe('gradeAttempt', () => {
  const slots = [{ version: mc(2) }, { version: ma(false, 4) }, { version: essay(100, 5) }, { version: tf(true, 1) }];

  test('When objective questions are answered and the essay is not, then score, max score and percentage add up', () => {
    const result = gradeAttempt(slots, { 'q-multiple_choice': { selectedOptionIds: ['b'] }, 'q-multiple_answer': { selectedOptionIds: ['a'] } });
    // 2 + 3 + 0 + 0 of 12
    expect(result).toMatchObject({ score: 5, maxScore: 12, percentage: 41.67, pendingReview: false });
    expect(result.grades['q-essay']).toEqual({ pointsEarned: 0, correctness: 'unanswered' });
    expect(result.grades['q-true_false']).toEqual({ pointsEarned: 0, correctness: 'unanswered' });
  });

  test('When an essay is answered and not graded by hand, then the attempt is pending review', () => {
    const result = gradeAttempt(slots, { 'q-essay': { text: 'My essay' }, 'q-true_false': { text: 'true' } });
    expect(result.pendingReview).toBe(true);
    expect(result.grades['q-essay'].correctness).toBe('pending_review');
    expect(result.score).toBe(1);
  });

  test.each([
    [5, 'correct'],
    [2.5, 'partial'],
    [0, 'incorrect'],
  ] as const)('When the answered essay is graded %p of 5 by hand, then it counts as %s and nothing is pending', (points, correctness) => {
    const result = gradeAttempt(slots, { 'q-essay': { text: 'My essay' } }, { 'q-essay': { points } });
    expect(result.pendingReview).toBe(false);
    expect(result.grades['q-essay']).toEqual({ pointsEarned: points, correctness });
    expect(result.score).toBe(points);
  });

  test('When a manual grade is out of range, then it is clamped to 0..points', () => {
    expect(gradeAttempt(slots, { 'q-essay': { text: 'x' } }, { 'q-essay': { points: 9 } }).grades['q-essay'].pointsEarned).toBe(5);
    expect(gradeAttempt(slots, { 'q-essay': { text: 'x' } }, { 'q-essay': { points: -2 } }).grades['q-essay'].pointsEarned).toBe(0);
  });

  test('When a manual grade is given for an objective question, then it is ignored (only essays are graded by hand)', () => {
    const result = gradeAttempt(slots, { 'q-multiple_choice': { selectedOptionIds: ['a'] } }, { 'q-multiple_choice': { points: 2 } });
    expect(result.grades['q-multiple_choice']).toEqual({ pointsEarned: 0, correctness: 'incorrect' });
  });

  test('When everything is right, then the percentage is 100 and there are no rounding leftovers', () => {
    const thirds = [1, 2, 3].map((i) => ({ version: { ...tf(true, 0.1), questionId: `t${i}` } }));
    const result = gradeAttempt(thirds, { t1: { text: 'true' }, t2: { text: 'true' }, t3: { text: 'true' } });
    expect(result).toMatchObject({ score: 0.3, maxScore: 0.3, percentage: 100 });
  });

  test('When there are no questions, then the percentage is 0 rather than NaN', () => {
    expect(gradeAttempt([], {})).toEqual({ score: 0, maxScore: 0, percentage: 0, pendingReview: false, grades: {} });
  });
});
