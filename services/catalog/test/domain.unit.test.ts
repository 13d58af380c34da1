import { applyEnrollmentFact, type EnrollmentRecord } from '../src/domain/enrollment-stats';
import { baseSlug, firstFreeSlug, isValidSlug, slugify } from '../src/domain/slug';
import { validateCoursePatch, validateListCourses, validateNewCourse, type CourseInput } from '../src/domain/course';
import { countableIds, contentTotals, inCourseOrder, moveWithinSection, sameIds, validateMoveIndex, validateReorder } from '../src/domain/lesson';
import { AppError } from '@lms/kit/errors';
import { checkLessonFiles, referencedFileIds, type FileFacts } from '../src/domain/lesson-files';

const course = (overrides: Partial<CourseInput> = {}): CourseInput => ({
  title: 'A fine course',
  slug: '',
  description: '',
  longDescription: '',
  category: '',
  difficultyLevel: '',
  priceCents: '0',
  currency: '',
  thumbnailUrl: '',
  previewVideoUrl: '',
  requirements: [],
  learningObjectives: [],
  tags: [],
  ...overrides,
});

function fieldsOf(fn: () => unknown): unknown[][] {
  try {
    fn();
  } catch (err) {
    return ((err as AppError).fields ?? []).map((f) => f.loc);
  }
  throw new Error('expected a validation error');
}

describe('catalog domain (pure rules)', () => {
  test('When titles are turned into slugs, then Unicode letters and digits are kept, lower-cased, separators collapsed and trimmed', () => {
    expect(slugify('The Art of Arabic — فن الخط')).toBe('the-art-of-arabic-فن-الخط');
    expect(slugify('  Hello,   World!! ')).toBe('hello-world');
    expect(slugify('Ünïcödé Ça Va')).toBe('ünïcödé-ça-va');
    expect(slugify('Привет мир 2024')).toBe('привет-мир-2024');
    expect(slugify('日本語のコース')).toBe('日本語のコース');
    expect(slugify('ｆｕｌｌｗｉｄｔｈ')).toBe('fullwidth');
    expect(slugify('🎉🎉🎉')).toBe('');
    expect(baseSlug('🎉', 'course', () => 'deadbeef')).toBe('course-deadbeef');
    expect([...slugify('x'.repeat(300))].length).toBe(90);
  });

  test('When a client sends a slug, then only the slug form is accepted (no upper case, double hyphens, edges, UUIDs)', () => {
    expect(isValidSlug('intro-to-go')).toBe(true);
    expect(isValidSlug('فن-الخط')).toBe(true);
    for (const bad of ['', 'Intro', 'intro--go', '-intro', 'intro-', 'intro go', 'a/b', '3f0e0d3c-1111-4111-8111-111111111111', 'x'.repeat(101)]) {
      expect(isValidSlug(bad)).toBe(false);
    }
  });

  test('When slugs collide, then the first free suffix is chosen (a year in a title is not mistaken for a suffix)', () => {
    expect(firstFreeSlug('intro', new Set())).toBe('intro');
    expect(firstFreeSlug('intro', new Set(['intro', 'intro-2', 'intro-2019']))).toBe('intro-3');
  });

  test('When a new course is validated, then defaults apply (beginner, USD) and tags are lower-cased and de-duplicated', () => {
    const { content, slug } = validateNewCourse(course({ tags: ['Go', 'go ', 'Rust'] }));
    expect(content).toMatchObject({ difficultyLevel: 'beginner', currency: 'USD', priceCents: 0, tags: ['go', 'rust'] });
    expect(slug).toBeUndefined();
    expect(fieldsOf(() => validateNewCourse(course({ priceCents: '-1', currency: 'EURO' })))).toEqual([['price_cents'], ['currency']]);
  });

  test('When a course patch is validated, then only the named fields are checked and unknown names are refused', () => {
    const { patch, slug } = validateCoursePatch(course({ title: 'x', description: 'new' }), ['description']);
    expect(patch).toEqual({ description: 'new' });
    expect(slug).toBeUndefined();
    expect(fieldsOf(() => validateCoursePatch(course(), ['title', 'owner']))).toEqual([['fields', 1]]);
  });

  test('When a listing is validated, then relevance is the default sort only when searching and -1 means no price bound', () => {
    const base = { page: 1, pageSize: 10, category: '', difficultyLevel: '', instructorId: '', minPriceCents: '-1', maxPriceCents: '-1', isFree: '', search: '', sort: '' };
    expect(validateListCourses(base)).toMatchObject({ sort: 'newest', filter: {} });
    expect(validateListCourses({ ...base, search: 'go' }).sort).toBe('relevance');
    expect(validateListCourses({ ...base, sort: 'relevance' }).sort).toBe('newest');
    expect(validateListCourses({ ...base, maxPriceCents: '0' }).filter).toEqual({ maxPriceCents: 0 });
  });

  test('When lessons are put in course order, then countable ids are the published ones with the flag, and totals count published lessons', () => {
    const sections = [
      { id: 's2', orderIndex: 1 },
      { id: 's1', orderIndex: 0 },
    ];
    const lessons = [
      { id: 'c', sectionId: 's2', orderIndex: 0, isPublished: true, countsTowardCompletion: true, lessonType: 'quiz' as const, durationMinutes: 5 },
      { id: 'b', sectionId: 's1', orderIndex: 1, isPublished: true, countsTowardCompletion: false, lessonType: 'text' as const, durationMinutes: 7 },
      { id: 'a', sectionId: 's1', orderIndex: 0, isPublished: false, countsTowardCompletion: true, lessonType: 'video' as const, durationMinutes: 100 },
    ];
    const ordered = inCourseOrder(sections, lessons);
    expect(ordered.map((l) => l.id)).toEqual(['a', 'b', 'c']);
    expect(countableIds(ordered)).toEqual(['c']);
    expect(contentTotals(lessons)).toEqual({ totalLessons: 2, totalQuizzes: 1, estimatedDurationMinutes: 12 });
    expect(sameIds(null, [])).toBe(false);
    expect(sameIds(['a', 'b'], ['b', 'a'])).toBe(false);
  });

  test('When a reorder is validated, then it must list every section and lesson exactly once', () => {
    const ids = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'];
    const actual = { sectionIds: [ids[0]], lessonIds: [ids[1], ids[2]] };
    expect(validateReorder([{ sectionId: ids[0], lessonIds: [ids[2], ids[1]] }], actual).lessons).toEqual([
      { id: ids[2], sectionId: ids[0], orderIndex: 0 },
      { id: ids[1], sectionId: ids[0], orderIndex: 1 },
    ]);
    expect(fieldsOf(() => validateReorder([{ sectionId: ids[0], lessonIds: [ids[1]] }], actual))).toEqual([['sections']]);
    expect(fieldsOf(() => validateReorder([{ sectionId: ids[0], lessonIds: [ids[1], ids[1], ids[2]] }], actual))).toEqual([
      ['sections', 0, 'lesson_ids', 1],
    ]);
  });

  test('When enrolment facts arrive in any order or twice, then the record converges to the newest facts', () => {
    const ids = { enrollmentId: 'e', courseId: 'c', studentId: 's' };
    const t = (m: number) => new Date(Date.UTC(2030, 0, 1, 0, m));
    const apply = (facts: Parameters<typeof applyEnrollmentFact>[2][]) =>
      facts.reduce<EnrollmentRecord | undefined>((rec, fact) => applyEnrollmentFact(rec, ids, fact) ?? rec, undefined);
    const created = { kind: 'created' as const, at: t(1) };
    const dropped = { kind: 'dropped' as const, at: t(5) };
    const reactivated = { kind: 'reactivated' as const, at: t(9) };
    for (const order of [
      [created, dropped, reactivated],
      [reactivated, dropped, created],
      [dropped, created, reactivated, reactivated],
    ]) {
      expect(apply(order)).toMatchObject({ active: true, statusAt: t(9) });
    }
    expect(apply([dropped, created])).toMatchObject({ active: false });
    const r1 = { kind: 'reviewed' as const, rating: 2, at: t(3) };
    const r2 = { kind: 'reviewed' as const, rating: 5, at: t(4) };
    expect(apply([r2, r1])).toMatchObject({ rating: 5, active: false, statusAt: null });
    expect(apply([r1, r2, created])).toMatchObject({ rating: 5, active: true });
    expect(applyEnrollmentFact(apply([created]), ids, created)).toBeUndefined();
  });

  test('When one lesson is moved within its section, then the others shift and positions stay contiguous; past the end is the end', () => {
    const order = (ids: string[], id: string, to: number) => moveWithinSection(ids, id, to).map((p) => `${p.id}${p.orderIndex}`).join(' ');
    expect(order(['a', 'b', 'c', 'd'], 'd', 0)).toBe('d0 a1 b2 c3');
    expect(order(['a', 'b', 'c', 'd'], 'a', 2)).toBe('b0 c1 a2 d3');
    expect(order(['a', 'b', 'c', 'd'], 'b', 1)).toBe('a0 b1 c2 d3');
    expect(order(['a', 'b', 'c', 'd'], 'b', 99)).toBe('a0 c1 d2 b3');
    expect(order(['a'], 'a', 5)).toBe('a0');
    expect(validateMoveIndex(0)).toBe(0);
    expect(validateMoveIndex(1_000_000)).toBe(1_000_000);
    for (const bad of [-1, 1.5, 1_000_001, Number.NaN]) expect(() => validateMoveIndex(bad)).toThrow(AppError);
  });
});

describe('lesson files (checkLessonFiles)', () => {
  const owner = 'a0000000-0000-4000-8000-000000000001';
  const facts = (id: string, over: Partial<FileFacts> = {}): [string, FileFacts] => [
    id,
    { id, uploadedBy: owner, uploaderRole: 'instructor', fileType: 'document', mimeType: 'application/pdf', originalFilename: `${id}.pdf`, fileSize: 10, ...over },
  ];
  const ids = ['f0000000-0000-4000-8000-000000000001', 'f0000000-0000-4000-8000-000000000002', 'f0000000-0000-4000-8000-000000000003'];
  const known = new Map([facts(ids[0]), facts(ids[1], { uploadedBy: 'someone-else', uploaderRole: 'admin' }), facts(ids[2], { fileType: 'video' })]);

  test('When the files are the owner\'s or an admin\'s, then the snapshots come back in the requested order', () => {
    const out = checkLessonFiles({ instructorId: owner }, { videoFileId: ids[2], attachmentFileIds: [ids[1], ids[0]] }, known, new Set());
    expect(out.map((a) => [a.fileId, a.filename])).toEqual([
      [ids[1], `${ids[1]}.pdf`],
      [ids[0], `${ids[0]}.pdf`],
    ]);
  });

  test('When a file was seen deleted (file.deleted) although media still answered, then it is "File not found"; a non-video as the video is refused', () => {
    let caught: AppError | undefined;
    try {
      checkLessonFiles({ instructorId: owner }, { videoFileId: ids[0], attachmentFileIds: [ids[2]] }, known, new Set([ids[2]]));
    } catch (err) {
      caught = err as AppError;
    }
    expect(caught?.fields).toEqual([
      { loc: ['video_file_id'], msg: 'The file is not a video' },
      { loc: ['attachment_file_ids', 0], msg: 'File not found' },
    ]);
  });

  test('When a lesson references a file as its video and as an attachment, then referencedFileIds asks about it once', () => {
    expect(referencedFileIds({ videoFileId: ids[0], attachmentFileIds: [ids[0], ids[1]] })).toEqual([ids[0], ids[1]]);
    expect(referencedFileIds({ videoFileId: null })).toEqual([]);
  });
});
