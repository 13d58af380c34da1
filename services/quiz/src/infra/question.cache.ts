import type { QuestionRecord } from '../domain/quiz.entities';
import type { PoolDef, QuestionVersion } from '../domain/types';

/** A Map bounded by entries: insertion order is recency order (a hit re-inserts its entry, eviction takes the first). */
class BoundedMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly maxEntries: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    if (this.maxEntries <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as K);
  }
}

/** Cached objects are shared by concurrent requests: frozen, so a caller that mutated one would throw, not corrupt. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** What a new attempt draws from: the quiz's questions at their current versions, and its pools' draw counts. */
export interface DrawableDefinition {
  questions: readonly QuestionRecord[];
  pools: readonly PoolDef[];
}

/** Where a quiz belongs: set when it is created and never changed (no statement updates a quiz's course or lesson). */
export interface QuizPlacement {
  courseId: string;
  lessonId: string;
}

/**
 * The quiz's question content kept in process memory (one per process, shared by every unit of work), so the
 * hot paths do not read and parse the same 50 jsonb bodies on every start, paper and submit:
 *
 * - **versions** — `(question_id, version)` → the version. Versions are immutable (never updated; deleted only
 *   with a quiz that has no attempts, and only attempts ask for them), so an entry is never stale and needs no
 *   invalidation, on any replica.
 * - **definitions** — quiz id → what new attempts draw from, tagged with the quiz's `definition_version`. Every
 *   change of settings, publication, questions, versions, order or pools bumps that counter in the change's
 *   transaction, so an entry is used only while its tag equals the version read from the quiz row under the
 *   start's share lock: a new definition is a miss on every replica at once, an unpublished quiz is refused by
 *   its row before the cache is asked.
 *
 * - **placements** — quiz id → its course and lesson, which never change (ids are never reused): never stale.
 *   What may change (publication, availability) is not in it: StartAttempt checks it under the quiz's share lock.
 *
 * They are bounded by entries (least recently used out first); a size of 0 disables one (placements follow the
 * definitions' size).
 */
export class QuestionCache {
  private readonly versions: BoundedMap<string, QuestionVersion>;
  private readonly definitions: BoundedMap<string, DrawableDefinition & { version: number }>;
  private readonly placements: BoundedMap<string, QuizPlacement>;

  constructor(limits: { versions: number; definitions: number }) {
    this.versions = new BoundedMap(limits.versions);
    this.definitions = new BoundedMap(limits.definitions);
    this.placements = new BoundedMap(limits.definitions);
  }

  placement(quizId: string): QuizPlacement | undefined {
    return this.placements.get(quizId);
  }

  keepPlacement(quizId: string, placement: QuizPlacement): void {
    this.placements.set(quizId, Object.freeze({ courseId: placement.courseId, lessonId: placement.lessonId }));
  }

  /** A version by its key `${questionId}:${version}` (the key QuestionRepository.versions builds once per pair). */
  version(key: string): QuestionVersion | undefined {
    return this.versions.get(key);
  }

  keepVersion(key: string, version: QuestionVersion): QuestionVersion {
    const frozen = deepFreeze(version);
    this.versions.set(key, frozen);
    return frozen;
  }

  /** The quiz's definition when the cached one is exactly `version`. */
  definition(quizId: string, version: number): DrawableDefinition | undefined {
    const entry = this.definitions.get(quizId);
    return entry?.version === version ? entry : undefined;
  }

  keepDefinition(quizId: string, version: number, definition: DrawableDefinition): DrawableDefinition {
    const entry = deepFreeze({ version, questions: definition.questions, pools: definition.pools });
    this.definitions.set(quizId, entry);
    return entry;
  }
}
