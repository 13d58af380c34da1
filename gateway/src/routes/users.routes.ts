import type { Logger } from '@lms/kit';
import type { AnalyticsClient, CatalogClient, EnrollmentClient } from '@lms/kit/clients';
import type { AuthClient } from '../clients/auth.client';
import { Phone } from '../openapi/auth.schemas';
import { z } from '../openapi/zod';
import {
  AvatarUrl,
  Bio,
  Email,
  FullName,
  LIMITS,
  NewPassword,
  Pagination,
  RoleSchema,
  UserIdParams,
  UserPageSchema,
  UserSchema,
  UserStatsSchema,
} from '../openapi/schemas';
import { presentFields } from '../presentation/fields';
import { pageOf } from '../presentation/lists';
import { route, type AnyRoute } from './route';

const API = '/api/v1';
const tags = ['Users'];
const ADMIN = ['admin'] as const;

export const ListUsersQuery = z
  .object({
    ...Pagination,
    role: RoleSchema.optional(),
    is_active: z.enum(['true', 'false']).optional(),
    search: z.string().trim().max(LIMITS.search).optional().openapi({ description: 'Email or name, case-insensitive' }),
  })
  .strict();

const CreateUserBody = z
  .object({ email: Email, password: NewPassword, full_name: FullName, role: RoleSchema })
  .strict()
  .openapi('CreateUserRequest');

export const UpdateUserBody = z
  .object({
    full_name: FullName.optional(),
    bio: Bio.optional(),
    avatar_url: AvatarUrl.optional(),
    phone: Phone.optional(),
    email: Email.optional().openapi({ description: 'A new address: unverified afterwards unless email_verified is sent too' }),
    role: RoleSchema.optional(),
    is_active: z.boolean().optional(),
    email_verified: z.boolean().optional(),
  })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'At least one field is required')
  .openapi('UpdateUserRequest', { description: 'Partial update: only the fields present are changed' });

/**
 * `/users/{id}/stats`: auth's figures (and its rule: admins, or the user themself, else 404), then one
 * count from catalog (courses taught, instructors and admins; 0 for students), one from enrollment
 * (CountStudentEnrollments, every status: the user themself or an admin, as auth already checked) and the
 * learning figures from analytics (GetStudentSummary: completions, lessons, time, quizzes; read models fed by
 * events, so a change shows within a moment). A figure whose service cannot answer is null and logged: the
 * account figures still serve.
 */
const NO_LEARNING_FIGURES = {
  completed_enrollments: null,
  lessons_completed: null,
  total_time_hours: null,
  quizzes_taken: null,
  quizzes_passed: null,
  average_quiz_score: null,
};

async function userStats(
  deps: { auth: AuthClient; catalog: CatalogClient; enrollment: EnrollmentClient; analytics: AnalyticsClient; logger: Logger },
  userId: string,
) {
  const stats = await deps.auth.GetUserStats({ user_id: userId });
  const count = async (what: string, call: () => Promise<{ total: number }>): Promise<number | null> => {
    try {
      return (await call()).total;
    } catch (err) {
      deps.logger.warn({ err, user_id: userId }, `user stats: ${what} unavailable`);
      return null;
    }
  };
  const learning = async () => {
    try {
      const summary = await deps.analytics.GetStudentSummary({ student_id: userId });
      return {
        completed_enrollments: summary.completed_enrollments,
        lessons_completed: summary.total_lessons_completed,
        total_time_hours: summary.total_time_hours,
        quizzes_taken: summary.quizzes_taken,
        quizzes_passed: summary.quizzes_passed,
        average_quiz_score: summary.average_quiz_score?.value ?? null,
      };
    } catch (err) {
      deps.logger.warn({ err, user_id: userId }, 'user stats: learning figures unavailable');
      return { ...NO_LEARNING_FIGURES };
    }
  };
  const [coursesCount, enrollmentsCount, figures] = await Promise.all([
    stats.role === 'student'
      ? 0
      : count('courses_count', () =>
          deps.catalog.ListCourses({ page: 1, page_size: 1, instructor_id: userId, min_price_cents: -1, max_price_cents: -1, include_unpublished: true }),
        ),
    count('enrollments_count', () => deps.enrollment.CountStudentEnrollments({ student_id: userId })),
    learning(),
  ]);
  return { ...stats, courses_count: coursesCount, enrollments_count: enrollmentsCount, ...figures };
}

export function userRoutes(
  auth: AuthClient,
  catalog: CatalogClient,
  enrollment: EnrollmentClient,
  analytics: AnalyticsClient,
  logger: Logger,
): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: `${API}/users`,
      operationId: 'listUsers',
      summary: 'List users (paginated, filterable)',
      tags,
      access: ADMIN,
      query: ListUsersQuery,
      success: { status: 200, description: 'One page of users', schema: UserPageSchema },
      handle: async ({ query }) =>
        pageOf(
          'users',
          await auth.ListUsers({
            page: query.page,
            page_size: query.page_size,
            role: query.role ?? '',
            is_active: query.is_active ?? '',
            search: query.search ?? '',
          }),
        ),
    }),
    route({
      method: 'post',
      path: `${API}/users`,
      operationId: 'createUser',
      summary: 'Create a user of any role (admins included)',
      tags,
      access: ADMIN,
      body: CreateUserBody,
      idempotent: true,
      success: { status: 201, description: 'The new user', schema: UserSchema },
      errors: [409],
      handle: ({ body }) => auth.CreateUser(body),
    }),
    route({
      method: 'get',
      path: `${API}/users/{user_id}`,
      operationId: 'getUser',
      summary: 'One user (admins, or the user themself)',
      tags,
      access: 'authenticated',
      params: UserIdParams,
      success: { status: 200, description: 'The user', schema: UserSchema },
      errors: [404],
      handle: ({ params }) => auth.GetUser({ user_id: params.user_id }),
    }),
    route({
      method: 'put',
      path: `${API}/users/{user_id}`,
      operationId: 'updateUser',
      summary: 'Update a user (partial), role included',
      tags,
      access: ADMIN,
      params: UserIdParams,
      body: UpdateUserBody,
      success: { status: 200, description: 'The updated user', schema: UserSchema },
      errors: [404],
      handle: ({ params, body }) => auth.UpdateUser({ ...body, user_id: params.user_id, fields: presentFields(body) }),
    }),
    route({
      method: 'delete',
      path: `${API}/users/{user_id}`,
      operationId: 'deleteUser',
      summary: 'Delete a user',
      tags,
      access: ADMIN,
      params: UserIdParams,
      success: { status: 204, description: 'Deleted' },
      errors: [404, 409],
      handle: async ({ params }) => {
        await auth.DeleteUser({ user_id: params.user_id });
      },
    }),
    route({
      method: 'post',
      path: `${API}/users/{user_id}/activate`,
      operationId: 'activateUser',
      summary: 'Activate a user',
      tags,
      access: ADMIN,
      params: UserIdParams,
      success: { status: 200, description: 'The user', schema: UserSchema },
      errors: [404],
      handle: ({ params }) => auth.ActivateUser({ user_id: params.user_id }),
    }),
    route({
      method: 'post',
      path: `${API}/users/{user_id}/deactivate`,
      operationId: 'deactivateUser',
      summary: 'Deactivate a user; their sessions and tokens are revoked',
      tags,
      access: ADMIN,
      params: UserIdParams,
      success: { status: 200, description: 'The user', schema: UserSchema },
      errors: [404],
      handle: ({ params }) => auth.DeactivateUser({ user_id: params.user_id }),
    }),
    route({
      method: 'get',
      path: `${API}/users/{user_id}/stats`,
      operationId: 'getUserStats',
      summary: "A user's account statistics with courses, enrolment counts and learning figures (admins, or the user themself)",
      tags,
      access: 'authenticated',
      params: UserIdParams,
      success: { status: 200, description: 'Statistics', schema: UserStatsSchema },
      errors: [404],
      handle: ({ params }) => userStats({ auth, catalog, enrollment, analytics, logger }, params.user_id),
    }),
  ];
}
