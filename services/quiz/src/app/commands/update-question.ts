import { randomUUID } from 'node:crypto';
import { contentChanged, normalizeQuestion, type QuestionInput } from '../../domain/question-definition';
import type { QuestionRecord } from '../../domain/quiz.entities';
import { QuizErrors } from '../../domain/quiz.errors';
import { checkFieldNames } from '../../domain/validation';
import type { QuizPorts, QuizUnitOfWork } from '../deps';
import { emitDefinitionIfPublished } from '../published-definition';
import { checkIds, loadManagedQuiz, poolOfQuiz, type Caller } from '../shared';

/** Writable Question fields by proto name, and where each lands in a QuestionInput. */
export const QUESTION_FIELDS: Record<string, keyof QuestionInput> = {
  question_type: 'type',
  question_text: 'text',
  points: 'points',
  explanation: 'explanation',
  pool_id: 'poolId',
  options: 'options',
  negative_marking: 'negativeMarking',
  correct_answer: 'correctAnswer',
  accepted_answers: 'acceptedAnswers',
  case_sensitive: 'caseSensitive',
  exact_whitespace: 'exactWhitespace',
  numeric: 'numeric',
  pairs: 'pairs',
  distractors: 'distractors',
  max_length: 'maxLength',
};

/** The stored question as an input again, so an update can merge the sent fields onto it. */
export function inputFromQuestion(q: QuestionRecord): QuestionInput {
  const { body } = q;
  return {
    type: q.type,
    text: q.text,
    points: q.points,
    explanation: q.explanation,
    poolId: q.poolId,
    options: (body.options ?? []).map((o) => ({ id: o.id, text: o.text, isCorrect: o.isCorrect })),
    negativeMarking: body.negativeMarking === true,
    correctAnswer: body.correctAnswer === undefined ? '' : body.correctAnswer ? 'true' : 'false',
    acceptedAnswers: [...(body.acceptedAnswers ?? [])],
    caseSensitive: body.caseSensitive === true,
    exactWhitespace: body.exactWhitespace === true,
    numeric: body.numeric ? { ...body.numeric } : null,
    pairs: (body.pairs ?? []).map((p) => ({ id: p.id, prompt: p.prompt, matchId: p.matchId, match: p.match })),
    distractors: (body.distractors ?? []).map((d) => ({ id: d.id, text: d.text })),
    maxLength: body.maxLength ?? 0,
  };
}

/**
 * Merges the sent `fields` onto the current version and validates the result. A change of content makes a new
 * version (attempts keep the one they pinned); moving between pools changes no version; the type is fixed.
 * Returns the quiz and question ids.
 */
export async function updateQuestion(
  uow: QuizUnitOfWork,
  ctx: QuizPorts,
  caller: Caller,
  cmd: { courseId: string; quizId: string; questionId: string; fields: string[]; input: QuestionInput },
): Promise<{ quizId: string; questionId: string }> {
  const { question_id: questionId } = checkIds({ question_id: cmd.questionId });
  checkFieldNames(cmd.fields, QUESTION_FIELDS);
  const quiz = await loadManagedQuiz(uow, caller, cmd, 'update');
  const current = await uow.questions.findCurrent(quiz.id, questionId, true);
  if (!current) throw QuizErrors.questionNotFound();
  const merged = inputFromQuestion(current) as unknown as Record<string, unknown>;
  for (const field of cmd.fields) merged[QUESTION_FIELDS[field]] = (cmd.input as unknown as Record<string, unknown>)[QUESTION_FIELDS[field]];
  const input = merged as unknown as QuestionInput;
  // short_answer: a correct_answer sent alone is the one accepted answer now (with accepted_answers: merged).
  if (current.type === 'short_answer' && cmd.fields.includes('correct_answer') && !cmd.fields.includes('accepted_answers')) input.acceptedAnswers = [];
  if (input.type !== current.type) throw QuizErrors.typeCannotChange();
  const content = normalizeQuestion(input, randomUUID);
  const poolId = cmd.fields.includes('pool_id') ? await poolOfQuiz(uow, quiz, input.poolId) : current.poolId;
  const changed = contentChanged(current, content);
  const at = ctx.clock();
  if (changed) await uow.questions.insertVersion(current.questionId, current.version + 1, content, at);
  if (changed || poolId !== current.poolId) {
    await uow.questions.update({ id: current.questionId, poolId, currentVersion: changed ? current.version + 1 : current.version, at });
    await uow.quizzes.touch(quiz.id, at);
  }
  // A new version (text, points, options…) is a new definition; a pool move alone changes no possible question.
  if (changed) await emitDefinitionIfPublished(uow, quiz.id, at);
  return { quizId: quiz.id, questionId };
}
