import type { AuthClient, TokenVerifier } from '@lms/kit/auth';
import type { CatalogClient, EnrollmentClient, QuizClient } from '@lms/kit/clients';
import { UnitsOfWork, type SqlSession, type UnitOfWork, type UnitsOfWorkOptions } from '@lms/kit/db';
import type { Logger } from '@lms/kit/logging';
import type { ObjectStorage } from '@lms/storage';
import type { CertificateConfig } from '../config';
import { EVENT_SOURCE } from '../domain/certificate.events';
import { CertificatePdfRepository } from '../infra/certificate-pdf.repository';
import { CertificateRepository } from '../infra/certificate.repository';
import { IssuerKeyRepository } from '../infra/issuer-key.repository';
import { StatusListBitsRepository } from '../infra/status-list-bits.repository';
import { StatusListRepository } from '../infra/status-list.repository';
import { TemplateRepository } from '../infra/template.repository';
import type { IssuerKeyring, PdfRenderer } from './ports';

/** The service's repositories, all bound to one SQL session (a unit of work's transaction, or autocommit reads). */
export interface CertificateRepositories {
  certificates: CertificateRepository;
  /** Allocation of status-list indexes (issuing). */
  statusLists: StatusListRepository;
  templates: TemplateRepository;
  /** The PDF columns of a certificate (the render job; `markRequested` when a render is asked for). */
  pdfs: CertificatePdfRepository;
  issuerKeys: IssuerKeyRepository;
  /** Revoked indexes of a status list (the status-list credential). */
  statusListBits: StatusListBitsRepository;
}

export function certificateRepositories(sql: SqlSession): CertificateRepositories {
  return {
    certificates: new CertificateRepository(sql),
    statusLists: new StatusListRepository(sql),
    templates: new TemplateRepository(sql),
    pdfs: new CertificatePdfRepository(sql),
    issuerKeys: new IssuerKeyRepository(sql),
    statusListBits: new StatusListBitsRepository(sql),
  };
}

/** What a command gets: the repositories of one transaction, plus `emit` (outbox) and `afterCommit`. */
export type CertificateUnitOfWork = UnitOfWork<CertificateRepositories>;

/** What commands may use besides their unit of work: settings, time and the logger — no I/O of their own. */
export type CertificatePorts = Pick<CertificateDeps, 'config' | 'clock' | 'logger'>;

/** Everything an entry point may touch; built once per process by `createCertificateDeps`. */
export interface CertificateDeps {
  config: CertificateConfig;
  logger: Logger;
  /** Opens units of work (`run`, `join`) and reads (`read`); the only way to the database. */
  units: UnitsOfWork<CertificateRepositories>;
  /** Where the PDFs are (local directory or S3); never called inside a unit of work. */
  storage: ObjectStorage;
  /** HTML → PDF (one Chromium per process, launched on first use). */
  renderer: PdfRenderer;
  /** The issuer's signing keys (verifiable credentials, status lists). */
  issuerKeys: IssuerKeyring;
  /** JWKS, and the student's and instructor's names at issue time (BatchGetUsers). */
  auth: AuthClient;
  /** The course's title and instructor at issue time (BatchGetCourses). */
  catalog: CatalogClient;
  /** The enrolment at issue time (GetEnrollmentFacts). */
  enrollment: EnrollmentClient;
  /** The student's graded attempts of the course (GetCourseGrade). */
  quiz: QuizClient;
  verifier: TokenVerifier;
  clock: () => Date;
}

/** The service's units of work over its database and outbox (events carry source `lms/certificate`). */
export function createCertificateUnits(
  sequelize: UnitsOfWorkOptions<CertificateRepositories>['sequelize'],
  outbox: UnitsOfWorkOptions<CertificateRepositories>['outbox'],
): UnitsOfWork<CertificateRepositories> {
  return new UnitsOfWork({ sequelize, outbox, source: EVENT_SOURCE, repositories: certificateRepositories });
}
