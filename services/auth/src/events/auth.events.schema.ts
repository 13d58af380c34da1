import { z } from 'zod';
import { SEALED_EMAIL_PATTERN, SEALED_TOKEN_PATTERN } from '../infra/token-sealer';

/**
 * Machine-readable schemas of the events this service publishes (v1 payloads, the `data` of the
 * CloudEvents envelope). The catalogue for humans is protos/events/README.md, section "auth".
 * Publication itself goes through the transactional outbox (`uow.emit` of the kit's unit of work).
 */
const role = z.enum(['admin', 'instructor', 'student']);
const uuid = z.string().uuid();
const at = z.string().datetime();
/** `v1.<iv>.<tag>.<ciphertext>` (base64url): a one-time token only auth's mail consumer can open. */
const sealedToken = z.string().regex(SEALED_TOKEN_PATTERN, 'not a sealed token');
const oneTimeTokenRequested = z.object({ user_id: uuid, sealed_token: sealedToken, expires_at: at, requested_at: at });

export const AUTH_EVENT_SCHEMAS = {
  'user.registered': z.object({
    user_id: uuid,
    email: z.string().email(),
    full_name: z.string().min(1),
    role,
    registered_at: at,
    created_by: uuid.nullable(),
  }),
  'user.profile_changed': z
    .object({
      user_id: uuid,
      email: z.string().email().optional(),
      full_name: z.string().min(1).optional(),
      sealed_previous_email: z.string().regex(SEALED_EMAIL_PATTERN, 'not a sealed address').optional(),
      changed_by: uuid.nullable(),
      changed_at: at,
    })
    .refine((d) => d.email !== undefined || d.full_name !== undefined, 'names at least one changed field')
    .refine((d) => (d.email === undefined) === (d.sealed_previous_email === undefined), 'a new email comes with the sealed previous one'),
  'user.role_changed': z.object({ user_id: uuid, old_role: role, new_role: role, changed_by: uuid.nullable(), at }),
  'user.deactivated': z.object({ user_id: uuid, deactivated_by: uuid.nullable(), at }),
  'user.activated': z.object({ user_id: uuid, activated_by: uuid.nullable(), at }),
  'user.deleted': z.object({ user_id: uuid, deleted_by: uuid.nullable(), at }),
  'password_reset.requested': oneTimeTokenRequested,
  'email_verification.requested': oneTimeTokenRequested,
  'refresh_token.reused': z.object({ user_id: uuid, session_id: uuid, client_ip: z.string().max(64).nullable(), detected_at: at }),
} as const;

export type AuthEventType = keyof typeof AUTH_EVENT_SCHEMAS;
export const AUTH_EVENT_TYPES = Object.keys(AUTH_EVENT_SCHEMAS) as AuthEventType[];
