import type { CatalogClient } from '@lms/kit/clients';
import { clientSignedAs } from '@lms/testing-fleet';
import { ANONYMOUS, courseRequest, publishedCourse, startFleet, type Fleet } from './support';

/**
 * Issue 15: the certificate service names the course of a completed enrolment whatever became of it since, so
 * BatchGetCourses without a user token, asked by the certificate service, returns every existing course —
 * drafts, unpublished and archived ones included, with their instructor; deleted courses are gone. Other
 * services and anonymous callers keep the public rule.
 */
describe('catalog: BatchGetCourses for the certificate service', () => {
  let f: Fleet;
  const clients: CatalogClient[] = [];
  const signedAs = (caller: string) => {
    const client = clientSignedAs('catalog', f.address, caller, 5000);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    f = await startFleet('certificate_caller');
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await f?.close();
  });

  test('When the certificate service asks without a user token, then every existing course comes back with its instructor; others see published ones only', async () => {
    const published = (await publishedCourse(f, f.owner)).course;
    const unpublished = (await publishedCourse(f, f.owner)).course;
    await f.catalog.UnpublishCourse({ course_id: unpublished.id }, f.owner.auth);
    const archived = (await publishedCourse(f, f.owner)).course;
    await f.catalog.ArchiveCourse({ course_id: archived.id }, f.owner.auth);
    const draft = await f.catalog.CreateCourse(courseRequest(), f.owner.auth);
    const deleted = await f.catalog.CreateCourse(courseRequest(), f.owner.auth);
    await f.catalog.DeleteCourse({ course_id: deleted.id }, f.owner.auth);
    const ids = [draft.id, published.id, unpublished.id, archived.id, deleted.id];

    const asCertificate = await signedAs('certificate').BatchGetCourses({ ids });
    expect(asCertificate.items.map((c) => c.id)).toEqual([draft.id, published.id, unpublished.id, archived.id]);
    for (const course of asCertificate.items) {
      expect(course.instructor).toMatchObject({ id: f.owner.userId, full_name: expect.stringMatching(/\S/) });
    }
    expect(asCertificate.items.find((c) => c.id === archived.id)).toMatchObject({ title: archived.title });

    for (const client of [signedAs('gateway'), signedAs('enrollment')]) {
      expect((await client.BatchGetCourses({ ids }, ANONYMOUS)).items.map((c) => c.id)).toEqual([published.id]);
    }
    expect((await f.catalog.BatchGetCourses({ ids }, ANONYMOUS)).items.map((c) => c.id)).toEqual([published.id]);
    // A user token keeps its own rule, also when the certificate service forwards it: a student sees the published course only.
    expect((await signedAs('certificate').BatchGetCourses({ ids }, f.student.auth)).items.map((c) => c.id)).toEqual([published.id]);
  });
});
