import {
  buildPaper,
  computeDeadline,
  correctAnswerOf,
  renderPaperQuestion,
  totalsOf,
  type PaperInput,
} from '../../src/domain/paper';
import { createRandom, newSeed, shuffle } from '../../src/domain/random';
import type { PaperSlot, PoolDef, QuestionVersion, QuizQuestion } from '../../src/domain/types';
import { essay, ma, matching, mc, num, ordering, quizQuestion, sa, tf, version } from './fixtures';

const opt = (id: string, text: string, isCorrect = false) => ({ id, text, isCorrect });
const sixOptions = version(
  'multiple_choice',
  { options: ['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => opt(id, `Choice ${id}`, i === 0)) },
  1,
  'fixed-mc',
);

/** Fixed: an MC, an ordering, a matching; pool A: 5 questions draw 2; pool B: 3 questions draw 1. */
function quiz(patch: Partial<PaperInput> = {}): PaperInput {
  const pools: PoolDef[] = [
    { id: 'pool-a', drawCount: 2 },
    { id: 'pool-b', drawCount: 1 },
  ];
  const questions: QuizQuestion[] = [
    quizQuestion(sixOptions, 0),
    ...[1, 2, 3, 4, 5].map((i) => quizQuestion(tf(true), 10 + i, 'pool-a', `a${i}`)),
    quizQuestion(ordering(4, 6), 20, null, 'fixed-order'),
    ...[1, 2, 3].map((i) => quizQuestion(sa(['x']), 30 + i, 'pool-b', `b${i}`)),
    quizQuestion(matching(), 40, null, 'fixed-match'),
  ];
  return { questions, pools, shuffleQuestions: false, shuffleOptions: false, seed: 1234, ...patch };
}

const ids = (slots: PaperSlot[]) => slots.map((s) => s.questionId);
const seeds = Array.from({ length: 200 }, (_, i) => i * 7919 + 1);
const isPermutationOf = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

describe('random', () => {
  test('When the same seed is used twice, then the sequences are identical and in [0, 1)', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(createRandom(43)()).not.toBe(createRandom(42)());
  });

  test('When shuffling, then a new array with the same items is returned and the input is untouched', () => {
    const input = Object.freeze([1, 2, 3, 4, 5]);
    const out = shuffle(input, createRandom(7));
    expect(out).not.toBe(input);
    expect([...out].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(input).toEqual([1, 2, 3, 4, 5]);
  });

  test('When shuffling three items many times, then each of the six orders comes up about equally often', () => {
    const random = createRandom(99);
    const counts = new Map<string, number>();
    for (let i = 0; i < 6000; i++) {
      const key = shuffle(['a', 'b', 'c'], random).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const n of counts.values()) expect(Math.abs(n - 1000)).toBeLessThan(150);
  });

  test('When a seed is made, then it is an unsigned 32-bit integer and seeds vary', () => {
    const made = Array.from({ length: 50 }, newSeed);
    expect(made.every((s) => Number.isInteger(s) && s >= 0 && s < 2 ** 32)).toBe(true);
    expect(new Set(made).size).toBeGreaterThan(45);
  });
});

describe('buildPaper', () => {
  test('When built twice with the same input and seed, then the papers are identical', () => {
    const input = quiz({ shuffleQuestions: true, shuffleOptions: true });
    expect(buildPaper(input)).toEqual(buildPaper(input));
  });

  test('When the question and pool rows come in another order, then the paper is the same', () => {
    const input = quiz({ shuffleQuestions: true, shuffleOptions: true });
    const reversed = { ...input, questions: [...input.questions].reverse(), pools: [...input.pools].reverse() };
    expect(buildPaper(reversed)).toEqual(buildPaper(input));
  });

  test('When built with different seeds, then the papers differ', () => {
    const papers = new Set(seeds.slice(0, 20).map((seed) => JSON.stringify(buildPaper(quiz({ seed, shuffleQuestions: true, shuffleOptions: true })))));
    expect(papers.size).toBeGreaterThan(15);
  });

  test('When pools draw, then every fixed question is there plus exactly drawCount questions from each pool, all distinct', () => {
    for (const seed of seeds) {
      const paper = ids(buildPaper(quiz({ seed })));
      expect(paper).toEqual(expect.arrayContaining(['fixed-mc', 'fixed-order', 'fixed-match']));
      expect(paper.filter((id) => /^a\d$/.test(id))).toHaveLength(2);
      expect(paper.filter((id) => /^b\d$/.test(id))).toHaveLength(1);
      expect(paper).toHaveLength(6);
      expect(new Set(paper).size).toBe(6);
    }
  });

  test('When drawing over many seeds, then every question of a pool gets drawn at some point and nothing else is', () => {
    const drawn = new Set(seeds.flatMap((seed) => ids(buildPaper(quiz({ seed })))));
    expect([...drawn].sort()).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'b1', 'b2', 'b3', 'fixed-match', 'fixed-mc', 'fixed-order']);
  });

  test('When questions are not shuffled, then drawn questions sit in the place of their pool (by order index)', () => {
    const paper = ids(buildPaper(quiz({ seed: 5 })));
    expect(paper[0]).toBe('fixed-mc');
    expect(paper[1]).toMatch(/^a\d$/);
    expect(paper[2]).toMatch(/^a\d$/);
    expect(paper.slice(3)).toEqual(['fixed-order', expect.stringMatching(/^b\d$/), 'fixed-match']);
  });

  test('When a pool has fewer questions than its draw count, then all of them are taken', () => {
    const input = quiz({ pools: [{ id: 'pool-a', drawCount: 9 }, { id: 'pool-b', drawCount: 1 }] });
    expect(ids(buildPaper(input)).filter((id) => id.startsWith('a'))).toHaveLength(5);
  });

  test('When a question points at a pool that is not listed, then it is treated as a fixed question', () => {
    const input = quiz({ pools: [{ id: 'pool-a', drawCount: 2 }] });
    expect(ids(buildPaper(input))).toEqual(expect.arrayContaining(['b1', 'b2', 'b3']));
  });

  test('When questions are shuffled, then the same questions come in varying orders', () => {
    const orders = new Set<string>();
    for (const seed of seeds.slice(0, 30)) {
      const input = quiz({ seed, pools: [] }); // no pools: the same set every time
      const plain = ids(buildPaper(input));
      const shuffled = ids(buildPaper({ ...input, shuffleQuestions: true }));
      expect(isPermutationOf(shuffled, plain)).toBe(true);
      orders.add(shuffled.join());
    }
    expect(orders.size).toBeGreaterThan(10);
  });

  test('When options are not to be shuffled, then choice questions keep the defined option order', () => {
    for (const seed of seeds) {
      const slot = buildPaper(quiz({ seed, shuffleQuestions: true })).find((s) => s.questionId === 'fixed-mc')!;
      expect(slot.optionOrder).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    }
  });

  test('When options are to be shuffled, then choice questions get permutations of their options that vary', () => {
    const orders = new Set<string>();
    for (const seed of seeds) {
      const slot = buildPaper(quiz({ seed, shuffleOptions: true })).find((s) => s.questionId === 'fixed-mc')!;
      expect(isPermutationOf(slot.optionOrder!, ['a', 'b', 'c', 'd', 'e', 'f'])).toBe(true);
      orders.add(slot.optionOrder!.join());
    }
    expect(orders.size).toBeGreaterThan(50);
  });

  test.each([2, 3, 4])('When an ordering question has %p items, then it is never served in the correct order', (count) => {
    const correct = Array.from({ length: count }, (_, i) => `i${i + 1}`);
    const question = quizQuestion(ordering(1, count), 0, null, 'o');
    const seen = new Set<string>();
    for (let seed = 0; seed < 500; seed++) {
      const [slot] = buildPaper({ questions: [question], pools: [], shuffleQuestions: false, shuffleOptions: false, seed });
      expect(isPermutationOf(slot.itemOrder!, correct)).toBe(true);
      expect(slot.itemOrder).not.toEqual(correct);
      seen.add(slot.itemOrder!.join());
    }
    // Every other permutation still shows up: the guard does not collapse the shuffle.
    const permutations = [1, 1, 2, 6, 24][count];
    expect(seen.size).toBe(permutations - 1);
  });

  test('When a matching question is on the paper, then its matches and distractors are always shuffled, even without shuffleOptions', () => {
    const orders = new Set<string>();
    for (const seed of seeds) {
      const slot = buildPaper(quiz({ seed })).find((s) => s.questionId === 'fixed-match')!;
      expect(isPermutationOf(slot.matchOrder!, ['m1', 'm2', 'm3', 'd1'])).toBe(true);
      orders.add(slot.matchOrder!.join());
    }
    expect(orders.size).toBeGreaterThan(12);
  });

  test('When a slot is built, then it carries only the order its type needs', () => {
    const slots = buildPaper({
      questions: [tf(true), sa(['x']), num({ mode: 'exact', value: 1 }), essay(), ma(true), mc()].map((v, i) => quizQuestion(v, i)),
      pools: [],
      shuffleQuestions: false,
      shuffleOptions: true,
      seed: 3,
    });
    expect(slots.map((s) => Object.keys(s).sort())).toEqual([
      ['questionId', 'version'],
      ['questionId', 'version'],
      ['questionId', 'version'],
      ['questionId', 'version'],
      ['optionOrder', 'questionId', 'version'],
      ['optionOrder', 'questionId', 'version'],
    ]);
  });

  test('When a paper is built, then the input is not modified', () => {
    const input = quiz({ shuffleQuestions: true, shuffleOptions: true });
    const before = JSON.stringify(input);
    buildPaper(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe('renderPaperQuestion never leaks the key', () => {
  const secretMc = version('multiple_choice', { options: [opt('a', 'Lyon'), opt('b', 'Paris', true), opt('c', 'Nice')] }, 2, 'q1');
  const secrets: [string, QuestionVersion, string[]][] = [
    ['multiple_choice', secretMc, []],
    ['multiple_answer', ma(true), ['negativeMarking']],
    ['true_false', tf(false), ['correctAnswer']],
    ['short_answer', sa(['Xylophone-secret', 'Second-secret'], { caseSensitive: true }), ['Xylophone-secret', 'Second-secret', 'acceptedAnswers', 'caseSensitive']],
    ['numeric', num({ mode: 'tolerance', value: 987654.321, tolerance: 0.5 }), ['987654', 'tolerance', '0.5']],
    ['numeric range', num({ mode: 'range', min: 13579, max: 24680 }), ['13579', '24680']],
    ['matching', matching(), ['matchId', 'pairs', 'distractors']],
    ['ordering', ordering(), ['isCorrect']],
    ['essay', essay(), []],
  ];

  test.each(secrets)('When a %s question is rendered, then no key, flag or explanation appears', (_type, v, extra) => {
    const [slot] = buildPaper({ questions: [quizQuestion(v, 0)], pools: [], shuffleQuestions: false, shuffleOptions: true, seed: 11 });
    const json = JSON.stringify(renderPaperQuestion(v, slot, 1));
    for (const secret of ['isCorrect', 'explanation', v.explanation, 'correct', 'body', ...extra]) {
      expect(json).not.toContain(secret);
    }
  });

  test('When a multiple-choice question is rendered, then it shows the options in the slot order as id and text only', () => {
    const view = renderPaperQuestion(secretMc, { questionId: 'q1', version: 1, optionOrder: ['c', 'a', 'b'] }, 3);
    expect(view).toEqual({
      id: 'q1',
      questionType: 'multiple_choice',
      questionText: secretMc.text,
      points: 2,
      position: 3,
      options: [
        { id: 'c', text: 'Nice' },
        { id: 'a', text: 'Lyon' },
        { id: 'b', text: 'Paris' },
      ],
      prompts: [],
      matches: [],
      items: [],
      maxLength: 0,
    });
  });

  test('When the slot lists an id the version lacks, then it is skipped', () => {
    const view = renderPaperQuestion(secretMc, { questionId: 'q1', version: 1, optionOrder: ['c', 'gone', 'a', 'b'] }, 1);
    expect(view.options.map((o) => o.id)).toEqual(['c', 'a', 'b']);
  });

  test('When a matching question is rendered, then prompts keep their defined order and matches follow the slot', () => {
    const view = renderPaperQuestion(matching(), { questionId: 'q-matching', version: 1, matchOrder: ['d1', 'm3', 'm1', 'm2'] }, 2);
    expect(view.prompts).toEqual([
      { id: 'p1', text: 'France' },
      { id: 'p2', text: 'Italy' },
      { id: 'p3', text: 'Spain' },
    ]);
    expect(view.matches).toEqual([
      { id: 'd1', text: 'Berlin' },
      { id: 'm3', text: 'Madrid' },
      { id: 'm1', text: 'Paris' },
      { id: 'm2', text: 'Rome' },
    ]);
    expect(view.options).toEqual([]);
  });

  test('When an ordering question is rendered, then the items follow the slot, not the correct order', () => {
    const view = renderPaperQuestion(ordering(), { questionId: 'q-ordering', version: 1, itemOrder: ['i3', 'i1', 'i4', 'i2'] }, 1);
    expect(view.items.map((i) => i.id)).toEqual(['i3', 'i1', 'i4', 'i2']);
    expect(view.items[0]).toEqual({ id: 'i3', text: 'Step 3' });
  });

  test('When an essay is rendered, then it carries its max length and no choices', () => {
    expect(renderPaperQuestion(essay(1234), { questionId: 'q-essay', version: 1 }, 1)).toMatchObject({
      maxLength: 1234,
      options: [],
      prompts: [],
      matches: [],
      items: [],
    });
  });
});

describe('correctAnswerOf', () => {
  test.each<[string, QuestionVersion, ReturnType<typeof correctAnswerOf>]>([
    ['multiple_choice', mc(), { answer: { selectedOptionIds: ['b'] }, acceptedAnswers: [], numeric: null }],
    ['multiple_answer', ma(false), { answer: { selectedOptionIds: ['a', 'b'] }, acceptedAnswers: [], numeric: null }],
    ['true_false (true)', tf(true), { answer: { text: 'true' }, acceptedAnswers: [], numeric: null }],
    ['true_false (false)', tf(false), { answer: { text: 'false' }, acceptedAnswers: [], numeric: null }],
    ['short_answer', sa(['Paris', 'City of Light']), { answer: { text: 'Paris' }, acceptedAnswers: ['Paris', 'City of Light'], numeric: null }],
    [
      'numeric exact',
      num({ mode: 'exact', value: 42 }),
      { answer: { text: '42' }, acceptedAnswers: [], numeric: { mode: 'exact', value: 42, tolerance: 0, min: 0, max: 0 } },
    ],
    [
      'numeric tolerance',
      num({ mode: 'tolerance', value: 3.14, tolerance: 0.01 }),
      { answer: { text: '3.14 ± 0.01' }, acceptedAnswers: [], numeric: { mode: 'tolerance', value: 3.14, tolerance: 0.01, min: 0, max: 0 } },
    ],
    [
      'numeric range',
      num({ mode: 'range', min: 1, max: 2 }),
      { answer: { text: '1 to 2' }, acceptedAnswers: [], numeric: { mode: 'range', value: 0, tolerance: 0, min: 1, max: 2 } },
    ],
    [
      'matching',
      matching(),
      {
        answer: { matches: [{ promptId: 'p1', matchId: 'm1' }, { promptId: 'p2', matchId: 'm2' }, { promptId: 'p3', matchId: 'm3' }] },
        acceptedAnswers: [],
        numeric: null,
      },
    ],
    ['ordering', ordering(), { answer: { order: ['i1', 'i2', 'i3', 'i4'] }, acceptedAnswers: [], numeric: null }],
    ['essay', essay(), { answer: {}, acceptedAnswers: [], numeric: null }],
  ])('When the question is %s, then the key is given in the answer shape', (_name, v, expected) => {
    expect(correctAnswerOf(v)).toEqual(expected);
  });
});

describe('computeDeadline', () => {
  const start = new Date('2025-03-01T10:00:00Z');
  test.each<[string, number, string | null, string | null]>([
    ['a time limit only', 30, null, '2025-03-01T10:30:00.000Z'],
    ['availability end only', 0, '2025-03-02T00:00:00Z', '2025-03-02T00:00:00.000Z'],
    ['both, the limit first', 30, '2025-03-02T00:00:00Z', '2025-03-01T10:30:00.000Z'],
    ['both, the window closes first', 120, '2025-03-01T11:00:00Z', '2025-03-01T11:00:00.000Z'],
    ['neither', 0, null, null],
    ['a full day limit', 1440, null, '2025-03-02T10:00:00.000Z'],
  ])('When there is %s, then the deadline is %p', (_name, limit, until, expected) => {
    const deadline = computeDeadline(start, limit, until ? new Date(until) : null);
    expect(deadline ? deadline.toISOString() : null).toBe(expected);
  });
});

describe('totalsOf', () => {
  const q = (id: string, points: number, poolId: string | null = null) => quizQuestion(tf(true, points), 0, poolId, id);

  test('When there are only fixed questions, then they are counted with their points', () => {
    expect(totalsOf([q('a', 1), q('b', 2.5)], [])).toEqual({ totalQuestions: 2, totalPoints: 3.5 });
  });

  test('When pools draw, then each adds its draw count times the mean points of its questions', () => {
    const questions = [q('f', 2), q('a1', 1, 'A'), q('a2', 3, 'A'), q('a3', 2, 'A'), q('b1', 5, 'B'), q('b2', 5, 'B')];
    // fixed 2 + A: 2 × mean(1,3,2)=2 → 4 + B: 1 × 5 = 11
    expect(totalsOf(questions, [{ id: 'A', drawCount: 2 }, { id: 'B', drawCount: 1 }])).toEqual({ totalQuestions: 4, totalPoints: 11 });
  });

  test('When a pool mean is not round, then the total has two decimals', () => {
    const questions = [q('a1', 1, 'A'), q('a2', 1, 'A'), q('a3', 2, 'A')];
    expect(totalsOf(questions, [{ id: 'A', drawCount: 1 }])).toEqual({ totalQuestions: 1, totalPoints: 1.33 });
  });

  test('When a pool has fewer questions than it draws, then only what it has is counted', () => {
    const questions = [q('a1', 1, 'A'), q('a2', 3, 'A')];
    expect(totalsOf(questions, [{ id: 'A', drawCount: 5 }])).toEqual({ totalQuestions: 2, totalPoints: 4 });
  });

  test('When a pool is empty, then it adds nothing', () => {
    expect(totalsOf([q('f', 1)], [{ id: 'A', drawCount: 3 }])).toEqual({ totalQuestions: 1, totalPoints: 1 });
  });

  test('When totals are computed for a quiz, then they match what any built paper holds (equal pool points)', () => {
    const input = quiz();
    const totals = totalsOf(input.questions, input.pools);
    const paper = buildPaper(input);
    expect(totals.totalQuestions).toBe(paper.length);
    const points = new Map(input.questions.map((x) => [x.questionId, x.points]));
    expect(totals.totalPoints).toBe(paper.reduce((sum, s) => sum + points.get(s.questionId)!, 0));
  });
});
