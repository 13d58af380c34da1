import { ValidationError } from '@lms/kit/errors';
import { contentChanged, normalizeQuestion, sameKey, type QuestionInput } from '../../src/domain/question-definition';
import type { QuestionVersion } from '../../src/domain/types';
import { errorLocs, idSequence, ma, matching, mc, num, ordering, questionInput, sa, tf, essay } from './fixtures';

const normalize = (type: string, patch: Partial<QuestionInput> = {}) => normalizeQuestion(questionInput(type, patch), idSequence());
const locsOf = (type: string, patch: Partial<QuestionInput>) => errorLocs(() => normalize(type, patch));
const options = (...specs: [string, boolean?][]) => specs.map(([text, isCorrect]) => ({ text, isCorrect: isCorrect ?? false }));
const many = (n: number, correctIndex = 0) => Array.from({ length: n }, (_, i) => ({ text: `Option ${i}`, isCorrect: i === correctIndex }));

describe('normalizeQuestion: valid questions', () => {
  test('When a multiple-choice question is valid, then text is trimmed, points rounded and missing ids assigned while given ones are kept', () => {
    const q = normalize('multiple_choice', {
      text: '  Capital of France?  ',
      points: 2.555,
      explanation: ' It is Paris. ',
      options: [
        { id: 'keep-me', text: ' Lyon ', isCorrect: false },
        { text: 'Paris', isCorrect: true },
        { text: 'Nice', isCorrect: false },
      ],
    });
    expect(q).toEqual({
      type: 'multiple_choice',
      text: 'Capital of France?',
      points: 2.56,
      explanation: 'It is Paris.',
      body: {
        options: [
          { id: 'keep-me', text: 'Lyon', isCorrect: false },
          { id: 'new-1', text: 'Paris', isCorrect: true },
          { id: 'new-2', text: 'Nice', isCorrect: false },
        ],
      },
    });
  });

  // Input and body use the same names for the type-specific fields.
  test.each([
    ['multiple_choice', ['options']],
    ['multiple_answer', ['options', 'negativeMarking']],
    ['true_false', ['correctAnswer']],
    ['short_answer', ['acceptedAnswers', 'caseSensitive', 'exactWhitespace']],
    ['numeric', ['numeric']],
    ['matching', ['pairs', 'distractors']],
    ['ordering', ['options']],
    ['essay', ['maxLength']],
  ])('When a valid %s question also carries invalid fields of other types, then they are ignored and its body holds only %p', (type, keys) => {
    const garbage: Partial<QuestionInput> = {
      options: [{ text: '', isCorrect: true }],
      negativeMarking: true,
      correctAnswer: 'maybe',
      acceptedAnswers: [''],
      caseSensitive: true,
      exactWhitespace: true,
      numeric: { mode: 'nonsense', value: Number.NaN, tolerance: -1, min: 2, max: 1 },
      pairs: [{ prompt: '', match: '' }],
      distractors: [{ text: '' }],
      maxLength: -5,
    };
    const foreign = Object.fromEntries(Object.entries(garbage).filter(([k]) => !keys.includes(k)));
    const q = normalizeQuestion({ ...questionInput(type), ...foreign }, idSequence());
    expect(Object.keys(q.body).sort()).toEqual([...keys].sort());
  });

  test('When a multiple-answer question sets negative marking, then the flag is kept', () => {
    expect(normalize('multiple_answer', { negativeMarking: true }).body.negativeMarking).toBe(true);
    expect(normalize('multiple_answer').body.negativeMarking).toBe(false);
  });

  test.each([
    ['true', true],
    ['TRUE', true],
    [' False ', false],
    ['false', false],
  ])('When a true/false key is %p, then it is stored as %p', (raw, expected) => {
    expect(normalize('true_false', { correctAnswer: raw }).body.correctAnswer).toBe(expected);
  });

  test('When short answers are given, then they are trimmed and the flags default to false', () => {
    expect(normalize('short_answer', { acceptedAnswers: [' Paris ', 'City of Light'] }).body).toEqual({
      acceptedAnswers: ['Paris', 'City of Light'],
      caseSensitive: false,
      exactWhitespace: false,
    });
  });

  test('When a short answer has only correct_answer (the seed API form), then it is the one accepted answer', () => {
    expect(normalize('short_answer', { correctAnswer: ' Cairo ', acceptedAnswers: [] }).body.acceptedAnswers).toEqual(['Cairo']);
  });

  test('When a short answer has correct_answer and accepted_answers, then they are merged, correct_answer first, repeats kept once', () => {
    expect(normalize('short_answer', { correctAnswer: 'Cairo', acceptedAnswers: ['Al-Qahira', ' cairo ', 'Al-Qahira'] }).body.acceptedAnswers).toEqual([
      'Cairo',
      'Al-Qahira',
    ]);
    // Case-sensitive: "cairo" is another answer.
    expect(normalize('short_answer', { correctAnswer: 'Cairo', acceptedAnswers: ['cairo'], caseSensitive: true }).body.acceptedAnswers).toEqual([
      'Cairo',
      'cairo',
    ]);
  });

  test('When whitespace is exact, then the accepted answers keep their spacing', () => {
    expect(normalize('short_answer', { acceptedAnswers: ['New  York'], exactWhitespace: true }).body.acceptedAnswers).toEqual(['New  York']);
  });

  test.each([
    [{ mode: 'exact', value: 42, tolerance: 9, min: 9, max: 9 }, { mode: 'exact', value: 42, tolerance: 0, min: 0, max: 0 }],
    [{ mode: 'tolerance', value: 3.14, tolerance: 0.01, min: 9, max: 9 }, { mode: 'tolerance', value: 3.14, tolerance: 0.01, min: 0, max: 0 }],
    [{ mode: 'tolerance', value: 3, tolerance: 0, min: 0, max: 0 }, { mode: 'tolerance', value: 3, tolerance: 0, min: 0, max: 0 }],
    [{ mode: 'range', value: 9, tolerance: 9, min: 1, max: 2 }, { mode: 'range', value: 0, tolerance: 0, min: 1, max: 2 }],
    [{ mode: 'range', value: 0, tolerance: 0, min: 5, max: 5 }, { mode: 'range', value: 0, tolerance: 0, min: 5, max: 5 }],
  ])('When the numeric key is %p, then only the fields of its mode are kept', (numeric, expected) => {
    expect(normalize('numeric', { numeric }).body.numeric).toEqual(expected);
  });

  test('When a matching question is valid, then prompts, matches and distractors get ids, given ones kept', () => {
    const q = normalize('matching', {
      pairs: [
        { id: 'p1', prompt: 'France', matchId: 'm1', match: 'Paris' },
        { prompt: 'Italy', match: 'Rome' },
      ],
      distractors: [{ text: 'Berlin' }],
    });
    expect(q.body).toEqual({
      pairs: [
        { id: 'p1', prompt: 'France', matchId: 'm1', match: 'Paris' },
        { id: 'new-1', prompt: 'Italy', matchId: 'new-2', match: 'Rome' },
      ],
      distractors: [{ id: 'new-3', text: 'Berlin' }],
    });
  });

  test('When ordering items are marked correct, then the flag is ignored: the listed order is the key', () => {
    const q = normalize('ordering', { options: options(['First', true], ['Second', true]) });
    expect(q.body.options!.map((o) => [o.text, o.isCorrect])).toEqual([
      ['First', false],
      ['Second', false],
    ]);
  });

  test.each([
    [0, 20_000],
    [1, 1],
    [500, 500],
    [100_000, 100_000],
  ])('When an essay max length is %p, then %p is stored', (maxLength, expected) => {
    expect(normalize('essay', { maxLength }).body.maxLength).toBe(expected);
  });

  test.each([
    [0.01, 0.01],
    [1000, 1000],
    [12.345, 12.35],
    [0.005, 0.01],
    [7, 7],
  ])('When points are %p, then %p is stored', (points, expected) => {
    expect(normalize('true_false', { points }).points).toBe(expected);
  });

  test('When the question text is exactly 5000 characters (Arabic, multi-byte), then it is accepted', () => {
    expect(normalize('essay', { text: 'ع'.repeat(5000) }).text).toHaveLength(5000);
  });
});

describe('normalizeQuestion: every rule reports its field', () => {
  const fine = (type: string, patch: Partial<QuestionInput>) => expect(() => normalize(type, patch)).not.toThrow();
  type Case = [string, string, Partial<QuestionInput>, string[]];
  const cases: Case[] = [
    ['an unknown type', 'fill_in', {}, ['question_type']],
    ['an empty text', 'true_false', { text: '' }, ['question_text']],
    ['a whitespace-only text', 'true_false', { text: '   ' }, ['question_text']],
    ['a text over 5000 characters', 'true_false', { text: 'x'.repeat(5001) }, ['question_text']],
    ['a text with a NUL character', 'true_false', { text: 'a\u0000b' }, ['question_text']],
    ['zero points', 'true_false', { points: 0 }, ['points']],
    ['negative points', 'true_false', { points: -1 }, ['points']],
    ['points that round to 0', 'true_false', { points: 0.004 }, ['points']],
    ['points over 1000', 'true_false', { points: 1000.01 }, ['points']],
    ['NaN points', 'true_false', { points: Number.NaN }, ['points']],
    ['infinite points', 'true_false', { points: Number.POSITIVE_INFINITY }, ['points']],
    ['an explanation over 5000 characters', 'true_false', { explanation: 'x'.repeat(5001) }, ['explanation']],
    // multiple_choice
    ['mc: one option', 'multiple_choice', { options: options(['Only', true]) }, ['options']],
    ['mc: no options', 'multiple_choice', { options: [] }, ['options']],
    ['mc: 21 options', 'multiple_choice', { options: many(21) }, ['options']],
    ['mc: no correct option', 'multiple_choice', { options: options(['A'], ['B']) }, ['options']],
    ['mc: two correct options', 'multiple_choice', { options: options(['A', true], ['B', true]) }, ['options']],
    ['mc: an empty option text', 'multiple_choice', { options: options(['A', true], ['  ']) }, ['options.1.text']],
    ['mc: option texts equal ignoring case and spaces', 'multiple_choice', { options: options(['Paris', true], [' paris ']) }, ['options.1.text']],
    ['mc: an option text over 2000 characters', 'multiple_choice', { options: options(['A', true], ['b'.repeat(2001)]) }, ['options.1.text']],
    [
      'mc: a repeated option id',
      'multiple_choice',
      { options: [{ id: 'x', text: 'A', isCorrect: true }, { id: 'x', text: 'B', isCorrect: false }] },
      ['options.1.id'],
    ],
    ['mc: a malformed option id', 'multiple_choice', { options: [{ id: 'a b/c', text: 'A', isCorrect: true }, { text: 'B', isCorrect: false }] }, ['options.0.id']],
    // multiple_answer
    ['ma: no correct option', 'multiple_answer', { options: options(['A'], ['B'], ['C']) }, ['options']],
    ['ma: one option', 'multiple_answer', { options: options(['A', true]) }, ['options']],
    ['ma: 21 options', 'multiple_answer', { options: many(21) }, ['options']],
    // true_false
    ['tf: "yes"', 'true_false', { correctAnswer: 'yes' }, ['correct_answer']],
    ['tf: empty', 'true_false', { correctAnswer: '' }, ['correct_answer']],
    // short_answer
    ['sa: no accepted answers', 'short_answer', { acceptedAnswers: [] }, ['accepted_answers']],
    ['sa: 51 accepted answers', 'short_answer', { acceptedAnswers: Array.from({ length: 51 }, (_, i) => `a${i}`) }, ['accepted_answers']],
    ['sa: a blank accepted answer', 'short_answer', { acceptedAnswers: ['Paris', '  '] }, ['accepted_answers.1']],
    ['sa: neither accepted answers nor correct_answer', 'short_answer', { acceptedAnswers: [], correctAnswer: '' }, ['accepted_answers']],
    ['sa: a blank correct_answer', 'short_answer', { acceptedAnswers: ['Paris'], correctAnswer: '   ' }, ['correct_answer']],
    ['sa: 50 accepted answers and another correct_answer', 'short_answer', { acceptedAnswers: Array.from({ length: 50 }, (_, i) => `a${i}`), correctAnswer: 'b' }, ['accepted_answers']],
    // numeric
    ['num: no key', 'numeric', { numeric: null }, ['numeric']],
    ['num: an unknown mode', 'numeric', { numeric: { mode: 'approx', value: 1, tolerance: 0, min: 0, max: 0 } }, ['numeric.mode']],
    ['num: exact NaN', 'numeric', { numeric: { mode: 'exact', value: Number.NaN, tolerance: 0, min: 0, max: 0 } }, ['numeric.value']],
    ['num: negative tolerance', 'numeric', { numeric: { mode: 'tolerance', value: 1, tolerance: -0.1, min: 0, max: 0 } }, ['numeric.tolerance']],
    ['num: infinite tolerance', 'numeric', { numeric: { mode: 'tolerance', value: 1, tolerance: Infinity, min: 0, max: 0 } }, ['numeric.tolerance']],
    ['num: range min > max', 'numeric', { numeric: { mode: 'range', value: 0, tolerance: 0, min: 3, max: 2 } }, ['numeric.max']],
    ['num: range with infinite min', 'numeric', { numeric: { mode: 'range', value: 0, tolerance: 0, min: -Infinity, max: 2 } }, ['numeric.min']],
    // matching
    ['match: one pair', 'matching', { pairs: [{ prompt: 'France', match: 'Paris' }] }, ['pairs']],
    ['match: 21 pairs', 'matching', { pairs: Array.from({ length: 21 }, (_, i) => ({ prompt: `P${i}`, match: `M${i}` })), distractors: [] }, ['pairs']],
    ['match: an empty prompt', 'matching', { pairs: [{ prompt: ' ', match: 'Paris' }, { prompt: 'Italy', match: 'Rome' }] }, ['pairs.0.prompt']],
    ['match: an empty match', 'matching', { pairs: [{ prompt: 'France', match: 'Paris' }, { prompt: 'Italy', match: '' }] }, ['pairs.1.match']],
    ['match: repeated prompts', 'matching', { pairs: [{ prompt: 'France', match: 'Paris' }, { prompt: 'FRANCE', match: 'Rome' }] }, ['pairs.1.prompt']],
    ['match: repeated matches', 'matching', { pairs: [{ prompt: 'France', match: 'Paris' }, { prompt: 'Italy', match: 'paris' }] }, ['pairs.1.match']],
    ['match: a distractor equal to a match', 'matching', { distractors: [{ text: ' Rome ' }] }, ['distractors.0.text']],
    ['match: an empty distractor', 'matching', { distractors: [{ text: '' }] }, ['distractors.0.text']],
    ['match: 11 distractors', 'matching', { distractors: Array.from({ length: 11 }, (_, i) => ({ text: `D${i}` })) }, ['distractors']],
    [
      'match: a prompt id reused as a match id',
      'matching',
      { pairs: [{ id: 'same', prompt: 'France', matchId: 'same', match: 'Paris' }, { prompt: 'Italy', match: 'Rome' }] },
      ['pairs.0.match_id'],
    ],
    // ordering
    ['order: one item', 'ordering', { options: options(['First']) }, ['options']],
    ['order: 21 items', 'ordering', { options: many(21) }, ['options']],
    ['order: repeated items', 'ordering', { options: options(['First'], ['first']) }, ['options.1.text']],
    // essay
    ['essay: negative max length', 'essay', { maxLength: -1 }, ['max_length']],
    ['essay: max length over 100000', 'essay', { maxLength: 100_001 }, ['max_length']],
    ['essay: fractional max length', 'essay', { maxLength: 1.5 }, ['max_length']],
  ];

  test.each(cases)('When a question has %s, then the error points at the field', (_name, type, patch, expected) => {
    expect(locsOf(type, patch)).toEqual(expected);
  });

  test('When limits are exactly reached, then the question is accepted', () => {
    fine('multiple_choice', { options: many(20), text: 'x'.repeat(5000), explanation: 'y'.repeat(5000), points: 1000 });
    fine('multiple_answer', { options: options(['A', true], ['B']) });
    fine('short_answer', { acceptedAnswers: Array.from({ length: 50 }, (_, i) => `a${i}`) });
    fine('matching', { distractors: Array.from({ length: 10 }, (_, i) => `D${i}`).map((text) => ({ text })) });
    fine('numeric', { numeric: { mode: 'tolerance', value: 1, tolerance: 0, min: 0, max: 0 } });
  });

  test('When a question has many problems, then every one of them is reported in one ValidationError', () => {
    let error: unknown;
    try {
      normalize('multiple_choice', {
        text: '',
        points: 0,
        explanation: 'e'.repeat(5001),
        options: [{ text: '', isCorrect: false }],
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).kind).toBe('invalid_argument');
    const locs = (error as ValidationError).fields!.map((f) => f.loc.join('.'));
    expect(locs).toEqual(expect.arrayContaining(['question_text', 'points', 'explanation', 'options', 'options.0.text']));
    expect((error as ValidationError).fields!.every((f) => typeof f.msg === 'string' && f.msg.length > 0)).toBe(true);
  });

  test('When the type is unknown, then text and points are still checked in the same pass', () => {
    expect(locsOf('fill_in', { text: '', points: -1 }).sort()).toEqual(['points', 'question_text', 'question_type']);
  });

  test('When a multiple-choice question carries an invalid numeric key or pairs, then they are ignored, not reported', () => {
    fine('multiple_choice', { numeric: { mode: 'bad', value: Number.NaN, tolerance: -1, min: 0, max: 0 }, pairs: [{ prompt: '', match: '' }] });
  });
});

describe('sameKey (is a regrade needed?)', () => {
  const with_ = (v: QuestionVersion, patch: Partial<QuestionVersion>): QuestionVersion => ({ ...v, ...patch, version: v.version + 1 });
  const body = (v: QuestionVersion, patch: Partial<QuestionVersion['body']>) => with_(v, { body: { ...v.body, ...patch } });

  test.each<[string, QuestionVersion, QuestionVersion, boolean]>([
    ['identical', mc(), mc(), true],
    ['only the wording and explanation changed', mc(), with_(mc(), { text: 'Reworded', explanation: 'Other' }), true],
    ['an option text changed', mc(), body(mc(), { options: mc().body.options!.map((o) => ({ ...o, text: o.text.toUpperCase() })) }), true],
    ['points changed', mc(2), mc(3), false],
    ['the type changed', mc(), with_(mc(), { type: 'multiple_answer' }), false],
    ['the correct option moved', mc(), body(mc(), { options: mc().body.options!.map((o) => ({ ...o, isCorrect: o.id === 'a' })) }), false],
    ['mc: a wrong option added', mc(), body(mc(), { options: [...mc().body.options!, { id: 'z', text: 'Marseille', isCorrect: false }] }), true],
    ['ma: a wrong option added (N changes)', ma(false), body(ma(false), { options: [...ma(false).body.options!, { id: 'z', text: 'X', isCorrect: false }] }), false],
    ['ma: negative marking switched on', ma(false), ma(true), false],
    ['ma: options listed in another order', ma(false), body(ma(false), { options: [...ma(false).body.options!].reverse() }), true],
    ['tf: key flipped', tf(true), tf(false), false],
    ['sa: recapitalised, case-insensitive', sa(['paris']), sa([' Paris']), true],
    ['sa: recapitalised, case-sensitive', sa(['paris'], { caseSensitive: true }), sa(['Paris'], { caseSensitive: true }), false],
    ['sa: accepted answers reordered', sa(['a', 'b']), sa(['b', 'a']), true],
    ['sa: an accepted answer added', sa(['a']), sa(['a', 'b']), false],
    ['sa: exact whitespace switched on', sa(['a']), sa(['a'], { exactWhitespace: true }), false],
    ['num: tolerance widened', num({ mode: 'tolerance', value: 1, tolerance: 0.1 }), num({ mode: 'tolerance', value: 1, tolerance: 0.2 }), false],
    ['num: range moved', num({ mode: 'range', min: 1, max: 2 }), num({ mode: 'range', min: 1, max: 3 }), false],
    ['match: a distractor added', matching(), body(matching(), { distractors: [...matching().body.distractors!, { id: 'd2', text: 'Oslo' }] }), true],
    ['match: pairs swapped', matching(), body(matching(), { pairs: matching().body.pairs!.map((p, i, all) => ({ ...p, matchId: all[(i + 1) % all.length].matchId })) }), false],
    ['order: two items swapped', ordering(), body(ordering(), { options: [ordering().body.options![1], ordering().body.options![0], ...ordering().body.options!.slice(2)] }), false],
    ['essay: reworded and longer', essay(), with_(essay(50_000), { text: 'New prompt' }), true],
  ])('When %s, then sameKey is %p', (_name, a, b, expected) => {
    expect(sameKey(a, b)).toBe(expected);
    expect(sameKey(b, a)).toBe(expected);
  });
});

describe('contentChanged (is a new version needed?)', () => {
  const v = mc();

  test('When nothing changed, or only the key order of the stored body, then it is unchanged', () => {
    expect(contentChanged(v, { type: v.type, text: v.text, points: v.points, explanation: v.explanation, body: v.body })).toBe(false);
    const reordered = { options: v.body.options!.map((o) => ({ isCorrect: o.isCorrect, text: o.text, id: o.id })), negativeMarking: undefined };
    expect(contentChanged(v, { ...v, body: reordered })).toBe(false);
  });

  test.each<[string, Partial<QuestionVersion>]>([
    ['the text', { text: 'Other' }],
    ['the points', { points: 3 }],
    ['the explanation', { explanation: 'Other' }],
    ['an option text', { body: { options: v.body.options!.map((o, i) => (i === 0 ? { ...o, text: 'Lille' } : o)) } }],
    ['the option order', { body: { options: [...v.body.options!].reverse() } }],
    ['a new body field', { body: { ...v.body, negativeMarking: true } }],
  ])('When %s changes, then it is a change', (_name, patch) => {
    expect(contentChanged(v, { ...v, ...patch })).toBe(true);
  });
});
