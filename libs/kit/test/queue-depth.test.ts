import { createTestVhost, queueDepth, type TestResource } from '../src/testing';

describe('queueDepth (kit test support)', () => {
  let vhost: TestResource;
  beforeAll(async () => {
    vhost = await createTestVhost('kit_queue_depth');
  });
  afterAll(() => vhost.drop());

  it('When the queue does not exist yet, then it rejects (for eventually to retry) and nothing is left unhandled', async () => {
    await expect(queueDepth(vhost.url, 'no.such.queue')).rejects.toThrow(/404|NOT_FOUND/);
    await new Promise((r) => setTimeout(r, 200)); // an unhandled 'error' event would fail the suite here
  });
});
