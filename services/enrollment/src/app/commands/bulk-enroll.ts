import { randomUUID } from 'node:crypto';
import { withTransaction } from '@lms/kit/db';
import { AppError } from '@lms/kit/errors';
import { EnrollmentErrors } from '../../domain/enrollment.errors';
import { accessEnded, isLearning, newEnrollment, reactivate, type Enrollment } from '../../domain/enrollment';
import { enrollmentAccessScheduled, enrollmentCreated, enrollmentReactivated, type DomainEvent } from '../../domain/enrollment.events';
import { Checker, isEmail, isUuid } from '../../domain/validation';
import type { BulkJob, BulkResult } from '../../infra/bulk-job.repository';
import type { EnrollmentDeps } from '../deps';
import { emit, requireCourseOwner, throwIfInvalid, type Caller } from '../shared';
import { ensureCourseOpen } from './enroll';
import { upgradeLocked } from './recompute';

export interface BulkEnrollCommand {
  courseId: string;
  userIds: string[];
  emails: string[];
}

const AUTH_BATCH = 100;
const NOT_AN_EMAIL = 'not an email address';

interface Row {
  row: number;
  input: string;
  userId: string | null;
  result?: BulkResult['result'];
  detail: string;
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * Enrols many students at once (the course's instructor or an admin): ids are checked and emails
 * resolved through auth; each id row gets a result — enrolled (new or re-activated), already_enrolled,
 * unknown_user (no such account), invalid (malformed, a duplicate row, not a student, deactivated);
 * each well-formed email row reports `accepted` whatever happened (see `publicView`: no account
 * enumeration by email). Re-running the same list enrols nobody twice. The job and its real results are stored.
 */
export async function bulkEnroll(deps: EnrollmentDeps, caller: Caller, cmd: BulkEnrollCommand): Promise<BulkJob> {
  const check = new Checker();
  const courseId = check.uuid('course_id', cmd.courseId);
  const rowsCount = cmd.userIds.length + cmd.emails.length;
  if (rowsCount === 0) check.add('user_ids', 'give at least one user id or email');
  throwIfInvalid(check);
  if (rowsCount > deps.config.BULK_ENROLL_MAX_ROWS) throw EnrollmentErrors.tooManyRows(deps.config.BULK_ENROLL_MAX_ROWS);
  await requireCourseOwner(deps, caller, courseId);
  await ensureCourseOpen(deps, courseId);

  const rows: Row[] = [
    ...cmd.userIds.map((input, i) => ({ row: i, input, userId: null, detail: '' })),
    ...cmd.emails.map((input, i) => ({ row: cmd.userIds.length + i, input, userId: null, detail: '' })),
  ];
  const idRows = rows.slice(0, cmd.userIds.length);
  const emailRows = rows.slice(cmd.userIds.length);
  for (const r of idRows) {
    if (!isUuid(r.input.trim())) Object.assign(r, { result: 'invalid', detail: 'not a UUID' });
  }
  for (const r of emailRows) {
    if (!isEmail(r.input.trim().toLowerCase())) Object.assign(r, { result: 'invalid', detail: NOT_AN_EMAIL });
  }

  // Resolve through auth with the caller's token (batched).
  const profiles = new Map<string, { role: string; active: boolean; fromIds: boolean }>();
  try {
    const ids = [...new Set(idRows.filter((r) => !r.result).map((r) => r.input.trim().toLowerCase()))];
    for (const part of chunks(ids, AUTH_BATCH)) {
      const reply = await deps.auth.BatchGetUsers({ ids: part });
      for (const u of reply.items) profiles.set(u.id, { role: u.role, active: true, fromIds: true });
    }
    for (const r of idRows.filter((x) => !x.result)) r.userId = r.input.trim().toLowerCase();
    const emails = [...new Set(emailRows.filter((r) => !r.result).map((r) => r.input.trim().toLowerCase()))];
    const byEmail = new Map<string, string>();
    for (const part of chunks(emails, AUTH_BATCH)) {
      // Only after requireCourseOwner above: auth answers for a named course being bulk-enrolled and returns
      // active students only; it cannot verify the course itself (auth answers ResolveUsersByEmail only to the enrollment service, verified by its signed service token).
      const reply = await deps.auth.ResolveUsersByEmail({ emails: part, course_id: courseId });
      for (const item of reply.items) {
        if (!item.user) continue;
        byEmail.set(item.email, item.user.id);
        profiles.set(item.user.id, { role: item.user.role, active: item.is_active, fromIds: false });
      }
    }
    for (const r of emailRows.filter((x) => !x.result)) {
      const id = byEmail.get(r.input.trim().toLowerCase());
      if (id) r.userId = id;
      else Object.assign(r, { result: 'unknown_user', detail: 'no account with this email' });
    }
  } catch (err) {
    if (err instanceof AppError && err.kind !== 'unavailable' && err.kind !== 'internal') throw err;
    throw EnrollmentErrors.authUnavailable(err);
  }
  // BatchGetUsers answers public profiles (no activation flag): deactivated accounts are known from auth's
  // user.deactivated / user.activated facts (the user_accounts read model), like the email path's is_active.
  const inactive = await deps.users.inactiveAmong([...profiles.entries()].filter(([, p]) => p.fromIds).map(([id]) => id));
  for (const id of inactive) profiles.get(id)!.active = false;
  const seen = new Set<string>();
  for (const r of rows.filter((x) => !x.result)) {
    const profile = profiles.get(r.userId!);
    if (!profile) Object.assign(r, { result: 'unknown_user', detail: 'no such user', userId: null });
    else if (seen.has(r.userId!)) Object.assign(r, { result: 'invalid', detail: 'duplicate of an earlier row' });
    else if (profile.role !== 'student') Object.assign(r, { result: 'invalid', detail: `a ${profile.role} cannot be enrolled as a student` });
    else if (!profile.active) Object.assign(r, { result: 'invalid', detail: 'the account is deactivated' });
    if (r.userId) seen.add(r.userId);
  }

  const candidates = rows.filter((r) => !r.result);
  const enrollmentIds = new Map<string, string>();
  return withTransaction(deps.sequelize, async (transaction) => {
    const course = await deps.courses.get(courseId, transaction, 'share');
    if (!course) throw EnrollmentErrors.courseNotFound();
    const at = deps.clock();
    const existing = new Map(
      (await deps.enrollments.findForStudents(transaction, courseId, candidates.map((r) => r.userId!))).map((e) => [e.studentId, e]),
    );
    const events: DomainEvent<unknown>[] = [];
    const version = { version: course.currentVersion, totalCountable: course.totalCountable };
    for (const r of candidates) {
      const current = existing.get(r.userId!);
      if (current && (current.status === 'expired' || accessEnded(current, at))) {
        Object.assign(r, { result: 'invalid', detail: 'access to the course ended: extend the enrolment instead' });
        enrollmentIds.set(r.userId!, current.id);
        continue;
      }
      if (current && isLearning(current.status)) {
        Object.assign(r, { result: 'already_enrolled' });
        enrollmentIds.set(r.userId!, current.id);
        continue;
      }
      let e: Enrollment;
      if (current) {
        const { enrollments: [upgraded], events: upgradeEvents } = await upgradeLocked(deps, transaction, courseId, version, [current]);
        e = reactivate(upgraded, at);
        await deps.enrollments.save(transaction, e);
        events.push(...upgradeEvents, enrollmentReactivated(e, at));
        r.detail = 're-activated';
      } else {
        e = newEnrollment({
          id: randomUUID(),
          studentId: r.userId!,
          courseId,
          courseVersion: version.version,
          totalLessonsCount: version.totalCountable,
          at,
          accessDays: course.accessDays,
        });
        if (!(await deps.enrollments.insert(transaction, e))) {
          Object.assign(r, { result: 'already_enrolled' });
          continue;
        }
        events.push(enrollmentCreated(e));
        if (e.expiresAt) events.push(enrollmentAccessScheduled(e, 'enrolled', at));
      }
      r.result = 'enrolled';
      enrollmentIds.set(r.userId!, e.id);
    }
    await emit(deps, transaction, events);
    const results: BulkResult[] = rows.map((r) => ({
      row: r.row,
      input: r.input.slice(0, 300),
      userId: r.userId,
      result: r.result!,
      enrollmentId: r.userId ? (enrollmentIds.get(r.userId) ?? null) : null,
      detail: r.detail,
    }));
    const count = (kind: BulkResult['result']) => results.filter((x) => x.result === kind).length;
    const job: BulkJob = {
      id: randomUUID(),
      courseId,
      requestedBy: caller.userId,
      status: 'completed',
      total: results.length,
      enrolled: count('enrolled'),
      alreadyEnrolled: count('already_enrolled'),
      unknownUser: count('unknown_user'),
      invalid: count('invalid'),
      createdAt: at,
      completedAt: deps.clock(),
      results,
    };
    await deps.bulkJobs.save(transaction, job);
    return publicView(job, cmd.userIds.length);
  });
}

const EMAIL_ROW_DETAIL = 'enrolled if this address belongs to an active student account; see the course enrolment list';

/**
 * What the caller is told. Email rows must not reveal whether an address has an account (nor whether it
 * is deactivated, a teacher's, or already enrolled): every well-formed email row reports `accepted` with
 * the same detail and no user or enrolment id, and the job's counts cover id rows only (`total` counts
 * every row). The owner sees the students actually enrolled in the course's enrolment list. The stored
 * job keeps the real outcome of every row (audit; never returned).
 */
export function publicView(job: BulkJob, firstEmailRow: number): BulkJob {
  const results = job.results.map((r): BulkResult =>
    r.row < firstEmailRow || (r.result === 'invalid' && r.detail === NOT_AN_EMAIL)
      ? r
      : { ...r, userId: null, enrollmentId: null, result: 'accepted', detail: EMAIL_ROW_DETAIL },
  );
  const count = (kind: BulkResult['result']) => results.filter((x) => x.result === kind).length;
  return {
    ...job,
    enrolled: count('enrolled'),
    alreadyEnrolled: count('already_enrolled'),
    unknownUser: count('unknown_user'),
    invalid: count('invalid'),
    results,
  };
}
