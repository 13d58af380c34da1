import { ValidationError } from '@lms/kit/errors';
import { normalizeAnswer } from '../../src/domain/answer';
import type { QuestionVersion, StudentAnswer } from '../../src/domain/types';
import { essay, ma, matching, mc, num, ordering, sa, tf } from './fixtures';

const pairs = (...p: [string, string][]): StudentAnswer => ({ matches: p.map(([promptId, matchId]) => ({ promptId, matchId })) });

describe('normalizeAnswer: what is stored', () => {
  test.each<[string, QuestionVersion, StudentAnswer, StudentAnswer]>([
    ['mc: one option', mc(), { selectedOptionIds: ['a'] }, { selectedOptionIds: ['a'] }],
    ['mc: the same option twice', mc(), { selectedOptionIds: ['b', 'b'] }, { selectedOptionIds: ['b'] }],
    ['mc: other fields dropped', mc(), { selectedOptionIds: ['b'], text: 'x', order: ['b'] }, { selectedOptionIds: ['b'] }],
    ['ma: duplicates collapsed, in option order', ma(false), { selectedOptionIds: ['c', 'a', 'c', 'a'] }, { selectedOptionIds: ['a', 'c'] }],
    ['ma: empty-string ids ignored', ma(false), { selectedOptionIds: ['', 'b'] }, { selectedOptionIds: ['b'] }],
    ['tf: "TRUE" lower-cased', tf(true), { text: 'TRUE' }, { text: 'true' }],
    ['tf: " false " trimmed', tf(true), { text: ' false ' }, { text: 'false' }],
    ['tf: "False"', tf(true), { text: 'False', selectedOptionIds: ['x'] }, { text: 'false' }],
    ['sa: text kept as typed', sa(['Paris']), { text: '  New  York ' }, { text: '  New  York ' }],
    ['sa: Arabic text', sa(['القاهرة']), { text: 'القاهرة' }, { text: 'القاهرة' }],
    ['sa: exactly 10000 characters', sa(['x']), { text: 'x'.repeat(10_000) }, { text: 'x'.repeat(10_000) }],
    ['sa: 10000 emoji count as 10000 characters', sa(['x']), { text: '😀'.repeat(10_000) }, { text: '😀'.repeat(10_000) }],
    ['num: a non-number is stored (it is just wrong)', num({ mode: 'exact', value: 42 }), { text: 'forty-two' }, { text: 'forty-two' }],
    ['essay: up to its max length', essay(10), { text: 'ten chars!' }, { text: 'ten chars!' }],
    ['essay: newlines and tabs allowed', essay(), { text: 'Line 1\n\tLine 2' }, { text: 'Line 1\n\tLine 2' }],
    ['match: all pairs, stored in prompt order', matching(), pairs(['p3', 'm3'], ['p1', 'm1'], ['p2', 'm2']), pairs(['p1', 'm1'], ['p2', 'm2'], ['p3', 'm3'])],
    ['match: a distractor is a valid choice', matching(), pairs(['p1', 'd1']), pairs(['p1', 'd1'])],
    ['match: some prompts unpaired', matching(), pairs(['p2', 'm1']), pairs(['p2', 'm1'])],
    ['match: a prompt explicitly unpaired is dropped', matching(), pairs(['p1', 'm1'], ['p2', '']), pairs(['p1', 'm1'])],
    ['match: one match used twice is allowed (just wrong)', matching(), pairs(['p1', 'm1'], ['p2', 'm1']), pairs(['p1', 'm1'], ['p2', 'm1'])],
    ['order: a full permutation', ordering(), { order: ['i4', 'i2', 'i3', 'i1'] }, { order: ['i4', 'i2', 'i3', 'i1'] }],
    ['order: other fields dropped', ordering(), { order: ['i1', 'i2', 'i3', 'i4'], text: 'x' }, { order: ['i1', 'i2', 'i3', 'i4'] }],
  ])('%s', (_name, question, raw, expected) => {
    expect(normalizeAnswer(question, raw)).toEqual(expected);
  });
});

describe('normalizeAnswer: unanswered is null', () => {
  test.each<[string, QuestionVersion, StudentAnswer]>([
    ['mc: nothing', mc(), {}],
    ['mc: empty array', mc(), { selectedOptionIds: [] }],
    ['mc: only empty ids', mc(), { selectedOptionIds: [''] }],
    ['ma: empty array', ma(true), { selectedOptionIds: [] }],
    ['tf: empty string', tf(true), { text: '' }],
    ['tf: whitespace', tf(true), { text: '  ' }],
    ['sa: whitespace', sa(['x']), { text: ' \n\t ' }],
    ['num: empty string', num({ mode: 'exact', value: 1 }), { text: '' }],
    ['essay: empty', essay(), { text: '' }],
    ['match: empty array', matching(), { matches: [] }],
    ['match: only unpaired prompts', matching(), pairs(['p1', ''], ['p2', ''])],
    ['order: empty array', ordering(), { order: [] }],
    ['mc: text only (not its field)', mc(), { text: 'b' }],
  ])('%s', (_name, question, raw) => {
    expect(normalizeAnswer(question, raw)).toBeNull();
  });
});

describe('normalizeAnswer: malformed answers are refused', () => {
  test.each<[string, QuestionVersion, StudentAnswer]>([
    ['mc: two options', mc(), { selectedOptionIds: ['a', 'b'] }],
    ['mc: an unknown option id', mc(), { selectedOptionIds: ['zzz'] }],
    ['ma: an unknown option id among known ones', ma(false), { selectedOptionIds: ['a', 'zzz'] }],
    ['tf: "yes"', tf(true), { text: 'yes' }],
    ['tf: "1"', tf(true), { text: '1' }],
    ['sa: 10001 characters', sa(['x']), { text: 'x'.repeat(10_001) }],
    ['num: 10001 characters', num({ mode: 'exact', value: 1 }), { text: '1'.repeat(10_001) }],
    ['sa: a NUL character', sa(['x']), { text: 'a\u0000b' }],
    ['essay: over its max length', essay(10), { text: 'eleven char' }],
    ['match: an unknown prompt id', matching(), pairs(['p9', 'm1'])],
    ['match: an unknown match id', matching(), pairs(['p1', 'm9'])],
    ['match: a prompt id used as a match', matching(), pairs(['p1', 'p2'])],
    ['match: a prompt paired twice', matching(), pairs(['p1', 'm1'], ['p1', 'm2'])],
    ['match: a prompt paired twice with the same match', matching(), pairs(['p1', 'm1'], ['p1', 'm1'])],
    ['order: a partial order', ordering(), { order: ['i1', 'i2'] }],
    ['order: a duplicated item', ordering(), { order: ['i1', 'i1', 'i2', 'i3'] }],
    ['order: an unknown item', ordering(), { order: ['i1', 'i2', 'i3', 'i9'] }],
    ['order: an extra item', ordering(), { order: ['i1', 'i2', 'i3', 'i4', 'i5'] }],
  ])('%s', (_name, question, raw) => {
    let error: unknown;
    try {
      normalizeAnswer(question, raw);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const fields = (error as ValidationError).fields!;
    expect(fields).toHaveLength(1);
    expect(fields[0].loc).toEqual(['answers']);
    expect(fields[0].msg).toContain(question.questionId);
  });

  test('When an unknown id is huge, then the message quotes it cut short', () => {
    const huge = 'x'.repeat(5000);
    try {
      normalizeAnswer(mc(), { selectedOptionIds: [huge] });
      throw new Error('expected a ValidationError');
    } catch (err) {
      expect((err as ValidationError).fields![0].msg.length).toBeLessThan(300);
    }
  });
});
