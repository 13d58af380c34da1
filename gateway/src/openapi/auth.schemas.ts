import { z } from './zod';

/** GET /auth/token-status (the seed's check_token_status). */
export const TokenStatusSchema = z
  .object({
    valid: z.literal(true),
    expires_at: z.string().openapi({ description: 'RFC 3339 UTC: when the access token expires' }),
    time_remaining_seconds: z.number().int().openapi({ description: 'Whole seconds left (0 when about to expire)' }),
    should_refresh: z.boolean().openapi({ description: 'True when fewer than 300 seconds are left' }),
    user_id: z.string().uuid(),
  })
  .openapi('TokenStatus');

/**
 * A phone number, or "" to clear it: at most 20 characters; spaces, dots, hyphens and parentheses
 * aside, an optional "+" and 7–15 digits not starting with 0 (E.164-ish; auth stores it normalised).
 */
export const Phone = z
  .string()
  .max(20)
  .refine((v) => v.trim() === '' || /^\+?[1-9][0-9]{6,14}$/.test(v.replace(/[\s.()-]/g, '')), 'Must be a phone number in international format, e.g. +201001234567')
  .openapi({ example: '+201001234567' });
