import { issueCertificate } from '../src/app/issue/issue-certificate';
import type { CertificatePorts, CertificateUnitOfWork } from '../src/app/deps';
import type { CertificateConfig } from '../src/config';
import type { CertificateRecord, CertificateSnapshot } from '../src/domain/certificate.entities';
import type { InsertOutcome } from '../src/infra/certificate.repository';

/**
 * The issuer's loop around the unique indexes, on an in-memory unit of work: a number already taken is drawn
 * again; a conflict on the enrolment returns the winner without publishing; a taken status-list entry is skipped.
 */
const snapshot: CertificateSnapshot = {
  enrollmentId: '6f1c1c7e-1111-4a4a-8b8b-000000000001',
  studentId: '6f1c1c7e-1111-4a4a-8b8b-000000000002',
  courseId: '6f1c1c7e-1111-4a4a-8b8b-000000000003',
  studentName: 'Ada',
  courseTitle: 'Engines',
  instructorId: null,
  instructorName: 'Course Instructor',
  completionDate: new Date('2026-02-17T10:00:00Z'),
  finalGrade: 'Pass',
  totalHours: null,
};

const ports: CertificatePorts = {
  config: { PUBLIC_API_URL: 'https://lms.example', STATUS_LIST_SIZE: 131_072, CERTIFICATE_ISSUER: 'LMS Platform', CERTIFICATE_SIGNATURE_NAME: 'Platform Director' } as CertificateConfig,
  clock: () => new Date('2026-02-18T09:00:00Z'),
  logger: { info: () => undefined, warn: () => undefined } as unknown as CertificatePorts['logger'],
};

function fakeUnit(outcomes: InsertOutcome['kind'][], options: { takenIndexes?: number } = {}) {
  const inserted: CertificateRecord[] = [];
  const emitted: { type: string }[] = [];
  let takenIndexes = options.takenIndexes ?? 0;
  const uow = {
    certificates: {
      findByEnrollment: async (): Promise<CertificateRecord | null> => null,
      insertIfAbsent: async (candidate: CertificateRecord): Promise<InsertOutcome> => {
        const kind = outcomes.shift() ?? 'created';
        inserted.push(candidate);
        return kind === 'created' ? { kind, certificate: candidate } : { kind };
      },
    },
    statusLists: {
      lockOpenList: async () => ({ id: 1, size: 131_072, allocated: 0 }),
      isIndexTaken: async () => takenIndexes-- > 0,
      countAllocation: jest.fn(async () => undefined),
    },
    pdfs: { markRequested: jest.fn(async () => undefined) },
    emit: async (...events: { type: string }[]) => void emitted.push(...events),
  } as unknown as CertificateUnitOfWork;
  return { uow, inserted, emitted };
}

test('a number already taken is drawn again (same entry, new number), then issued and published once', async () => {
  const { uow, inserted, emitted } = fakeUnit(['number_taken', 'number_taken', 'created']);
  const outcome = await issueCertificate(uow, ports, snapshot, { via: 'event' });
  expect(outcome.created).toBe(true);
  expect(inserted).toHaveLength(3);
  expect(new Set(inserted.map((c) => c.id)).size).toBe(3);
  for (const candidate of inserted) expect(candidate.certificateNumber).toMatch(/^CERT-20260218-[0-9A-F]{8}$/);
  expect(new Set(inserted.map((c) => c.statusListIndex)).size).toBe(1);
  expect(outcome.certificate).toBe(inserted[2]);
  expect(emitted.map((e) => e.type)).toEqual(['certificate.issued', 'certificate.render_requested']);
});

test('five taken numbers in a row fail loudly (nothing emitted)', async () => {
  const { uow, emitted } = fakeUnit(['number_taken', 'number_taken', 'number_taken', 'number_taken', 'number_taken']);
  await expect(issueCertificate(uow, ports, snapshot, { via: 'admin' })).rejects.toThrow(/no free certificate number/);
  expect(emitted).toEqual([]);
});

test('an enrolment certified meanwhile (conflict) returns the winner, created false, nothing emitted', async () => {
  const winner = { ...snapshot, id: 'winner' } as CertificateRecord;
  let calls = 0;
  const { uow, emitted } = fakeUnit(['exists']);
  (uow.certificates as unknown as { findByEnrollment: () => Promise<CertificateRecord | null> }).findByEnrollment = async () => (calls++ === 0 ? null : winner);
  const outcome = await issueCertificate(uow, ports, snapshot, { via: 'admin', issuedByUserId: 'someone' });
  expect(outcome).toEqual({ certificate: winner, created: false });
  expect(emitted).toEqual([]);
  expect(uow.statusLists.countAllocation).not.toHaveBeenCalled();
});

test('taken status-list entries are skipped: the entry is a free random index', async () => {
  const { uow, inserted } = fakeUnit(['created'], { takenIndexes: 3 });
  await issueCertificate(uow, ports, snapshot, { via: 'event' });
  expect(inserted[0].statusListIndex).toBeGreaterThanOrEqual(0);
  expect(inserted[0].statusListIndex).toBeLessThan(131_072);
  expect(uow.statusLists.countAllocation).toHaveBeenCalledWith(1);
});
