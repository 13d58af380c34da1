import type { TestUser } from '@lms/kit/testing';
import type { Fleet } from '@lms/testing-fleet';
import { pdf, png } from '../../services/media/test/fixtures/files';
import { startFilesGateway } from './files-support';
import type { TestGateway } from './support/gateway';
import { expectErrorBody } from './support/http';

/**
 * Downloads through the gateway against the real media service (local storage): HEAD and 304 answer without
 * a body and leave download_count alone, a GET counts once, validators never get past the access check, and
 * the range edge cases of RFC 9110 §14.
 */
describe('File downloads through the gateway: HEAD, 304, counting, range edges', () => {
  let fleet: Fleet<'student' | 'otherStudent'>;
  let gateway: TestGateway;
  let base: string;

  beforeAll(async () => {
    ({ fleet, gateway } = await startFilesGateway('gw_downloads', { STORAGE_PROVIDER: 'local' }));
    base = gateway.base;
  }, 120_000);

  afterAll(async () => {
    await gateway?.stop();
    await fleet?.close();
  });

  const authz = (user?: TestUser): Record<string, string> => (user ? { Authorization: user.auth.authorization } : {});

  async function upload(user: TestUser, name: string, bytes: Buffer, query = ''): Promise<{ id: string }> {
    const body = new FormData();
    body.append('file', new Blob([bytes]), name);
    const res = await fetch(`${base}/api/v1/files/upload${query}`, { method: 'POST', body, headers: authz(user) });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string };
  }

  async function request(method: 'GET' | 'HEAD', id: string, user?: TestUser, headers: Record<string, string> = {}) {
    const res = await fetch(`${base}/api/v1/files/download/${id}`, { method, headers: { ...authz(user), ...headers } });
    const bytes = Buffer.from(await res.arrayBuffer());
    const text = res.headers.get('content-type')?.includes('json') ? bytes.toString('utf8') : '';
    return { status: res.status, headers: res.headers, bytes, text, body: text ? (JSON.parse(text) as unknown) : undefined };
  }

  const countOf = async (id: string, user: TestUser) => {
    const res = await fetch(`${base}/api/v1/files/${id}`, { headers: authz(user) });
    return ((await res.json()) as { download_count: number }).download_count;
  };

  test('When HEAD is asked, then the headers equal a GET\'s without a body, and only the GET counts', async () => {
    const me = fleet.users.student;
    const bytes = pdf({ text: 'h'.repeat(4000) });
    const { id } = await upload(me, 'notes.pdf', bytes);
    const head = await request('HEAD', id, me);
    expect(head.status).toBe(200);
    expect(head.bytes.length).toBe(0);
    expect(await countOf(id, me)).toBe(0);
    const got = await request('GET', id, me);
    expect(got.bytes.equals(bytes)).toBe(true);
    for (const name of ['content-length', 'content-type', 'etag', 'accept-ranges', 'content-disposition', 'cache-control']) {
      expect([name, head.headers.get(name)]).toEqual([name, got.headers.get(name)]);
    }
    expect(head.headers.get('content-length')).toBe(String(bytes.length));
    expect(await countOf(id, me)).toBe(1);
    const rangedHead = await request('HEAD', id, me, { Range: 'bytes=0-9' });
    expect(rangedHead.status).toBe(206);
    expect(rangedHead.headers.get('content-range')).toBe(`bytes 0-9/${bytes.length}`);
    expect(await countOf(id, me)).toBe(1);
  });

  test('When the client holds the ETag (or *), then 304 without a body and nothing is counted; another tag gets the file', async () => {
    const me = fleet.users.student;
    const bytes = png();
    const { id } = await upload(me, 'cached.png', bytes);
    const etag = `"${id}"`;
    for (const value of ['*', etag, `"other", W/${etag}`]) {
      for (const method of ['GET', 'HEAD'] as const) {
        const res = await request(method, id, me, { 'If-None-Match': value });
        expect([value, method, res.status]).toEqual([value, method, 304]);
        expect(res.bytes.length).toBe(0);
        expect(res.headers.get('etag')).toBe(etag);
      }
    }
    expect(await countOf(id, me)).toBe(0);
    const stale = await request('GET', id, me, { 'If-None-Match': '"other"' });
    expect(stale.status).toBe(200);
    expect(stale.bytes.equals(bytes)).toBe(true);
    expect(await countOf(id, me)).toBe(1);
  });

  test('When an anonymous or other user sends a validator for a private file, then 404 (the access check comes first)', async () => {
    const { id } = await upload(fleet.users.student, 'private.png', png());
    for (const user of [undefined, fleet.users.otherStudent]) {
      for (const headers of [{ 'If-None-Match': '*' }, { 'If-None-Match': `"${id}"` }]) {
        expectErrorBody(await request('GET', id, user, headers), 404, 'MEDIA.FILE_NOT_FOUND');
      }
      expect((await request('HEAD', id, user)).status).toBe(404);
    }
  });

  test('When odd ranges are sent, then 0-0 is one byte, -0 / 5-2 / huge numbers are ignored (200) or 416 past the end', async () => {
    const me = fleet.users.student;
    const bytes = pdf({ text: 'r'.repeat(2000) });
    const { id } = await upload(me, 'ranges.pdf', bytes);
    const one = await request('GET', id, me, { Range: 'bytes=0-0' });
    expect(one.status).toBe(206);
    expect(one.headers.get('content-range')).toBe(`bytes 0-0/${bytes.length}`);
    expect(one.bytes.equals(bytes.subarray(0, 1))).toBe(true);
    for (const range of ['bytes=-0', 'bytes=5-2', 'bytes=1234567890123456-', 'bytes=0-1,5-9']) {
      const whole = await request('GET', id, me, { Range: range });
      expect([range, whole.status, whole.bytes.length]).toEqual([range, 200, bytes.length]);
    }
    const toTheEnd = await request('GET', id, me, { Range: 'bytes=0-999999999999999' });
    expect(toTheEnd.status).toBe(206);
    expect(toTheEnd.headers.get('content-range')).toBe(`bytes 0-${bytes.length - 1}/${bytes.length}`);
    const beyond = await request('GET', id, me, { Range: 'bytes=999999999999999-' });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${bytes.length}`);
  });
});
