import { listSchema } from '../presentation/lists';
import { NullableText, NullableTimestamp } from '../presentation/public-shape';
import { QUIZ_LIMITS, Timestamp, pathUuid } from './quiz-common';
import { Uuid } from './schemas';
import { z } from './zod';

/** Requests and responses of regrading a quiz's submitted attempts (conventions: quiz-common.ts). */
const L = QUIZ_LIMITS;

export const RegradeParams = z.object({ quiz_id: pathUuid('quiz_id'), regrade_id: pathUuid('regrade_id') }).strict();

export const RegradeQuery = z
  .object({
    dry_run: z
      .enum(['true', 'false'])
      .default('false')
      .openapi({ description: '`true`: compute and list the changes (audited) without applying them' }),
  })
  .strict();

export const RegradeBody = z
  .object({
    question_ids: z
      .array(Uuid)
      .max(L.questions)
      .optional()
      .openapi({ description: 'Default: every question whose current version differs from the one graded' }),
  })
  .strict()
  .openapi('RegradeRequest');

export const RegradeReportSchema = z
  .object({
    id: z.string().openapi({ description: 'The regrade run (its record in the audit trail)' }),
    quiz_id: z.string().uuid(),
    dry_run: z.boolean(),
    status: z.enum(['pending', 'running', 'done', 'failed']).openapi({
      description: 'A real regrade is a job: `pending` when accepted, `running` while batches are done, then `done` or `failed`. A dry run is `done` at once',
    }),
    requested_by: z.string(),
    created_at: Timestamp,
    updated_at: Timestamp,
    finished_at: NullableTimestamp(),
    attempts_total: z.number().int().openapi({ description: 'Submitted attempts when the regrade was requested (progress: attempts_examined of attempts_total)' }),
    attempts_examined: z.number().int(),
    batches_done: z.number().int(),
    truncated: z.boolean().openapi({ description: 'A dry run stopped at its cap before examining every attempt' }),
    error: NullableText().openapi({ description: 'Why a run failed; null otherwise' }),
    requested_question_ids: z.array(z.string()).openapi({ description: 'The question_ids asked for (empty: every question whose key changed)' }),
    changes: z
      .array(
        z
          .object({
            attempt_id: z.string(),
            student_id: z.string(),
            attempt_number: z.number().int(),
            old_score: z.number(),
            new_score: z.number(),
            old_percentage: z.number(),
            new_percentage: z.number(),
            old_passed: z.boolean(),
            new_passed: z.boolean(),
            question_ids: z.array(z.string()).openapi({ description: 'The questions whose points changed' }),
          })
          .openapi('ScoreChange'),
      )
      .openapi({ description: 'Only attempts whose score changed (so far, while running)' }),
    question_ids: z.array(z.string()).openapi({ description: 'The questions regraded (so far)' }),
  })
  .openapi('RegradeReport');

export const RegradeListSchema = listSchema('RegradeList', 'regrades', RegradeReportSchema);
