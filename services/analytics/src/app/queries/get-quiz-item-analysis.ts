import type { QuizItemAnalysis__Output } from '@lms/kit/generated/lms/analytics/v1/QuizItemAnalysis';
import { AnalyticsErrors } from '../../domain/analytics.errors';
import { ItemAnalysis, type ItemAnswer } from '../../domain/figures/items';
import { optional, percent } from '../../domain/figures/numbers';
import { Checker } from '../../domain/validation';
import { readableCourse, type Caller, type QueryPorts } from './access';

/** Graded attempts read per page (their answers come with them). */
export const ITEM_PAGE_ATTEMPTS = 500;

/**
 * GetQuizItemAnalysis: per question of the quiz, answered/correct, difficulty (share correct), discrimination
 * (point-biserial with the rest score) and how often each option was chosen, over the quiz's graded attempts —
 * read in keyset pages of attempts, accumulated by the pure ItemAnalysis. Owner of the quiz's course, admin.
 */
export async function getQuizItemAnalysis(deps: QueryPorts, caller: Caller, query: { quizId: string }): Promise<QuizItemAnalysis__Output> {
  const check = new Checker();
  const quizId = check.uuid('quiz_id', query.quizId);
  check.throwIfAny();
  const read = deps.units.read;
  const repo = read.dashboards.courses;
  const quiz = await repo.quiz(quizId);
  if (!quiz) throw AnalyticsErrors.quizNotFound();
  await readableCourse(read, caller, quiz.courseId);
  const analysis = new ItemAnalysis();
  for (let after: string | null = null; ; ) {
    const ids = await repo.gradedAttemptIds(quizId, after, ITEM_PAGE_ATTEMPTS);
    if (ids.length === 0) break;
    const byAttempt = new Map<string, ItemAnswer[]>(ids.map((id) => [id, []]));
    for (const a of await repo.answersOf(ids)) byAttempt.get(a.attemptId)?.push(a);
    for (const answers of byAttempt.values()) analysis.addAttempt(answers);
    if (ids.length < ITEM_PAGE_ATTEMPTS) break;
    after = ids[ids.length - 1];
  }
  const questions = await repo.questions(quizId);
  const known = new Set(questions.map((q) => q.questionId));
  const extra = analysis.questionIds().filter((id) => !known.has(id)).sort();
  const all = [...questions, ...extra.map((questionId) => ({ questionId, text: '', type: '', options: [] }))];
  return {
    quiz_id: quizId,
    quiz_title: quiz.title,
    course_id: quiz.courseId,
    attempts_analysed: analysis.attempts,
    items: all.map((q) => {
      const f = analysis.figures(q.questionId);
      const listed = new Set(q.options.map((o) => o.option_id));
      const unlisted = [...f.chosen.keys()].filter((id) => !listed.has(id)).sort();
      const options = [
        ...q.options.map((o) => ({ id: o.option_id, text: o.text ?? '', correct: Boolean(o.is_correct) })),
        ...unlisted.map((id) => ({ id, text: '', correct: false })),
      ];
      return {
        question_id: q.questionId,
        question_text: q.text,
        question_type: q.type,
        answered: f.answered,
        correct: f.correct,
        difficulty: f.difficulty,
        discrimination: optional(f.discrimination),
        options: options.map((o) => {
          const chosen = f.chosen.get(o.id) ?? 0;
          return { option_id: o.id, option_text: o.text, is_correct: o.correct, chosen, chosen_rate: percent(chosen, f.responses) };
        }),
      };
    }),
  };
}
