import { NullableText, NullableTimestamp } from '../presentation/public-shape';
import { listSchema, pageSchema } from '../presentation/lists';
import { z } from './zod';

/**
 * Shared request pieces and response shapes. Responses carry the auth proto's fields (snake_case;
 * timestamps RFC 3339 UTC) in the seed's documented shapes: `null` for what is not set.
 */

export const LIMITS = { email: 254, name: 100, password: 128, bio: 2000, url: 500, token: 1000, search: 100 } as const;

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(LIMITS.email)
  .email()
  .openapi({ format: 'email', example: 'ada@example.com' });

/** New passwords: the gateway caps the length; auth enforces its own strength policy. */
export const NewPassword = z.string().min(8).max(LIMITS.password).openapi({ format: 'password' });
export const AnyPassword = z.string().min(1).max(LIMITS.password).openapi({ format: 'password' });
export const FullName = z.string().trim().min(1).max(LIMITS.name).openapi({ example: 'Ada Lovelace' });
export const Bio = z.string().max(LIMITS.bio);
/** http(s) URL, or "" to clear. */
export const AvatarUrl = z
  .string()
  .max(LIMITS.url)
  .refine((v) => v === '' || (/^https?:\/\/[^\s]+$/i.test(v) && URL.canParse(v)), 'Must be an http(s) URL or empty')
  .openapi({ format: 'uri', example: 'https://example.com/me.png' });
export const Token = z.string().min(1).max(LIMITS.token);
export const RoleSchema = z.enum(['admin', 'instructor', 'student']).openapi('Role');
export const Uuid = z.string().uuid();

export const Pagination = {
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).openapi({ example: 1 }),
  page_size: z.coerce.number().int().min(1).max(100).default(20).openapi({ example: 20 }),
};

export const UserIdParams = z.object({ user_id: Uuid.openapi({ param: { name: 'user_id', in: 'path' } }) }).strict();

export const FieldErrorSchema = z
  .object({
    loc: z.array(z.union([z.string(), z.number()])).openapi({ example: ['body', 'email'] }),
    msg: z.string().openapi({ example: 'Invalid email' }),
  })
  .openapi('FieldError');

export const ErrorSchema = z
  .object({
    detail: z.string().openapi({ example: 'Token has expired' }),
    code: z.string().openapi({ example: 'AUTH.TOKEN_EXPIRED' }),
    request_id: z.string().openapi({ example: '6f1c2e0e-8d0a-4a63-9b9e-4f0c5d1e2a3b' }),
    errors: z.array(FieldErrorSchema).optional().openapi({ description: 'Only on 422: one entry per invalid field' }),
    retry_after_seconds: z.number().int().optional().openapi({ description: 'On 429 from a service' }),
  })
  .openapi('Error');

const Timestamp = z.string().openapi({ description: 'RFC 3339 UTC', example: '2026-02-17T18:00:00.000Z' });

export const UserSchema = z
  .object({
    id: z.string().uuid(),
    email: z.string(),
    full_name: z.string(),
    role: RoleSchema,
    is_active: z.boolean(),
    email_verified: z.boolean(),
    bio: NullableText(),
    avatar_url: NullableText(),
    phone: NullableText().openapi({ description: 'E.164-ish, normalised (e.g. +201001234567); null when not set' }),
    created_at: Timestamp,
    updated_at: Timestamp,
    last_login_at: NullableTimestamp(),
  })
  .openapi('User');

export const TokenPairSchema = z
  .object({
    access_token: z.string(),
    refresh_token: NullableText().openapi({ description: 'null when it was set as the HttpOnly refresh cookie (?cookie=true)' }),
    refresh_expires_at: NullableTimestamp().openapi({ description: 'When the refresh token expires' }),
    token_type: z.literal('bearer'),
    expires_in: z.number().int().openapi({ description: 'Seconds until the access token expires' }),
    session_id: z.string(),
    user: UserSchema,
  })
  .openapi('TokenPair');

export const SessionSchema = z
  .object({
    id: z.string(),
    created_at: Timestamp,
    last_used_at: NullableTimestamp(),
    expires_at: Timestamp,
    user_agent: NullableText(),
    ip: NullableText(),
    current: z.boolean().openapi({ description: 'The session of the token making this request' }),
  })
  .openapi('Session');

export const SessionListSchema = listSchema('SessionList', 'sessions', SessionSchema);

export const TokenIssuedSchema = z
  .object({
    token: NullableText().openapi({ description: 'Only returned in development; sent by email otherwise (null)' }),
    expires_at: NullableTimestamp(),
  })
  .openapi('TokenIssued');

export const MessageSchema = z.object({ detail: z.string() }).openapi('Message');

export const UserPageSchema = pageSchema('UserPage', 'users', UserSchema);

export const UserStatsSchema = z
  .object({
    user_id: z.string(),
    role: RoleSchema,
    is_active: z.boolean(),
    email_verified: z.boolean(),
    created_at: Timestamp,
    last_login_at: NullableTimestamp(),
    active_sessions: z.number().int(),
    courses_count: z.number().int().nullable().openapi({
      description: 'Courses the user teaches (catalog; drafts included); 0 for students; null when catalog cannot answer',
    }),
    enrollments_count: z.number().int().nullable().openapi({
      description:
        "The user's enrolments, every status (enrollment); null when enrollment cannot answer",
    }),
    completed_enrollments: z.number().int().nullable().openapi({ description: 'Completed enrolments (analytics); null when analytics cannot answer' }),
    lessons_completed: z.number().int().nullable().openapi({ description: 'Lessons completed over every enrolment (analytics)' }),
    total_time_hours: z.number().nullable().openapi({ description: 'Time recorded on lessons, hours with two decimals (analytics)' }),
    quizzes_taken: z.number().int().nullable().openapi({ description: 'Graded quiz attempts (analytics)' }),
    quizzes_passed: z.number().int().nullable().openapi({ description: 'Passed quiz attempts (analytics)' }),
    average_quiz_score: z.number().nullable().openapi({
      description: 'Average percentage of the graded attempts (analytics); null when none were graded or analytics cannot answer',
    }),
  })
  .openapi('UserStats');

export const JwkSchema = z
  .object({
    kty: z.string(),
    crv: z.string().optional(),
    x: z.string().optional(),
    n: z.string().optional(),
    e: z.string().optional(),
    kid: z.string(),
    alg: z.string().optional(),
    use: z.string().optional(),
  })
  .openapi('Jwk');
export const JwksSchema = z.object({ keys: z.array(JwkSchema) }).openapi('Jwks');

export const HealthSchema = z.object({ status: z.literal('ok') }).openapi('Health');
export const SeedHealthSchema = z.object({ status: z.literal('healthy') }).openapi('SeedHealth');
export const RootSchema = z
  .object({
    message: z.literal('LMS API'),
    version: z.string().openapi({ example: '1.0.0' }),
    docs: z.string().openapi({ example: '/docs' }),
    openapi: z.string().openapi({ example: '/openapi.json' }),
  })
  .openapi('ApiInfo');
export const ReadinessSchema = z
  .object({
    status: z.enum(['ready', 'not_ready']),
    checks: z.record(z.object({ ok: z.boolean(), error: z.string().optional() })),
  })
  .openapi('Readiness');
