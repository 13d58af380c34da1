import { createClient, loadService, type PromiseClient } from '@lms/kit/grpc';
import type { QuizServiceDefinition } from '@lms/kit/generated/lms/quiz/v1/QuizService';

/** The quiz service's client: every call carries a deadline and the request's identity/trace metadata. */
export type QuizClient = PromiseClient<QuizServiceDefinition>;

/** Idempotent reads: retried on UNAVAILABLE by the kit's client (service-config retry policy). */
export const QUIZ_RETRYABLE_METHODS = [
  'GetQuiz',
  'ListQuizzes',
  'ListQuestions',
  'GetAttemptPaper',
  'ListMyAttempts',
  'GetAttempt',
  'ListAttempts',
  'ListRegrades',
];

export function createQuizClient(address: string, deadlineMs: number): QuizClient {
  return createClient<QuizServiceDefinition>(loadService('lms/quiz/v1/quiz.proto', 'lms.quiz.v1.QuizService'), address, {
    deadlineMs,
    retryableMethods: QUIZ_RETRYABLE_METHODS,
  });
}
