import { delta, userContribution } from '../../domain/contributions';
import type { FactPayload } from '../../events/analytics.events.schema';
import type { FactRepository } from '../../infra/fact.repository';
import type { AnalyticsUnitOfWork } from '../deps';

/** Applies a user fact and counts a new user on the day of its (first known) registration. */
async function changeUser(uow: AnalyticsUnitOfWork, fact: Parameters<FactRepository['userFact']>[0]): Promise<void> {
  const { before, after } = await uow.facts.userFact(fact);
  await uow.aggregates.add(delta(userContribution({ userId: fact.userId, registeredAt: before }), userContribution({ userId: fact.userId, registeredAt: after })));
}

/** user.registered: name and role as of registered_at (newest wins), the registration. */
export async function userRegistered(uow: AnalyticsUnitOfWork, p: FactPayload<'user.registered'>): Promise<void> {
  const at = new Date(p.registered_at);
  await changeUser(uow, { userId: p.user_id, fullName: p.full_name, nameAt: at, role: p.role, roleAt: at, registeredAt: at });
}

/** user.profile_changed: the name when it changed (newest wins). */
export async function userProfileChanged(uow: AnalyticsUnitOfWork, p: FactPayload<'user.profile_changed'>): Promise<void> {
  await changeUser(uow, { userId: p.user_id, fullName: p.full_name, nameAt: new Date(p.changed_at) });
}

/** user.role_changed: the role (newest wins). */
export async function userRoleChanged(uow: AnalyticsUnitOfWork, p: FactPayload<'user.role_changed'>): Promise<void> {
  await changeUser(uow, { userId: p.user_id, role: p.new_role, roleAt: new Date(p.at) });
}

/** user.deleted: gone from totals and lists (shown as "Deleted user"). */
export async function userDeleted(uow: AnalyticsUnitOfWork, p: FactPayload<'user.deleted'>): Promise<void> {
  await changeUser(uow, { userId: p.user_id, deletedAt: new Date(p.at) });
}
