import { QUIZ_LIMITS, Timestamp, pathUuid } from './quiz-common';
import { z } from './zod';

/** Requests and responses of a quiz's question pools (conventions: quiz-common.ts). */
const L = QUIZ_LIMITS;

export const PoolParams = z.object({ course_id: pathUuid('course_id'), quiz_id: pathUuid('quiz_id'), pool_id: pathUuid('pool_id') }).strict();

const PoolTitle = z.string().trim().min(1).max(L.poolTitle);
const DrawCount = z.number().int().min(1).max(L.drawCount).openapi({ description: 'Questions drawn at random from the pool for each attempt' });

export const CreatePoolBody = z.object({ title: PoolTitle, draw_count: DrawCount }).strict().openapi('CreatePoolRequest');
export const UpdatePoolBody = z
  .object({ title: PoolTitle.optional(), draw_count: DrawCount.optional() })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'At least one field is required')
  .openapi('UpdatePoolRequest', { description: 'Partial update: only the fields present are changed' });

export const PoolSchema = z
  .object({
    id: z.string().uuid(),
    quiz_id: z.string().uuid(),
    title: z.string(),
    draw_count: z.number().int(),
    question_count: z.number().int(),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi('QuestionPool');
