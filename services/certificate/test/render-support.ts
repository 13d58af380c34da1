import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { testLogger } from '@lms/kit/testing';
import { loadCertificateConfig, type CertificateConfig } from '../src/config';
import { createChromiumRenderer } from '../src/infra/renderer';

const run = promisify(execFile);

/** The service's configuration with renderer settings on top (no service started). */
export function rendererConfig(overrides: Record<string, string> = {}): CertificateConfig {
  return loadCertificateConfig({ NODE_ENV: 'test', ...overrides });
}

export function newRenderer(overrides: Record<string, string> = {}) {
  return createChromiumRenderer(rendererConfig(overrides), testLogger('renderer'));
}

/** Runs `fn` with the PDF written to a temporary file (poppler's tools read files). */
async function withPdfFile<T>(pdf: Buffer, fn: (file: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cert-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    await writeFile(file, pdf);
    return await fn(file, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** pdftotext -layout: the text as a reader (or a screen reader, or a search) extracts it. */
export function pdfText(pdf: Buffer): Promise<string> {
  return withPdfFile(pdf, async (file) => (await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'])).stdout);
}

export async function pdfInfo(pdf: Buffer): Promise<{ pages: number; width: number; height: number }> {
  const out = await withPdfFile(pdf, async (file) => (await run('pdfinfo', [file])).stdout);
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(out);
  const pages = /Pages:\s+(\d+)/.exec(out);
  return { pages: Number(pages?.[1]), width: Number(size?.[1]), height: Number(size?.[2]) };
}

/** The embedded fonts' names (pdffonts), e.g. "ABCDEF+NotoNaskhArabic-Regular". */
export async function pdfFonts(pdf: Buffer): Promise<string[]> {
  const out = await withPdfFile(pdf, async (file) => (await run('pdffonts', [file])).stdout);
  return out
    .split('\n')
    .slice(2)
    .map((line) => line.split(/\s+/)[0])
    .filter(Boolean);
}

/** Rasterises the first page at 150 dpi and decodes the QR code on it (null when there is none). */
export function decodeQr(pdf: Buffer): Promise<string | null> {
  return withPdfFile(pdf, async (file, dir) => {
    await run('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', file, path.join(dir, 'page')]);
    const png = (await readdir(dir)).find((name) => name.endsWith('.png'))!;
    const image = PNG.sync.read(await readFile(path.join(dir, png)));
    return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
  });
}

/** A local HTTP server that records every request it gets: a template must never reach it. */
export async function startRecordingServer(): Promise<{ port: number; requests: string[]; connections: () => number; close(): Promise<void> }> {
  const requests: string[] = [];
  let connections = 0;
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.setHeader('content-type', req.url?.endsWith('.css') ? 'text/css' : 'text/plain');
    res.end(req.url?.endsWith('.css') ? 'body::after { content: "LEAKED-CSS"; }' : 'LEAKED');
  });
  server.on('connection', (socket) => {
    connections++;
    socket.unref();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    connections: () => connections,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Text without whitespace (pdftotext's layout spacing differs from the source's). */
export const squeeze = (text: string) => text.replace(/\s+/g, '');

/** Resident memory of a process and its descendants, proportional (PSS, kB), from /proc/<pid>/smaps_rollup. */
export async function pssKb(rootPid: number): Promise<number> {
  const pids = [rootPid, ...(await descendants(rootPid))];
  let total = 0;
  for (const pid of pids) {
    const rollup = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => '');
    const match = /^Pss:\s+(\d+) kB/m.exec(rollup);
    if (match) total += Number(match[1]);
  }
  return total;
}

async function descendants(pid: number): Promise<number[]> {
  const children = (await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => ''))
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);
  const nested = await Promise.all(children.map(descendants));
  return [...children, ...nested.flat()];
}
