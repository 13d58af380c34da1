import { randomUUID } from 'node:crypto';
import type { AuthClient } from '@lms/kit/auth';
import type { DomainEvent } from '@lms/kit/events';
import { remoteFailure } from '@lms/kit/errors';
import { EnrollmentErrors } from '../../domain/enrollment.errors';
import { accessEnded, isLearning, newEnrollment, reactivate, type Enrollment } from '../../domain/enrollment';
import { enrollmentAccessScheduled, enrollmentCreated, enrollmentReactivated, type ListPrice } from '../../domain/enrollment.events';
import { Checker, isEmail, isUuid } from '../../domain/validation';
import type { BulkJob, BulkResult } from '../../infra/bulk-job.repository';
import type { CommandEnv, EnrollmentDeps, EnrollmentRepositories, EnrollmentUnitOfWork } from '../deps';
import { requireCourseOwner, throwIfInvalid, type Caller } from '../shared';
import { openCourseWithPrice } from './enroll';
import { upgradeLocked } from './recompute';

export interface BulkEnrollCommand {
  courseId: string;
  userIds: string[];
  emails: string[];
}

const AUTH_BATCH = 100;
const NOT_AN_EMAIL = 'not an email address';

/** One input row: an id row or an email row (rows are numbered ids first), and its outcome once known. */
export interface BulkRow {
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

/** The rows, each malformed one already `invalid` (pure). */
function rowsOf(cmd: BulkEnrollCommand): BulkRow[] {
  const idRows = cmd.userIds.map((input, i): BulkRow => ({ row: i, input, userId: null, detail: '' }));
  const emailRows = cmd.emails.map((input, i): BulkRow => ({ row: cmd.userIds.length + i, input, userId: null, detail: '' }));
  for (const r of idRows) {
    if (!isUuid(r.input.trim())) Object.assign(r, { result: 'invalid', detail: 'not a UUID' });
  }
  for (const r of emailRows) {
    if (!isEmail(r.input.trim().toLowerCase())) Object.assign(r, { result: 'invalid', detail: NOT_AN_EMAIL });
  }
  return [...idRows, ...emailRows];
}

interface Profile {
  role: string;
  active: boolean;
  fromIds: boolean;
}

/** Unknown, duplicate, non-student and deactivated accounts among the rows still open (pure). */
function classifyProfiles(rows: BulkRow[], profiles: Map<string, Profile>): void {
  const seen = new Set<string>();
  for (const r of rows.filter((x) => !x.result)) {
    const profile = profiles.get(r.userId!);
    if (!profile) Object.assign(r, { result: 'unknown_user', detail: 'no such user', userId: null });
    else if (seen.has(r.userId!)) Object.assign(r, { result: 'invalid', detail: 'duplicate of an earlier row' });
    else if (profile.role !== 'student') Object.assign(r, { result: 'invalid', detail: `a ${profile.role} cannot be enrolled as a student` });
    else if (!profile.active) Object.assign(r, { result: 'invalid', detail: 'the account is deactivated' });
    if (r.userId) seen.add(r.userId);
  }
}

/** Where the rows' accounts are looked up: auth (the one remote port) and our read model of deactivations. */
export interface UserDirectory {
  auth: Pick<AuthClient, 'BatchGetUsers' | 'ResolveUsersByEmail'>;
  users: Pick<EnrollmentRepositories['users'], 'inactiveAmong'>;
}

/**
 * Classifies every row before any transaction: malformed rows are `invalid`; ids and emails are resolved
 * through auth (batched, with the caller's token); then unknown, duplicate, non-student and deactivated
 * accounts are sorted out. Rows left without a result are the candidates `enrollRows` enrols.
 */
export async function resolveBulkRows(directory: UserDirectory, courseId: string, cmd: BulkEnrollCommand): Promise<BulkRow[]> {
  const rows = rowsOf(cmd);
  const idRows = rows.slice(0, cmd.userIds.length);
  const emailRows = rows.slice(cmd.userIds.length);
  const profiles = new Map<string, Profile>();
  try {
    const ids = [...new Set(idRows.filter((r) => !r.result).map((r) => r.input.trim().toLowerCase()))];
    for (const part of chunks(ids, AUTH_BATCH)) {
      const reply = await directory.auth.BatchGetUsers({ ids: part });
      for (const u of reply.items) profiles.set(u.id, { role: u.role, active: true, fromIds: true });
    }
    for (const r of idRows.filter((x) => !x.result)) r.userId = r.input.trim().toLowerCase();
    const emails = [...new Set(emailRows.filter((r) => !r.result).map((r) => r.input.trim().toLowerCase()))];
    const byEmail = new Map<string, string>();
    for (const part of chunks(emails, AUTH_BATCH)) {
      // Only after requireCourseOwner (prepareBulkEnroll): auth answers for a named course being bulk-enrolled and returns
      // active students only; it cannot verify the course itself (auth answers ResolveUsersByEmail only to the enrollment service, verified by its signed service token).
      const reply = await directory.auth.ResolveUsersByEmail({ emails: part, course_id: courseId });
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
    throw remoteFailure(err, EnrollmentErrors.authUnavailable);
  }
  // BatchGetUsers answers public profiles (no activation flag): deactivated accounts are known from auth's
  // user.deactivated / user.activated facts (the user_accounts read model), like the email path's is_active.
  const inactive = await directory.users.inactiveAmong([...profiles.entries()].filter(([, p]) => p.fromIds).map(([id]) => id));
  for (const id of inactive) profiles.get(id)!.active = false;
  classifyProfiles(rows, profiles);
  return rows;
}

/** A bulk enrolment ready for its unit of work: the course, who asked, and every row classified. */
export interface BulkEnrollInput {
  courseId: string;
  /** The course's list price read from catalog before the unit of work (null: unknown, the events carry none). */
  price: ListPrice | null;
  requestedBy: string;
  /** Rows numbered from here on are email rows (see `publicView`). */
  firstEmailRow: number;
  rows: BulkRow[];
}

/**
 * Before the unit of work (remote reads only): the input is valid and within BULK_ENROLL_MAX_ROWS, the caller
 * owns the course (or is an admin), the course is open, and every row is classified (`resolveBulkRows`).
 */
export async function prepareBulkEnroll(deps: EnrollmentDeps, caller: Caller, cmd: BulkEnrollCommand): Promise<BulkEnrollInput> {
  const check = new Checker();
  const courseId = check.uuid('course_id', cmd.courseId);
  const rowsCount = cmd.userIds.length + cmd.emails.length;
  if (rowsCount === 0) check.add('user_ids', 'give at least one user id or email');
  throwIfInvalid(check);
  if (rowsCount > deps.config.BULK_ENROLL_MAX_ROWS) throw EnrollmentErrors.tooManyRows(deps.config.BULK_ENROLL_MAX_ROWS);
  await requireCourseOwner(deps, caller, courseId);
  const { price } = await openCourseWithPrice(deps, courseId);
  const rows = await resolveBulkRows({ auth: deps.auth, users: deps.units.read.users }, courseId, cmd);
  return { courseId, price, requestedBy: caller.userId, firstEmailRow: cmd.userIds.length, rows };
}

/**
 * Enrols the candidate rows (classified, no result yet) in one unit of work: new enrolments, re-activations
 * of dropped ones (brought to the current version first), `already_enrolled`, and `invalid` for an access that
 * ended. Works on copies of the rows (a retried unit of work starts from the same input) and returns them
 * with their results, and the enrolment id of each student it saw. Each new enrolment's `enrollment.created`
 * carries `price` (the list price read before the unit of work; none when unknown).
 */
export async function enrollRows(
  uow: EnrollmentUnitOfWork,
  env: CommandEnv,
  courseId: string,
  candidates: BulkRow[],
  price: ListPrice | null,
): Promise<{ rows: BulkRow[]; enrollmentIds: Map<string, string> }> {
  const rows = candidates.map((r) => ({ ...r }));
  const enrollmentIds = new Map<string, string>();
  // A share lock on the course row: a new version being stored waits for us (or we see it).
  const course = await uow.courses.getShared(courseId);
  if (!course) throw EnrollmentErrors.courseNotFound();
  const at = env.clock();
  const existing = new Map((await uow.enrollments.lockForStudents(courseId, rows.map((r) => r.userId!))).map((e) => [e.studentId, e]));
  const events: DomainEvent[] = [];
  const version = { version: course.currentVersion, totalCountable: course.totalCountable };
  for (const r of rows) {
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
      const { enrollments: [upgraded], events: upgradeEvents } = await upgradeLocked(uow, env, courseId, version, [current]);
      e = reactivate(upgraded, at);
      await uow.enrollments.save(e);
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
      if (!(await uow.enrollments.insert(e))) {
        Object.assign(r, { result: 'already_enrolled' });
        continue;
      }
      events.push(enrollmentCreated(e, price));
      if (e.expiresAt) events.push(enrollmentAccessScheduled(e, 'enrolled', at));
    }
    r.result = 'enrolled';
    enrollmentIds.set(r.userId!, e.id);
  }
  await uow.emit(...events);
  return { rows, enrollmentIds };
}

/** The job record (pure): every row's real outcome and the counts, as stored for audit. */
export function bulkJobRecord(
  input: BulkEnrollInput,
  enrolled: { rows: BulkRow[]; enrollmentIds: Map<string, string> },
  times: { createdAt: Date; completedAt: Date },
): BulkJob {
  const done = new Map(enrolled.rows.map((r) => [r.row, r]));
  const results: BulkResult[] = input.rows.map((original) => {
    const r = done.get(original.row) ?? original;
    return {
      row: r.row,
      input: r.input.slice(0, 300),
      userId: r.userId,
      result: r.result!,
      enrollmentId: r.userId ? (enrolled.enrollmentIds.get(r.userId) ?? null) : null,
      detail: r.detail,
    };
  });
  const count = (kind: BulkResult['result']) => results.filter((x) => x.result === kind).length;
  return {
    id: randomUUID(),
    courseId: input.courseId,
    requestedBy: input.requestedBy,
    status: 'completed',
    total: results.length,
    enrolled: count('enrolled'),
    alreadyEnrolled: count('already_enrolled'),
    unknownUser: count('unknown_user'),
    invalid: count('invalid'),
    createdAt: times.createdAt,
    completedAt: times.completedAt,
    results,
  };
}

/**
 * Enrols many students at once (the course's instructor or an admin; `prepareBulkEnroll` before it): each id
 * row gets a result — enrolled (new or re-activated), already_enrolled, unknown_user (no such account),
 * invalid (malformed, a duplicate row, not a student, deactivated); each well-formed email row reports
 * `accepted` whatever happened (see `publicView`: no account enumeration by email). Re-running the same list
 * enrols nobody twice. The job and its real results are stored in the same unit of work (an audit record).
 */
export async function bulkEnroll(uow: EnrollmentUnitOfWork, env: CommandEnv, input: BulkEnrollInput): Promise<BulkJob> {
  const createdAt = env.clock();
  const enrolled = await enrollRows(
    uow,
    env,
    input.courseId,
    input.rows.filter((r) => !r.result),
    input.price,
  );
  const job = bulkJobRecord(input, enrolled, { createdAt, completedAt: env.clock() });
  await uow.bulkJobs.save(job);
  return publicView(job, input.firstEmailRow);
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
