import { answerFacts, choiceUuid, definedOptions, quizPublished } from '../../src/domain/quiz.events';
import { essay, ma, matching, mc, ordering, sa, tf } from './fixtures';

/** The facts analytics reads (issue 13): the options of a definition and the per-question answers of a grade. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('choiceUuid', () => {
  it('keeps an option id that is a UUID (lower-cased); any other id becomes a stable name-based UUID per question', () => {
    expect(choiceUuid('q1', '0F8FAD5B-D9CB-469F-A165-70867728950E')).toBe('0f8fad5b-d9cb-469f-a165-70867728950e');
    const a = choiceUuid('q1', 'a');
    expect(a).toMatch(UUID);
    expect(a[14]).toBe('5');
    expect('89ab').toContain(a[19]);
    expect(choiceUuid('q1', 'a')).toBe(a);
    expect(choiceUuid('q2', 'a')).not.toBe(a);
    expect(choiceUuid('q1', 'b')).not.toBe(a);
    expect(choiceUuid('q1', 'true')).not.toBe(choiceUuid('q1', 'false'));
  });
});

describe('definedOptions', () => {
  it('choice questions list their options with the key; true_false has the fixed choices true/false; other types (ordering items included) none', () => {
    const id = (q: string, c: string) => choiceUuid(q, c);
    expect(definedOptions(mc())).toEqual([
      { option_id: id('q-multiple_choice', 'a'), text: 'Lyon', is_correct: false },
      { option_id: id('q-multiple_choice', 'b'), text: 'Paris', is_correct: true },
      { option_id: id('q-multiple_choice', 'c'), text: 'Nice', is_correct: false },
    ]);
    expect(definedOptions(ma(false)).filter((o) => o.is_correct).map((o) => o.option_id)).toEqual([id('q-multiple_answer', 'a'), id('q-multiple_answer', 'b')]);
    expect(definedOptions(tf(false))).toEqual([
      { option_id: id('q-true_false', 'true'), text: 'True', is_correct: false },
      { option_id: id('q-true_false', 'false'), text: 'False', is_correct: true },
    ]);
    for (const q of [sa(['x']), matching(), ordering(), essay()]) expect(definedOptions(q)).toEqual([]);
  });
});

describe('answerFacts', () => {
  it('selected options by type, correct = full points only, null for an essay waiting for a person, unanswered = not correct', () => {
    const questions = [mc(2), ma(false), tf(true), sa(['x']), essay(), matching()];
    const answers = {
      'q-multiple_choice': { selectedOptionIds: ['b'] },
      'q-multiple_answer': { selectedOptionIds: ['a'] },
      'q-true_false': { text: 'false' },
      'q-short_answer': { text: 'x' },
      'q-essay': { text: 'Long words' },
    };
    const results = {
      'q-multiple_choice': { pointsEarned: 2, correctness: 'correct' as const },
      'q-multiple_answer': { pointsEarned: 3, correctness: 'partial' as const },
      'q-true_false': { pointsEarned: 0, correctness: 'incorrect' as const },
      'q-short_answer': { pointsEarned: 1, correctness: 'correct' as const },
      'q-essay': { pointsEarned: 0, correctness: 'pending_review' as const },
      'q-matching': { pointsEarned: 0, correctness: 'unanswered' as const },
    };
    expect(answerFacts(questions.map((q) => ({ questionId: q.questionId, type: q.type, points: q.points })), answers, results)).toEqual([
      { question_id: 'q-multiple_choice', selected_option_ids: [choiceUuid('q-multiple_choice', 'b')], is_correct: true, points_earned: 2, max_points: 2 },
      { question_id: 'q-multiple_answer', selected_option_ids: [choiceUuid('q-multiple_answer', 'a')], is_correct: false, points_earned: 3, max_points: 4 },
      { question_id: 'q-true_false', selected_option_ids: [choiceUuid('q-true_false', 'false')], is_correct: false, points_earned: 0, max_points: 1 },
      { question_id: 'q-short_answer', selected_option_ids: [], is_correct: true, points_earned: 1, max_points: 1 },
      { question_id: 'q-essay', selected_option_ids: [], is_correct: null, points_earned: 0, max_points: essay().points },
      { question_id: 'q-matching', selected_option_ids: [], is_correct: false, points_earned: 0, max_points: matching().points },
    ]);
  });
});

describe('quizPublished', () => {
  it('positions from 1 in the given order, the quiz id as subject, published_at falling back to the definition time', () => {
    const at = new Date('2026-01-02T03:04:05.000Z');
    const quiz = { id: 'quiz', courseId: 'c', lessonId: 'l', instructorId: 'i', title: 'T', passingScore: 70, publishedAt: null };
    const event = quizPublished(quiz, [{ ...tf(true), poolId: 'p' }, { ...mc(), poolId: null }], at);
    expect(event).toMatchObject({ type: 'quiz.published', subject: 'quiz', time: at });
    expect(event.data).toMatchObject({ published_at: at.toISOString(), defined_at: at.toISOString(), passing_score: 70 });
    expect(event.data.questions.map((q) => [q.question_id, q.position, q.pool_id])).toEqual([
      ['q-true_false', 1, 'p'],
      ['q-multiple_choice', 2, null],
    ]);
  });
});
