import type { TokenVerifier } from '@lms/kit/auth';
import type { CatalogClient, EnrollmentClient } from '@lms/kit/clients';
import type { SqlSession, UnitOfWork, UnitsOfWork } from '@lms/kit/db';
import type { Logger } from '@lms/kit/logging';
import type { QuizConfig } from '../config';
import { AttemptRepository } from '../infra/attempt.repository';
import type { QuestionCache } from '../infra/question.cache';
import { QuestionRepository } from '../infra/question.repository';
import { QuizRepository } from '../infra/quiz.repository';
import { RegradeRepository } from '../infra/regrade.repository';

/**
 * The quiz service's repositories, all bound to one SQL session (a unit of work's transaction, or reads); the
 * question cache is the process's own, shared by every session.
 */
export interface QuizRepositories {
  quizzes: QuizRepository;
  questions: QuestionRepository;
  attempts: AttemptRepository;
  regrades: RegradeRepository;
}

export function quizRepositories(sql: SqlSession, questionCache: QuestionCache): QuizRepositories {
  return {
    quizzes: new QuizRepository(sql, questionCache),
    questions: new QuestionRepository(sql, questionCache),
    attempts: new AttemptRepository(sql),
    regrades: new RegradeRepository(sql),
  };
}

/** What a command gets: the repositories of one transaction, plus `emit` (outbox) and `afterCommit`. */
export type QuizUnitOfWork = UnitOfWork<QuizRepositories>;

/** What commands may use besides their unit of work: settings, time and the logger — no I/O of their own. */
export type QuizPorts = Pick<QuizDeps, 'config' | 'clock' | 'logger'>;

/** Everything an entry point may touch; built once per process by `createQuizDeps`. */
export interface QuizDeps {
  config: QuizConfig;
  logger: Logger;
  /** Opens units of work (`run`, `join`) and reads (`read`); the only way to the database. */
  units: UnitsOfWork<QuizRepositories>;
  catalog: CatalogClient;
  enrollment: EnrollmentClient;
  verifier: TokenVerifier;
  clock: () => Date;
}

export function createQuizDeps(input: {
  config: QuizConfig;
  logger: Logger;
  units: UnitsOfWork<QuizRepositories>;
  catalog: CatalogClient;
  enrollment: EnrollmentClient;
  verifier: TokenVerifier;
  clock?: () => Date;
}): QuizDeps {
  return { ...input, clock: input.clock ?? (() => new Date()) };
}
