import { eventually } from '@lms/kit/testing';
import type { PdfRenderer } from '../src/app/ports';
import { newRenderer, pdfText } from './render-support';

/**
 * The renderer's lifecycle against the real Chromium, through its render process (run from the .ts sources by tsx):
 * one shared launch, a browser killed mid-render, a render past RENDER_TIMEOUT_MS, recycling, the render process
 * ended when idle and killed mid-render, the bounded queue, and a close() that cannot hang. One browser at a time
 * (each test closes its renderer).
 */
jest.setTimeout(240_000);

const tiny = (text: string) => `<!DOCTYPE html><html><body><p>${text}</p></body></html>`;
/** Thousands of pages of text: seconds of layout and printing. */
const heavy = (rows: number) => `<!DOCTYPE html><html><body>${'<div style="font: 12px serif">lorem ipsum dolor sit amet, consectetur adipiscing elit</div>'.repeat(rows)}</body></html>`;

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function withRenderer(env: Record<string, string>, fn: (renderer: PdfRenderer) => Promise<void>) {
  const renderer = newRenderer(env);
  try {
    await fn(renderer);
  } finally {
    await renderer.close();
  }
}

it('launches one browser for concurrent first renders; a browser killed mid-render fails that render and the next one relaunches', () =>
  withRenderer({ RENDER_CONCURRENCY: '2' }, async (renderer) => {
    expect(renderer.stats()).toMatchObject({ browserPid: null, launches: 0 });
    const first = await Promise.all([1, 2, 3].map((n) => renderer.render(tiny(`first ${n}`), { landscape: true })));
    expect(await pdfText(first[2])).toContain('first 3');
    expect(renderer.stats()).toMatchObject({ launches: 1, rendered: 3, inFlight: 0 });
    const pid = renderer.stats().browserPid!;

    const outcome = renderer.render(heavy(8000), { landscape: true }).then(
      () => 'rendered',
      (err: unknown) => err,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(renderer.stats().inFlight).toBe(1);
    process.kill(pid, 'SIGKILL');
    expect(await outcome).toMatchObject({ code: 'CERTIFICATE.RENDER_FAILED' });

    const after = await renderer.render(tiny('after the crash'), { landscape: true });
    expect(await pdfText(after)).toContain('after the crash');
    expect(renderer.stats()).toMatchObject({ launches: 2, failed: 1 });
    expect(renderer.stats().browserPid).not.toBe(pid);
  }));

it('abandons a render past RENDER_TIMEOUT_MS and stays usable', () =>
  withRenderer({ RENDER_TIMEOUT_MS: '2000' }, async (renderer) => {
    // Not part of a render's time: the launch, nor the first pages of a cold render process on a loaded machine.
    await eventually(() => renderer.render(tiny('warm'), { landscape: true }), 60_000, 100);
    const warm = renderer.stats();
    const started = Date.now();
    await expect(renderer.render(heavy(30000), { landscape: true })).rejects.toMatchObject({ code: 'CERTIFICATE.RENDER_FAILED' });
    expect(Date.now() - started).toBeLessThan(10_000);
    // On a loaded machine a tiny page can itself miss the 2 s: what matters is that the same browser renders again.
    const next = await eventually(() => renderer.render(tiny('still usable'), { landscape: true }), 60_000, 100);
    expect(await pdfText(next)).toContain('still usable');
    const after = renderer.stats();
    expect(after).toMatchObject({ launches: 1, rendered: warm.rendered + 1 });
    expect(after.failed).toBeGreaterThanOrEqual(warm.failed + 1);
  }));

it('replaces the browser after BROWSER_RECYCLE_AFTER documents, never running two', () =>
  withRenderer({ BROWSER_RECYCLE_AFTER: '3' }, async (renderer) => {
    const pids = new Set<number>();
    for (let n = 1; n <= 7; n++) {
      await renderer.render(tiny(`document ${n}`), { landscape: true });
      pids.add(renderer.stats().browserPid!);
    }
    expect(renderer.stats()).toMatchObject({ launches: 3, rendered: 7 });
    expect(pids.size).toBe(3);
    const current = renderer.stats().browserPid!;
    await eventually(() => expect([...pids].filter(isAlive)).toEqual([current]));
  }));

it('ends the render process and its browser after CERTIFICATE_RENDERER_IDLE_MS; the next render starts both again', () =>
  withRenderer({ CERTIFICATE_RENDERER_IDLE_MS: '1000' }, async (renderer) => {
    await renderer.render(tiny('before the pause'), { landscape: true });
    const { rendererPid, browserPid } = renderer.stats();
    expect(rendererPid).not.toBe(process.pid); // rendered in a process of its own, not in the service's
    expect(isAlive(rendererPid!)).toBe(true);
    expect(isAlive(browserPid!)).toBe(true);
    await eventually(() => expect([rendererPid!, browserPid!].filter(isAlive)).toEqual([]), 20_000);
    expect(renderer.stats()).toMatchObject({ rendererPid: null, browserPid: null });
    const after = await renderer.render(tiny('after the pause'), { landscape: true });
    expect(await pdfText(after)).toContain('after the pause');
    expect(renderer.stats().rendererPid).not.toBe(rendererPid);
    expect(renderer.stats()).toMatchObject({ launches: 2, rendered: 2, failed: 0 });
  }));

it('a render process killed mid-render fails that render with a retryable RENDER_FAILED, takes its browser along, and the next render starts another', () =>
  withRenderer({}, async (renderer) => {
    await renderer.render(tiny('warm'), { landscape: true });
    const { rendererPid, browserPid } = renderer.stats();
    const outcome = renderer.render(heavy(8000), { landscape: true }).then(
      () => 'rendered',
      (err: unknown) => err,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(renderer.stats().inFlight).toBe(1);
    process.kill(rendererPid!, 'SIGKILL');
    expect(await outcome).toMatchObject({ kind: 'unavailable', code: 'CERTIFICATE.RENDER_FAILED' });
    // Chromium runs in its own process group: the service kills it when its render process could not.
    await eventually(() => expect(isAlive(browserPid!)).toBe(false), 20_000);

    const after = await renderer.render(tiny('after the renderer crash'), { landscape: true });
    expect(await pdfText(after)).toContain('after the renderer crash');
    expect(renderer.stats().rendererPid).not.toBe(rendererPid);
    expect(renderer.stats()).toMatchObject({ launches: 2, rendered: 2, failed: 1, inFlight: 0 });
  }));

it('refuses renders beyond the bounded queue at once (RENDER_BUSY) and renders the rest', () =>
  withRenderer({ RENDER_CONCURRENCY: '1' }, async (renderer) => {
    // one rendering + RENDER_CONCURRENCY × 16 waiting; the 18th is refused
    const outcomes = await Promise.allSettled(Array.from({ length: 18 }, (_, n) => renderer.render(tiny(`queued ${n}`), { landscape: true })));
    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'CERTIFICATE.RENDER_BUSY' });
    expect(renderer.stats()).toMatchObject({ rendered: 17, queued: 0, inFlight: 0 });
  }));

it('close() while the render process is still starting ends it: its render fails (retryable) and nothing is left running', async () => {
  const renderer = newRenderer();
  const outcome = renderer.render(tiny('too late'), { landscape: true }).then(
    () => 'rendered',
    (err: unknown) => err,
  );
  await eventually(() => expect(renderer.stats().rendererPid).not.toBeNull(), 20_000, 5);
  const rendererPid = renderer.stats().rendererPid!;
  await renderer.close();
  expect(await outcome).toMatchObject({ kind: 'unavailable', code: 'CERTIFICATE.RENDER_FAILED' });
  expect(isAlive(rendererPid)).toBe(false);
  expect(renderer.stats()).toMatchObject({ rendererPid: null, browserPid: null, inFlight: 0 });
});

it('close() kills a browser that does not answer within 5 s', async () => {
  const renderer = newRenderer();
  await renderer.render(tiny('before'), { landscape: true });
  const pid = renderer.stats().browserPid!;
  process.kill(pid, 'SIGSTOP'); // hangs: it can neither answer Browser.close nor exit
  const started = Date.now();
  await renderer.close();
  expect(Date.now() - started).toBeLessThan(15_000);
  await eventually(() => expect(isAlive(pid)).toBe(false));
  await renderer.close(); // idempotent
  expect(renderer.stats().browserPid).toBeNull();
});
