import { totalPages } from '@lms/kit/errors';
import type { Role, User } from '../../domain/user';
import { Checker, LIMITS } from '../../domain/validation';
import type { AuthDeps } from '../deps';
import { requireAdmin, throwIfInvalid, type Caller } from '../shared';

export interface ListUsersQuery {
  /** 0 means 1. */
  page: number;
  /** 0 means the default (20); at most 100. */
  pageSize: number;
  role: string;
  /** "", "true" or "false". */
  isActive: string;
  search: string;
}

export interface UserPage {
  items: User[];
  total: number;
  page: number;
  pageSize: number;
  totalPages: number;
}

/** Administrators list accounts, newest first, filtered by role, activity and a name/email search. */
export async function listUsers(deps: AuthDeps, caller: Caller, query: ListUsersQuery): Promise<UserPage> {
  requireAdmin(caller);
  const check = new Checker();
  const { page, pageSize, offset } = check.paging(query.page, query.pageSize);
  const role: Role | undefined = query.role ? check.role('role', query.role) : undefined;
  let isActive: boolean | undefined;
  if (query.isActive === 'true') isActive = true;
  else if (query.isActive === 'false') isActive = false;
  else if (query.isActive !== '') check.add('is_active', 'must be "true", "false" or empty');
  const search = query.search.trim();
  if ([...search].length > LIMITS.searchMax) check.add('search', `must be at most ${LIMITS.searchMax} characters`);
  throwIfInvalid(check);

  const { items, total } = await deps.units.read.users.list({ offset, pageSize, role, isActive, search: search || undefined });
  return { items, total, page, pageSize, totalPages: totalPages(total, pageSize) };
}
