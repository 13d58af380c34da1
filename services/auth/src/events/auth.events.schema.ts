import { z } from 'zod';

/**
 * Machine-readable schemas of the events this service publishes (v1 payloads, the `data` of the
 * CloudEvents envelope). The catalogue for humans is protos/events/README.md, section "auth".
 * Publication itself goes through the transactional outbox (`uow.emit` of the kit's unit of work).
 */
const role = z.enum(['admin', 'instructor', 'student']);
const uuid = z.string().uuid();
const at = z.string().datetime();

export const AUTH_EVENT_SCHEMAS = {
  'user.registered': z.object({
    user_id: uuid,
    email: z.string().email(),
    full_name: z.string().min(1),
    role,
    registered_at: at,
    created_by: uuid.nullable(),
  }),
  'user.role_changed': z.object({ user_id: uuid, old_role: role, new_role: role, changed_by: uuid.nullable(), at }),
  'user.deactivated': z.object({ user_id: uuid, deactivated_by: uuid.nullable(), at }),
  'user.activated': z.object({ user_id: uuid, activated_by: uuid.nullable(), at }),
  'user.deleted': z.object({ user_id: uuid, deleted_by: uuid.nullable(), at }),
} as const;

export type AuthEventType = keyof typeof AUTH_EVENT_SCHEMAS;
export const AUTH_EVENT_TYPES = Object.keys(AUTH_EVENT_SCHEMAS) as AuthEventType[];
