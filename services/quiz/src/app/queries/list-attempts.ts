import { asSeen, type SeenAttempt } from '../../domain/quiz.entities';
import { QuizErrors } from '../../domain/quiz.errors';
import { ATTEMPT_STATUSES } from '../../domain/types';
import { Checker } from '../../domain/validation';
import type { QuizDeps } from '../deps';
import { checkIds, loadManagedQuiz, type Caller } from '../shared';

/**
 * Every attempt of a quiz (owner, admin), newest first, filtered by stored status and student; each shown
 * with its effective status (`closing` past its deadline until the deadline consumer closes it).
 */
export async function listAttempts(
  deps: QuizDeps,
  caller: Caller,
  q: { quizId: string; page: number; pageSize: number; status: string; studentId: string },
): Promise<{ items: SeenAttempt[]; total: number; page: number; pageSize: number }> {
  const ids = checkIds({ quiz_id: q.quizId, student_id: q.studentId }, ['student_id']);
  const check = new Checker();
  if (q.status) check.oneOf('status', q.status, ATTEMPT_STATUSES);
  const { page, pageSize, offset } = check.paging(q.page, q.pageSize);
  if (!check.ok) throw QuizErrors.validation(check.errors);
  const { read } = deps.units;
  const quiz = await loadManagedQuiz(read, caller, { quizId: ids.quiz_id });
  const { items, total } = await read.attempts.page(quiz.id, {
    status: q.status || undefined,
    studentId: ids.student_id || undefined,
    limit: pageSize,
    offset,
  });
  const now = deps.clock();
  return { items: items.map((a) => asSeen(a, deps.config.SUBMIT_GRACE_SECONDS, now)), total, page, pageSize };
}
