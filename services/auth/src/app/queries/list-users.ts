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
  const page = query.page === 0 ? 1 : query.page;
  const pageSize = query.pageSize === 0 ? LIMITS.pageSizeDefault : query.pageSize;
  if (!Number.isInteger(page) || page < 1 || page > 1_000_000) check.add('page', 'must be between 1 and 1000000');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > LIMITS.pageSizeMax)
    check.add('page_size', `must be between 1 and ${LIMITS.pageSizeMax}`);
  const role: Role | undefined = query.role ? check.role('role', query.role) : undefined;
  let isActive: boolean | undefined;
  if (query.isActive === 'true') isActive = true;
  else if (query.isActive === 'false') isActive = false;
  else if (query.isActive !== '') check.add('is_active', 'must be "true", "false" or empty');
  const search = query.search.trim();
  if ([...search].length > LIMITS.searchMax) check.add('search', `must be at most ${LIMITS.searchMax} characters`);
  throwIfInvalid(check);

  const { items, total } = await deps.users.list({ page, pageSize, role, isActive, search: search || undefined });
  return { items, total, page, pageSize, totalPages: Math.ceil(total / pageSize) };
}
