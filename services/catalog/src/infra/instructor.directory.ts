import type { AuthClient } from '@lms/kit/auth';
import type { Logger } from '@lms/kit/logging';

export interface InstructorProfile {
  id: string;
  fullName: string;
  bio: string;
  avatarUrl: string;
  role: string;
}

/**
 * Instructor names and bios from auth's BatchGetUsers: one call for a whole page (at most 100 ids),
 * made without the end user's token (auth then returns teaching profiles only — what a public
 * catalogue may show, and the same answer for every caller, so it can be cached).
 */
export class InstructorDirectory {
  constructor(
    private readonly auth: AuthClient,
    private readonly logger: Logger,
    private readonly deadlineMs: number,
  ) {}

  /** Profiles by id; throws when auth cannot answer (see `lookupOrDegrade` for reads). */
  async lookup(ids: string[]): Promise<Map<string, InstructorProfile>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const res = await this.auth.BatchGetUsers({ ids: unique }, { authorization: '', deadlineMs: this.deadlineMs });
    return new Map(res.items.map((u) => [u.id, { id: u.id, fullName: u.full_name, bio: u.bio, avatarUrl: u.avatar_url, role: u.role }]));
  }

  /**
   * For reads: when auth is unavailable the courses are still served, with the instructor's id and an
   * empty name (`degraded: true`, logged as a warning) rather than failing the read.
   */
  async lookupOrDegrade(ids: string[]): Promise<{ profiles: Map<string, InstructorProfile>; degraded: boolean }> {
    try {
      return { profiles: await this.lookup(ids), degraded: false };
    } catch (err) {
      this.logger.warn({ err: (err as Error).message, ids: ids.length }, 'auth unavailable: instructor names left empty');
      return { profiles: new Map(), degraded: true };
    }
  }
}
