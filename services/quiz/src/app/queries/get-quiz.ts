import type { PoolRecord, QuestionRecord, QuizRecord } from '../../domain/quiz.entities';
import type { QuizDeps } from '../deps';
import { loadVisibleQuiz, type Caller, type Viewer } from '../shared';

/** A quiz with what its totals are computed from; `viewer` decides what the reply shows. */
export interface QuizView {
  quiz: QuizRecord;
  questions: QuestionRecord[];
  pools: PoolRecord[];
  viewer: Viewer;
  now: Date;
}

export async function loadQuizView(deps: QuizDeps, quiz: QuizRecord, viewer: Viewer): Promise<QuizView> {
  const { read } = deps.units;
  const [questions, pools] = await Promise.all([read.questions.listCurrent(quiz.id), read.quizzes.listPools(quiz.id)]);
  return { quiz, questions, pools, viewer, now: deps.clock() };
}

/** The staff's view of a quiz a command just wrote (read after its commit). */
export async function managedQuizView(deps: QuizDeps, quizId: string): Promise<QuizView> {
  return loadQuizView(deps, (await deps.units.read.quizzes.findById(quizId))!, 'staff');
}

export async function getQuiz(deps: QuizDeps, caller: Caller, ref: { courseId: string; quizId: string }): Promise<QuizView> {
  const { quiz, viewer } = await loadVisibleQuiz(deps, caller, ref);
  return loadQuizView(deps, quiz, viewer);
}
