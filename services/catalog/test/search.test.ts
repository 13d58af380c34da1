import type { Course__Output } from '@lms/kit/generated/lms/catalog/v1/Course';
import {
  ANONYMOUS,
  courseRequest,
  expectGrpcError,
  GrpcStatus,
  listRequest,
  publishedCourse,
  startFleet,
  unique,
  type Fleet,
} from './support';

const ids = (page: { items: Course__Output[] }) => page.items.map((c) => c.id);

describe('catalog: listing, full-text search, filters, sorting and pagination', () => {
  let f: Fleet;

  beforeAll(async () => {
    f = await startFleet('search');
  });

  afterAll(async () => {
    await f?.close();
  });

  test('When searching a word, then a title match ranks above a tag match, which ranks above a description match', async () => {
    const word = unique('zebra').toLowerCase();
    const { course: inDescription } = await publishedCourse(f, f.owner, { title: 'Animals of Africa', description: `All about the ${word} and friends` });
    const { course: inTitle } = await publishedCourse(f, f.owner, { title: `The ${word} handbook`, description: 'Stripes' });
    const { course: inTags } = await publishedCourse(f, f.other, { title: 'Savanna life', tags: [word, 'wildlife'] });
    await publishedCourse(f, f.other, { title: 'Unrelated course', description: 'Nothing here' });
    const page = await f.catalog.ListCourses(listRequest({ search: word }), ANONYMOUS);
    expect(ids(page)).toEqual([inTitle.id, inTags.id, inDescription.id]);
    expect(page.total).toBe(3);
  });

  test('When searching in Arabic (or with web-search syntax), then the simple configuration finds the words', async () => {
    const token = unique('q').toLowerCase();
    const { course: arabic } = await publishedCourse(f, f.owner, { title: `فن الخط العربي ${token}` });
    const { course: other } = await publishedCourse(f, f.owner, { title: `Calligraphy basics ${token}` });
    expect(ids(await f.catalog.ListCourses(listRequest({ search: 'الخط' }), ANONYMOUS))).toEqual([arabic.id]);
    expect(ids(await f.catalog.ListCourses(listRequest({ search: `${token} -calligraphy`, sort: 'title' }), ANONYMOUS))).toEqual([arabic.id]);
    expect(ids(await f.catalog.ListCourses(listRequest({ search: `"calligraphy basics" ${token}` }), ANONYMOUS))).toEqual([other.id]);
  });

  test('When filtering by category (any letter case), difficulty, instructor, price range and free, then only matching courses are listed', async () => {
    const category = unique('Cat');
    const free = (await publishedCourse(f, f.owner, { category, difficulty_level: 'beginner', price_cents: 0 })).course;
    const cheap = (await publishedCourse(f, f.owner, { category, difficulty_level: 'intermediate', price_cents: 999 })).course;
    const pricey = (await publishedCourse(f, f.other, { category, difficulty_level: 'advanced', price_cents: 25_000 })).course;
    const list = async (o: object) => ids(await f.catalog.ListCourses(listRequest({ category: category.toUpperCase(), sort: 'title', ...o }), ANONYMOUS)).sort();
    const sorted = (...cs: Course__Output[]) => cs.map((c) => c.id).sort();
    expect(await list({})).toEqual(sorted(free, cheap, pricey));
    expect(await list({ difficulty_level: 'intermediate' })).toEqual(sorted(cheap));
    expect(await list({ instructor_id: f.other.userId })).toEqual(sorted(pricey));
    expect(await list({ min_price_cents: 1, max_price_cents: 1000 })).toEqual(sorted(cheap));
    expect(await list({ min_price_cents: 999 })).toEqual(sorted(cheap, pricey));
    expect(await list({ max_price_cents: 0 })).toEqual(sorted(free));
    expect(await list({ is_free: 'true' })).toEqual(sorted(free));
    expect(await list({ is_free: 'false' })).toEqual(sorted(cheap, pricey));
  });

  test('When sorting by newest, title or popularity, then the order follows it (newest by default)', async () => {
    const category = unique('Sort');
    const b = (await publishedCourse(f, f.owner, { category, title: 'Beta course' })).course;
    const a = (await publishedCourse(f, f.owner, { category, title: 'alpha course' })).course;
    const c = (await publishedCourse(f, f.owner, { category, title: 'Gamma course' })).course;
    expect(ids(await f.catalog.ListCourses(listRequest({ category }), ANONYMOUS))).toEqual([c.id, a.id, b.id]);
    expect(ids(await f.catalog.ListCourses(listRequest({ category, sort: 'newest' }), ANONYMOUS))).toEqual([c.id, a.id, b.id]);
    expect(ids(await f.catalog.ListCourses(listRequest({ category, sort: 'title' }), ANONYMOUS))).toEqual([a.id, b.id, c.id]);
    // no enrolments yet: popularity ties fall back to newest
    expect(ids(await f.catalog.ListCourses(listRequest({ category, sort: 'popular' }), ANONYMOUS))).toEqual([c.id, a.id, b.id]);
  });

  test('When paging past the end, then the page is empty with the right total and total_pages', async () => {
    const category = unique('Page');
    for (let i = 0; i < 5; i++) await publishedCourse(f, f.owner, { category });
    const first = await f.catalog.ListCourses(listRequest({ category, page: 1, page_size: 2 }), ANONYMOUS);
    expect(first).toMatchObject({ total: 5, page: 1, page_size: 2, total_pages: 3 });
    expect(first.items).toHaveLength(2);
    const last = await f.catalog.ListCourses(listRequest({ category, page: 3, page_size: 2 }), ANONYMOUS);
    expect(last.items).toHaveLength(1);
    const beyond = await f.catalog.ListCourses(listRequest({ category, page: 9, page_size: 2 }), ANONYMOUS);
    expect(beyond).toMatchObject({ items: [], total: 5, page: 9, page_size: 2, total_pages: 3 });
    const all = [first, await f.catalog.ListCourses(listRequest({ category, page: 2, page_size: 2 }), ANONYMOUS), last].flatMap(ids);
    expect(new Set(all).size).toBe(5);
  });

  test('When the listing leaves page and page_size at 0 (not sent), then the fleet-wide defaults apply: page 1 of 20', async () => {
    const category = unique('Defaults');
    const { course } = await publishedCourse(f, f.owner, { category });
    const page = await f.catalog.ListCourses(listRequest({ category, page: 0, page_size: 0 }), ANONYMOUS);
    expect(page).toMatchObject({ total: 1, page: 1, page_size: 20, total_pages: 1 });
    expect(ids(page)).toEqual([course.id]);
    const mine = await f.catalog.ListMyCourses({ page: 0, page_size: 0 }, f.owner.auth);
    expect(mine).toMatchObject({ page: 1, page_size: 20 });
  });

  test.each([
    ['page_size -1', { page_size: -1 }, 'page_size'],
    ['page_size 101', { page_size: 101 }, 'page_size'],
    ['page_size 1000', { page_size: 1000 }, 'page_size'],
    ['page -1', { page: -1 }, 'page'],
    ['a negative lower price bound below -1', { min_price_cents: -2 }, 'min_price_cents'],
    ['a lower price bound above the upper one', { min_price_cents: 500, max_price_cents: 100 }, 'min_price_cents'],
    ['an unknown difficulty', { difficulty_level: 'expert' }, 'difficulty_level'],
    ['a malformed instructor id', { instructor_id: 'abc' }, 'instructor_id'],
    ['an unknown sort', { sort: 'cheapest' }, 'sort'],
    ['is_free "yes"', { is_free: 'yes' }, 'is_free'],
    ['a 201-character search', { search: 's'.repeat(201) }, 'search'],
  ])('When the listing asks for %s, then INVALID_ARGUMENT names the field (nothing is silently clamped)', async (_what, overrides, field) => {
    const err = await expectGrpcError(f.catalog.ListCourses(listRequest(overrides), ANONYMOUS), GrpcStatus.INVALID_ARGUMENT);
    expect(err.fields!.map((e) => e.loc[0])).toContain(field);
  });

  test('When listing with include_unpublished, then students still get the public catalogue, instructors add their own drafts, admins see everything', async () => {
    const category = unique('Vis');
    const live = (await publishedCourse(f, f.owner, { category })).course;
    const ownerDraft = await f.catalog.CreateCourse(courseRequest({ category }), f.owner.auth);
    const otherDraft = await f.catalog.CreateCourse(courseRequest({ category }), f.other.auth);
    const archived = (await publishedCourse(f, f.other, { category })).course;
    await f.catalog.ArchiveCourse({ course_id: archived.id }, f.other.auth);
    const list = async (auth: { authorization: string }, include: boolean) =>
      ids(await f.catalog.ListCourses(listRequest({ category, include_unpublished: include }), auth)).sort();
    const sorted = (...cs: { id: string }[]) => cs.map((c) => c.id).sort();
    expect(await list(ANONYMOUS, true)).toEqual(sorted(live));
    expect(await list(f.student.auth, true)).toEqual(sorted(live));
    expect(await list(f.owner.auth, false)).toEqual(sorted(live));
    expect(await list(f.owner.auth, true)).toEqual(sorted(live, ownerDraft));
    expect(await list(f.other.auth, true)).toEqual(sorted(live, otherDraft, archived));
    expect(await list(f.admin.auth, true)).toEqual(sorted(live, ownerDraft, otherDraft, archived));
  });

  test('When listing categories, then each visible category appears once with its count of published, non-archived courses', async () => {
    const category = unique('Categ');
    await publishedCourse(f, f.owner, { category });
    await publishedCourse(f, f.other, { category: category.toLowerCase() });
    await f.catalog.CreateCourse(courseRequest({ category }), f.owner.auth); // draft: not counted
    const { items } = await f.catalog.ListCategories({}, ANONYMOUS);
    const mine = items.filter((c) => c.name.toLowerCase() === category.toLowerCase());
    expect(mine).toHaveLength(1);
    expect(mine[0].course_count).toBe(2);
  });

  test('When listing popular and top-rated courses, then only public courses come back, limited and filtered by category', async () => {
    const category = unique('Top');
    const a = (await publishedCourse(f, f.owner, { category })).course;
    const b = (await publishedCourse(f, f.owner, { category })).course;
    await f.catalog.CreateCourse(courseRequest({ category }), f.owner.auth);
    const popular = await f.catalog.ListPopularCourses({ limit: 10, category }, ANONYMOUS);
    expect(popular.items.map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
    expect((await f.catalog.ListTopRatedCourses({ limit: 1, category }, ANONYMOUS)).items).toHaveLength(1);
    await expectGrpcError(f.catalog.ListPopularCourses({ limit: 101 }, ANONYMOUS), GrpcStatus.INVALID_ARGUMENT);
    expect((await f.catalog.ListPopularCourses({}, ANONYMOUS)).items.length).toBeLessThanOrEqual(10);
  });

  test('When a page of courses by several instructors is listed, then each course names its instructor (one batched call to auth)', async () => {
    const category = unique('Names');
    await publishedCourse(f, f.owner, { category });
    await publishedCourse(f, f.other, { category });
    const page = await f.catalog.ListCourses(listRequest({ category }), ANONYMOUS);
    const names = Object.fromEntries(page.items.map((c) => [c.instructor_id, c.instructor!.full_name]));
    expect(names).toEqual({ [f.owner.userId]: f.owner.fullName, [f.other.userId]: f.other.fullName });
  });
});
