import type { TokenVerifier } from '@lms/kit/auth';
import type { CertificateClient } from '@lms/kit/clients';
import { UnitsOfWork, type SqlSession, type UnitOfWork, type UnitsOfWorkOptions } from '@lms/kit/db';
import type { Logger } from '@lms/kit/logging';
import type { AnalyticsConfig } from '../config';
import { EVENT_SOURCE } from '../domain/analytics.events';
import { DashboardRepository } from '../infra/dashboard.repository';
import { AggregateRepository } from '../infra/aggregate.repository';
import { FactRepository } from '../infra/fact.repository';
import { LearningRepository } from '../infra/learning.repository';
import { QuizFactRepository } from '../infra/quiz-facts.repository';
import { RecountRepository } from '../infra/recount.repository';

/** The service's repositories, all bound to one SQL session (a unit of work's transaction, or autocommit reads). */
export interface AnalyticsRepositories {
  /** Ingestion: fact rows of users, courses, lessons, certificates (writes). */
  facts: FactRepository;
  /** Ingestion: enrolments, lesson progress, days of activity (writes). */
  learning: LearningRepository;
  /** Ingestion: quiz definitions, attempts, answers, per-student quiz counters (writes). */
  quizFacts: QuizFactRepository;
  /** Ingestion: aggregates kept by deltas, co-enrolment pairs (writes). */
  aggregates: AggregateRepository;
  /** Checks: aggregates against a recount of the fact rows (rebuild, tests). */
  recount: RecountRepository;
  /** Dashboards and reports (reads). */
  dashboards: DashboardRepository;
}

export function analyticsRepositories(sql: SqlSession): AnalyticsRepositories {
  return {
    facts: new FactRepository(sql),
    learning: new LearningRepository(sql),
    quizFacts: new QuizFactRepository(sql),
    aggregates: new AggregateRepository(sql),
    recount: new RecountRepository(sql),
    dashboards: new DashboardRepository(sql),
  };
}

/** What ingestion works in: the repositories of one transaction (the consumer's inbox transaction). */
export type AnalyticsUnitOfWork = UnitOfWork<AnalyticsRepositories>;

/** Everything an entry point may touch; built once per process by `createAnalyticsDeps`. */
export interface AnalyticsDeps {
  config: AnalyticsConfig;
  logger: Logger;
  /** Opens units of work (`join` in the consumer, `run` in rebuild) and serves queries (`read`). */
  units: UnitsOfWork<AnalyticsRepositories>;
  verifier: TokenVerifier;
  /** Renders the learner's progress report as a PDF (the one call analytics makes to another service for a reply). */
  certificate: CertificateClient;
  clock: () => Date;
}

export function createAnalyticsDeps(input: {
  config: AnalyticsConfig;
  logger: Logger;
  sequelize: UnitsOfWorkOptions<AnalyticsRepositories>['sequelize'];
  outbox: UnitsOfWorkOptions<AnalyticsRepositories>['outbox'];
  verifier: TokenVerifier;
  certificate: CertificateClient;
  clock?: () => Date;
}): AnalyticsDeps {
  const { sequelize, outbox, ...rest } = input;
  return {
    ...rest,
    units: new UnitsOfWork({ sequelize, outbox, source: EVENT_SOURCE, repositories: analyticsRepositories }),
    clock: input.clock ?? (() => new Date()),
  };
}
