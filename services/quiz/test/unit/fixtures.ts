import type { QuestionInput } from '../../src/domain/question-definition';
import type { NumericKey, QuestionBody, QuestionType, QuestionVersion, QuizQuestion } from '../../src/domain/types';

/** Hand-built question versions for the unit tests (the keys are stated here, never derived from the code). */

export function version(type: QuestionType, body: QuestionBody, points = 1, questionId = `q-${type}`): QuestionVersion {
  return { questionId, version: 1, type, text: `A ${type} question`, points, explanation: 'Because the key says so', body };
}

const opt = (id: string, text: string, isCorrect = false) => ({ id, text, isCorrect });

/** Capital of France? b is the key. */
export const mc = (points = 2) =>
  version('multiple_choice', { options: [opt('a', 'Lyon'), opt('b', 'Paris', true), opt('c', 'Nice')] }, points);

/** a and b are correct, c and d are not (N = 4). */
export const ma = (negativeMarking: boolean, points = 4) =>
  version(
    'multiple_answer',
    { options: [opt('a', 'Two', true), opt('b', 'Three', true), opt('c', 'Four'), opt('d', 'Nine')], negativeMarking },
    points,
  );

export const tf = (correctAnswer: boolean, points = 1) => version('true_false', { correctAnswer }, points);

export const sa = (acceptedAnswers: string[], flags: { caseSensitive?: boolean; exactWhitespace?: boolean } = {}, points = 1) =>
  version('short_answer', { acceptedAnswers, caseSensitive: flags.caseSensitive ?? false, exactWhitespace: flags.exactWhitespace ?? false }, points);

export const num = (key: Partial<NumericKey> & Pick<NumericKey, 'mode'>, points = 1) =>
  version('numeric', { numeric: { value: 0, tolerance: 0, min: 0, max: 0, ...key } }, points);

/** p1→m1, p2→m2, p3→m3, plus distractor d1. */
export const matching = (points = 3) =>
  version(
    'matching',
    {
      pairs: [
        { id: 'p1', prompt: 'France', matchId: 'm1', match: 'Paris' },
        { id: 'p2', prompt: 'Italy', matchId: 'm2', match: 'Rome' },
        { id: 'p3', prompt: 'Spain', matchId: 'm3', match: 'Madrid' },
      ],
      distractors: [{ id: 'd1', text: 'Berlin' }],
    },
    points,
  );

/** Correct order i1, i2, i3, i4. */
export const ordering = (points = 4, count = 4) =>
  version(
    'ordering',
    { options: Array.from({ length: count }, (_, i) => opt(`i${i + 1}`, `Step ${i + 1}`)) },
    points,
  );

export const essay = (maxLength = 20_000, points = 5) => version('essay', { maxLength }, points);

export function quizQuestion(v: QuestionVersion, orderIndex: number, poolId: string | null = null, questionId?: string): QuizQuestion {
  return { ...v, questionId: questionId ?? v.questionId, poolId, orderIndex };
}

/** A valid question input of the given type; tests patch one thing at a time. */
export function questionInput(type: string, patch: Partial<QuestionInput> = {}): QuestionInput {
  const base: QuestionInput = {
    type,
    text: 'What is the capital of France?',
    points: 1,
    explanation: '',
    poolId: null,
    options: [],
    negativeMarking: false,
    correctAnswer: '',
    acceptedAnswers: [],
    caseSensitive: false,
    exactWhitespace: false,
    numeric: null,
    pairs: [],
    distractors: [],
    maxLength: 0,
  };
  const byType: Record<string, Partial<QuestionInput>> = {
    multiple_choice: { options: [{ text: 'Lyon', isCorrect: false }, { text: 'Paris', isCorrect: true }, { text: 'Nice', isCorrect: false }] },
    multiple_answer: { options: [{ text: 'Two', isCorrect: true }, { text: 'Three', isCorrect: true }, { text: 'Four', isCorrect: false }] },
    true_false: { correctAnswer: 'true' },
    short_answer: { acceptedAnswers: ['Paris'] },
    numeric: { numeric: { mode: 'exact', value: 42, tolerance: 0, min: 0, max: 0 } },
    matching: {
      pairs: [
        { prompt: 'France', match: 'Paris' },
        { prompt: 'Italy', match: 'Rome' },
      ],
      distractors: [{ text: 'Berlin' }],
    },
    ordering: { options: [{ text: 'First', isCorrect: false }, { text: 'Second', isCorrect: false }, { text: 'Third', isCorrect: false }] },
    essay: { maxLength: 0 },
  };
  return { ...base, ...(byType[type] ?? {}), ...patch };
}

/** Predictable ids: new-1, new-2, … */
export function idSequence(): () => string {
  let n = 0;
  return () => `new-${++n}`;
}

/** The field paths of a thrown ValidationError, joined with dots ("options.1.text"). */
export function errorLocs(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    const fields = (err as { fields?: { loc: (string | number)[] }[] }).fields ?? [];
    return fields.map((f) => f.loc.join('.'));
  }
  throw new Error('expected a ValidationError, nothing was thrown');
}
