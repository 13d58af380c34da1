import { QueryTypes, type Sequelize } from 'sequelize';
import { eventually } from '@lms/kit/testing';

/**
 * Assertions on what the quiz service emitted, read from its outbox (written in the transaction of the change):
 * a count taken once the change has committed is final, where a count of messages received after a fixed
 * sleep is only a guess. Also the positive barrier of the deadline consumer, read from its inbox.
 */

/** The events of a type written to the outbox (published yet or not), as `{ subject, data }`. */
export async function emitted(db: Sequelize, type: string): Promise<{ subject: string; data: Record<string, unknown> }[]> {
  return db.query<{ subject: string; data: Record<string, unknown> }>(
    `SELECT payload->>'subject' AS subject, payload->'data' AS data FROM outbox WHERE type = :type ORDER BY seq`,
    { type: QueryTypes.SELECT, replacements: { type } },
  );
}

/** How many events of a type about one attempt (the subject) were written. */
export async function emittedFor(db: Sequelize, type: string, attemptId: string): Promise<number> {
  return (await emitted(db, type)).filter((e) => e.subject === attemptId).length;
}

/**
 * A positive barrier: the deadline consumer has handled the attempt's deadline event (its attempt.started, found
 * in its inbox). After it nothing is left that could close the attempt again, so a count taken then is final.
 */
export async function deadlineEventsHandled(db: Sequelize, attemptId: string, timeoutMs = 15_000): Promise<void> {
  await eventually(async () => {
    const [row] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM inbox i JOIN outbox o ON o.id::text = i.event_id
       WHERE i.consumer = 'quiz.attempt-deadlines' AND o.payload->>'subject' = :attemptId`,
      { type: QueryTypes.SELECT, replacements: { attemptId } },
    );
    if (row.n !== 1) throw new Error(`${row.n} of 1 deadline event handled`);
  }, timeoutMs);
}
