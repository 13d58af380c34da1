import type { Sequelize } from 'sequelize';
import type { TokenVerifier } from '@lms/kit/auth';
import type { Outbox } from '@lms/kit/events';
import type { Logger } from '@lms/kit/logging';
import type { QuizConfig } from '../config';
import type { CatalogClient, EnrollmentClient } from '@lms/kit/clients';
import { AttemptRepository } from '../infra/attempt.repository';
import { QuestionRepository } from '../infra/question.repository';
import { QuizRepository } from '../infra/quiz.repository';
import { RegradeRepository } from '../infra/regrade.repository';

/** Everything a use case may touch; built once per process by `createQuizDeps`. */
export interface QuizDeps {
  config: QuizConfig;
  logger: Logger;
  sequelize: Sequelize;
  outbox: Outbox;
  quizzes: QuizRepository;
  questions: QuestionRepository;
  attempts: AttemptRepository;
  regrades: RegradeRepository;
  catalog: CatalogClient;
  enrollment: EnrollmentClient;
  verifier: TokenVerifier;
  clock: () => Date;
}

export function createQuizDeps(input: {
  config: QuizConfig;
  logger: Logger;
  sequelize: Sequelize;
  outbox: Outbox;
  catalog: CatalogClient;
  enrollment: EnrollmentClient;
  verifier: TokenVerifier;
  clock?: () => Date;
}): QuizDeps {
  const { sequelize } = input;
  return {
    ...input,
    quizzes: new QuizRepository(sequelize),
    questions: new QuestionRepository(sequelize),
    attempts: new AttemptRepository(sequelize),
    regrades: new RegradeRepository(sequelize),
    clock: input.clock ?? (() => new Date()),
  };
}
