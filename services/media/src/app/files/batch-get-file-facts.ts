import type { FileRecord } from '../../domain/media.entities';
import { MediaErrors } from '../../domain/media.errors';
import { Checker, FACTS_BATCH_MAX } from '../../domain/validation';
import type { MediaDeps } from '../deps';

/** Services allowed to ask for file facts: catalog, checking the files a lesson is about to reference. */
const FACT_READERS = ['catalog'];

/** Facts about up to 50 files, for the fleet's services only; unknown ids are simply absent. */
export async function batchGetFileFacts(deps: MediaDeps, callerService: string, rawIds: string[]): Promise<FileRecord[]> {
  if (!FACT_READERS.includes(callerService)) throw MediaErrors.servicesOnly();
  const check = new Checker();
  if (rawIds.length > FACTS_BATCH_MAX) check.add('file_ids', `at most ${FACTS_BATCH_MAX} ids per call`);
  const ids = rawIds.map((raw, i) => check.uuid(['file_ids', i], raw));
  check.throwIfAny();
  return deps.units.read.files.findMany([...new Set(ids)]);
}
