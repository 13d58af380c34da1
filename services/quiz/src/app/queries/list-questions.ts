import type { QuestionRecord } from '../../domain/quiz.entities';
import type { QuizRepositories } from '../deps';
import { loadManagedQuiz, type Caller } from '../shared';

/** The quiz's questions at their current version, in order, with their keys: owner and admins only. */
export async function listQuestions(read: QuizRepositories, caller: Caller, ref: { courseId: string; quizId: string }): Promise<QuestionRecord[]> {
  const quiz = await loadManagedQuiz(read, caller, ref);
  return read.questions.listCurrent(quiz.id);
}
