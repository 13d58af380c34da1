import type { TokenVerifier } from '@lms/kit/auth';
import type { CatalogClient } from '@lms/kit/clients';
import { UnitsOfWork, type SqlSession, type UnitOfWork, type UnitsOfWorkOptions } from '@lms/kit/db';
import type { Logger } from '@lms/kit/logging';
import type { ObjectStorage } from '@lms/storage';
import type { MediaConfig } from '../config';
import { EVENT_SOURCE } from '../domain/media.events';
import { DirectUploadRepository } from '../infra/direct-upload.repository';
import { FileRepository } from '../infra/file.repository';
import { UploadRepository } from '../infra/upload.repository';

/** The media service's repositories, all bound to one SQL session (a unit of work's transaction, or reads). */
export interface MediaRepositories {
  files: FileRepository;
  uploads: UploadRepository;
  /** SQL only direct uploads need (parts, received bytes). */
  directUploads: DirectUploadRepository;
}

export function mediaRepositories(sql: SqlSession): MediaRepositories {
  return { files: new FileRepository(sql), uploads: new UploadRepository(sql), directUploads: new DirectUploadRepository(sql) };
}

/** What a command gets: the repositories of one transaction, plus `emit` (outbox) and `afterCommit`. */
export type MediaUnitOfWork = UnitOfWork<MediaRepositories>;

/** What commands may use besides their unit of work: settings, time and the logger — no I/O of their own. */
export type MediaPorts = Pick<MediaDeps, 'config' | 'clock' | 'logger'>;

/** Everything an entry point may touch; built once per process by `createMediaDeps`. */
export interface MediaDeps {
  config: MediaConfig;
  logger: Logger;
  /** Opens units of work (`run`, `join`) and reads (`read`); the only way to the database. */
  units: UnitsOfWork<MediaRepositories>;
  /** Where the bytes are (local directory or S3); never called inside a unit of work. */
  storage: ObjectStorage;
  /** CanReadLessonFile: may this caller read a lesson the file is attached to? */
  catalog: CatalogClient;
  verifier: TokenVerifier;
  clock: () => Date;
}

export function createMediaDeps(input: {
  config: MediaConfig;
  logger: Logger;
  sequelize: UnitsOfWorkOptions<MediaRepositories>['sequelize'];
  outbox: UnitsOfWorkOptions<MediaRepositories>['outbox'];
  storage: ObjectStorage;
  catalog: CatalogClient;
  verifier: TokenVerifier;
  clock?: () => Date;
}): MediaDeps {
  const { sequelize, outbox, ...rest } = input;
  return {
    ...rest,
    units: new UnitsOfWork({ sequelize, outbox, source: EVENT_SOURCE, repositories: mediaRepositories }),
    clock: input.clock ?? (() => new Date()),
  };
}
