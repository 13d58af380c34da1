import type { User } from '../../domain/user';
import type { AuthDeps } from '../deps';
import { loadSelf, type Caller } from '../shared';

export async function getMe(deps: AuthDeps, caller: Caller): Promise<User> {
  return loadSelf(deps.units.read, caller);
}
