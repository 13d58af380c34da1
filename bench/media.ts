/**
 * Benchmark of file transfers through the gateway and the media service. Prints figures; not a test.
 *
 *   eval "$(bash scripts/infra.sh env)"; npx tsc -b services/auth services/catalog services/media gateway
 *   npx tsx bench/media.ts                                                      (or: make bench-media)
 *
 * auth, catalog, media and the gateway run as SEPARATE processes from their builds (each with its own heap, as in
 * production), each service on a new `bench_*` database, sharing a new vhost. Per storage provider (`local`: a
 * directory; `s3`: a bucket of its own on the s3rver of scripts/infra.sh, downloads in S3_DOWNLOAD_MODE=proxy so
 * they go through media and the gateway like local ones) a fresh media + gateway pair:
 *   1. a warm-up upload + download of a small file (connections, JIT);
 *   2. a BENCH_MEDIA_MB (100) MB valid MP4 uploaded from a file on disk — multipart POST /api/v1/files/upload,
 *      the file part streamed — then downloaded (GET /api/v1/files/download/{id}) to a file on the same disk,
 *      its SHA-256 checked against the source's;
 *   3. during each transfer VmRSS (/proc/<pid>/status) of the gateway and media processes sampled every 20 ms
 *      in a worker thread: baseline (just before), peak, growth (goal ≤ 32 MB).
 * Next to them, the same bytes copied on the same disk in the same run: fs.copyFile, and a read stream piped
 * to a write stream. Everything lives under .run/bench-media-<run>/ (the repository's disk, like .infra/s3) and is
 * removed at the end with the databases, vhost, Redis keys and bucket (also on Ctrl-C).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DeleteBucketCommand, DeleteObjectsCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { bigMp4 } from '../services/media/test/fixtures/files';
import { cleanupStack, createDatabase, createVhost, envNumber, infra, redisKeysDropper, runId, type Resource } from './lib/infra';
import { REPO, rssSampler, startGatewayProcess, startGrpcService, type RssFigures, type ServiceProcess } from './lib/processes';

const MB = 1_000_000;
const SIZE = envNumber('BENCH_MEDIA_MB', 100, true) * MB;
const PROVIDERS = (process.env.BENCH_MEDIA_PROVIDERS ?? 'local,s3').split(',').map((p) => p.trim()) as ('local' | 's3')[];
/** The goal: what a transfer may add to either process's resident memory, whatever the file's size. */
const GOAL_GROWTH_MB = 32;
const PREFIX = `lms:bench:${runId}:`;
const PASSWORD = 'Bench-Passw0rd!';
const S3_BUCKET = `media-bench-${runId}`;

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

async function json(method: string, url: string, body?: unknown, token?: string): Promise<{ status: number; body: any }> {
  const res = await fetch(url, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** Passes bytes through, hashing and counting them. */
function hasher() {
  const hash = createHash('sha256');
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  return { stream, digest: () => hash.digest('hex'), bytes: () => bytes };
}

/** POST /files/upload: multipart/form-data with `folder` then the file part streamed from `file` (Content-Length known). */
function upload(base: string, token: string, file: string, filename: string): Promise<{ status: number; body: any }> {
  const boundary = `----lms-bench-${runId}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="folder"\r\n\r\nbench\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: video/mp4\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const size = fs.statSync(file).size;
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}/api/v1/files/upload`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': head.length + size + tail.length,
      },
    });
    req.once('error', reject);
    req.once('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.once('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
      });
      res.once('error', reject);
    });
    req.write(head);
    const source = fs.createReadStream(file, { highWaterMark: 64 * 1024 });
    source.once('error', reject);
    source.pipe(req, { end: false });
    source.once('end', () => req.end(tail));
  });
}

/** GET /files/download/{id} into `target`; returns the bytes' SHA-256 and count. */
async function download(base: string, token: string, fileId: string, target: string): Promise<{ sha256: string; bytes: number }> {
  const res = await fetch(`${base}/api/v1/files/download/${fileId}`, { headers: { authorization: `Bearer ${token}` }, redirect: 'manual' });
  if (res.status !== 200 || !res.body) throw new Error(`download ${fileId}: ${res.status} ${await res.text()}`);
  const h = hasher();
  await pipeline(res.body as unknown as NodeJS.ReadableStream, h.stream, fs.createWriteStream(target));
  return { sha256: h.digest(), bytes: h.bytes() };
}

async function sha256File(file: string): Promise<string> {
  const h = hasher();
  await pipeline(fs.createReadStream(file), h.stream, fs.createWriteStream('/dev/null'));
  return h.digest();
}

const mbps = (bytes: number, ms: number) => bytes / MB / (ms / 1000);
const mib = (kib: number) => kib / 1024;

interface Transfer {
  provider: string;
  what: 'upload' | 'download';
  ms: number;
  mbps: number;
  gateway: RssFigures;
  media: RssFigures;
}

async function main() {
  const cleanup = cleanupStack(log);
  const workDir = path.join(REPO, '.run', `bench-media-${runId}`);
  const logDir = path.join(workDir, 'logs');
  const transfers: Transfer[] = [];
  const copies: { what: string; ms: number; mbps: number }[] = [];
  try {
    fs.mkdirSync(logDir, { recursive: true });
    cleanup.push(async () => {
      if (process.env.BENCH_KEEP_LOGS === '1') log(`logs kept in ${logDir}`);
      fs.rmSync(process.env.BENCH_KEEP_LOGS === '1' ? path.join(workDir, 'data') : workDir, { recursive: true, force: true });
    });
    const dataDir = path.join(workDir, 'data');
    fs.mkdirSync(dataDir, { recursive: true });
    log(`run ${runId}: ${SIZE / MB} MB per transfer, providers ${PROVIDERS.join(', ')}; work dir ${path.relative(REPO, workDir)}`);

    // ---------------------------------------------------------------- the source file and the plain copies
    const source = path.join(dataDir, 'source.mp4');
    await pipeline(bigMp4(SIZE, { durationSeconds: 600 }), fs.createWriteStream(source));
    const sourceSha = await sha256File(source);
    for (const [what, copy] of [
      ['fs.copyFile', (dst: string) => fs.promises.copyFile(source, dst)],
      ['stream pipe', (dst: string) => pipeline(fs.createReadStream(source), fs.createWriteStream(dst))],
    ] as const) {
      const dst = path.join(dataDir, `copy-${copies.length}.mp4`);
      const t0 = performance.now();
      await copy(dst);
      const ms = performance.now() - t0;
      copies.push({ what, ms, mbps: mbps(SIZE, ms) });
      fs.rmSync(dst);
    }
    const small = path.join(dataDir, 'warmup.mp4');
    await pipeline(bigMp4(2 * MB), fs.createWriteStream(small));

    // ---------------------------------------------------------------- databases, vhost, auth and catalog
    const dbs: Resource[] = await Promise.all(['media_auth', 'media_catalog', 'media_media'].map((what) => createDatabase(what)));
    cleanup.push(() => Promise.all(dbs.map((d) => d.drop())));
    const vhost = await createVhost('media');
    cleanup.push(() => vhost.drop());
    cleanup.push(await redisKeysDropper(PREFIX));
    const common = { NODE_ENV: 'development', LOG_LEVEL: 'warn', AMQP_URL: vhost.url, REDIS_URL: infra.redisUrl, OUTBOX_POLL_MS: '100' };
    const processes: ServiceProcess[] = [];
    const stopProcess = async (p: ServiceProcess) => {
      await p.stop();
      processes.splice(processes.indexOf(p), 1);
    };
    cleanup.push(() => Promise.all(processes.map((p) => p.stop())));
    const auth = await startGrpcService('auth', { ...common, DATABASE_URL: dbs[0].url, BCRYPT_COST: '4', ACCESS_TOKEN_TTL_SECONDS: '7200' }, logDir);
    processes.push(auth);
    // catalog's MEDIA_GRPC_ADDR: not on the measured paths (an uploader reads their own file), so the media of the
    // provider under test need not be known to it.
    const catalog = await startGrpcService(
      'catalog',
      { ...common, DATABASE_URL: dbs[1].url, AUTH_GRPC_ADDR: auth.address, REDIS_KEY_PREFIX: `${PREFIX}catalog:` },
      logDir,
    );
    processes.push(catalog);

    let s3: S3Client | undefined;
    for (const provider of PROVIDERS) {
      // ---------------------------------------------------------------- media + gateway for this provider
      const storage: Record<string, string> =
        provider === 's3'
          ? {
              STORAGE_PROVIDER: 's3',
              S3_ENDPOINT: process.env.S3_ENDPOINT ?? 'http://127.0.0.1:54568',
              S3_ACCESS_KEY_ID: process.env.S3_ACCESS_KEY_ID ?? 'S3RVER',
              S3_SECRET_ACCESS_KEY: process.env.S3_SECRET_ACCESS_KEY ?? 'S3RVER',
              S3_FORCE_PATH_STYLE: 'true',
              S3_BUCKET,
              S3_CREATE_BUCKET: 'true',
              S3_DOWNLOAD_MODE: 'proxy',
            }
          : { STORAGE_PROVIDER: 'local', UPLOAD_DIR: path.join(dataDir, 'uploads') };
      if (provider === 's3' && !s3) {
        const client = new S3Client({
          endpoint: storage.S3_ENDPOINT,
          region: 'us-east-1',
          forcePathStyle: true,
          credentials: { accessKeyId: storage.S3_ACCESS_KEY_ID, secretAccessKey: storage.S3_SECRET_ACCESS_KEY },
        });
        s3 = client;
        cleanup.push(async () => {
          try {
            for (;;) {
              const page = await client.send(new ListObjectsV2Command({ Bucket: S3_BUCKET }));
              const keys = (page.Contents ?? []).map((o) => ({ Key: o.Key! }));
              if (keys.length) await client.send(new DeleteObjectsCommand({ Bucket: S3_BUCKET, Delete: { Objects: keys } }));
              if (!page.IsTruncated) break;
            }
            await client.send(new DeleteBucketCommand({ Bucket: S3_BUCKET }));
          } catch (err) {
            if ((err as { name?: string }).name !== 'NoSuchBucket') throw err;
          } finally {
            client.destroy();
          }
        });
      }
      const media = await startGrpcService(
        'media',
        {
          ...common,
          ...storage,
          DATABASE_URL: dbs[2].url,
          AUTH_GRPC_ADDR: auth.address,
          CATALOG_GRPC_ADDR: catalog.address,
          PUBLIC_API_URL: 'http://127.0.0.1:8080',
        },
        logDir,
      );
      processes.push(media);
      const gateway = await startGatewayProcess(
        {
          NODE_ENV: 'development',
          LOG_LEVEL: 'warn', // no access-log line per request
          AUTH_GRPC_ADDR: auth.address,
          CATALOG_GRPC_ADDR: catalog.address,
          MEDIA_GRPC_ADDR: media.address,
          REDIS_URL: infra.redisUrl,
          REDIS_KEY_PREFIX: `${PREFIX}gw:`,
          RATE_LIMIT_GENERAL_PER_MIN: '100000',
          RATE_LIMIT_LOGIN_PER_MIN: '100000',
          RATE_LIMIT_REGISTER_PER_MIN: '100000',
          RATE_LIMIT_UPLOADS_PER_HOUR: '100000',
        },
        logDir,
      );
      processes.push(gateway);
      const base = gateway.address;
      log(`${provider}: media pid ${media.pid} (${media.address}), gateway pid ${gateway.pid} (${base})`);

      const email = `bench-media-${provider}-${runId}@example.com`;
      const reg = await json('POST', `${base}/api/v1/auth/register`, { email, password: PASSWORD, full_name: `Bench ${provider}` });
      if (reg.status !== 201) throw new Error(`register: ${reg.status} ${JSON.stringify(reg.body)}`);
      const login = await json('POST', `${base}/api/v1/auth/login`, { email, password: PASSWORD });
      if (login.status !== 200) throw new Error(`login: ${login.status} ${JSON.stringify(login.body)}`);
      const token = login.body.access_token as string;

      // warm-up
      const warm = await upload(base, token, small, 'warmup.mp4');
      if (warm.status !== 201) throw new Error(`${provider} warm-up upload: ${warm.status} ${JSON.stringify(warm.body)}`);
      await download(base, token, warm.body.id, path.join(dataDir, 'warmup-download.mp4'));

      const sampler = rssSampler([gateway.pid, media.pid]);
      try {
        await new Promise((r) => setTimeout(r, 500)); // let the warm-up's garbage settle before the baseline
        await sampler.begin();
        let t0 = performance.now();
        const up = await upload(base, token, source, 'bench-100mb.mp4');
        let ms = performance.now() - t0;
        let rss = await sampler.end();
        if (up.status !== 201) throw new Error(`${provider} upload: ${up.status} ${JSON.stringify(up.body)}`);
        if (Number(up.body.file_size) !== SIZE) throw new Error(`${provider} upload: file_size ${up.body.file_size}, sent ${SIZE}`);
        transfers.push({ provider, what: 'upload', ms, mbps: mbps(SIZE, ms), gateway: rss[gateway.pid], media: rss[media.pid] });

        await new Promise((r) => setTimeout(r, 500));
        await sampler.begin();
        t0 = performance.now();
        const target = path.join(dataDir, `download-${provider}.mp4`);
        const down = await download(base, token, up.body.id, target);
        ms = performance.now() - t0;
        rss = await sampler.end();
        if (down.bytes !== SIZE || down.sha256 !== sourceSha) throw new Error(`${provider} download: ${down.bytes} bytes, sha256 ${down.sha256} ≠ source ${sourceSha}`);
        fs.rmSync(target);
        transfers.push({ provider, what: 'download', ms, mbps: mbps(SIZE, ms), gateway: rss[gateway.pid], media: rss[media.pid] });
      } finally {
        await sampler.close();
      }
      await stopProcess(gateway);
      await stopProcess(media);
    }

    // ---------------------------------------------------------------- report
    const largestKiB = Math.max(0, ...transfers.flatMap((t) => [t.gateway.growthKiB, t.media.growthKiB]));
    const pad = (s: string, n: number) => s.padEnd(n);
    const num = (n: number, d = 1) => n.toFixed(d).padStart(8);
    const rssCell = (r: RssFigures) => `${num(mib(r.baselineKiB))} ${num(mib(r.peakKiB))} ${num(mib(r.growthKiB))}`;
    const lines = [
      '',
      `media bench — ${SIZE / MB} MB (${SIZE.toLocaleString('en')} bytes), run ${runId}; RSS in MiB (baseline / peak / growth), sampled every 20 ms`,
      `${pad('transfer', 26)}${'s'.padStart(8)}${'MB/s'.padStart(9)}   ${'CPU s gw/media'.padEnd(15)}   ${'gateway RSS'.padEnd(27)}   media RSS`,
      ...copies.map((c) => `${pad(`plain copy: ${c.what}`, 26)}${num(c.ms / 1000, 2)}${num(c.mbps, 0).padStart(9)}`),
      ...transfers.map(
        (t) => `${pad(`${t.provider} ${t.what}`, 26)}${num(t.ms / 1000, 2)}${num(t.mbps, 1).padStart(9)}   ${`${t.gateway.cpuSeconds.toFixed(2)} / ${t.media.cpuSeconds.toFixed(2)}`.padEnd(15)}   ${rssCell(t.gateway)}   ${rssCell(t.media)}`,
      ),
      '',
      `goal: RSS growth ≤ ${GOAL_GROWTH_MB} MiB per process per transfer — ${
        transfers.every((t) => mib(t.gateway.growthKiB) <= GOAL_GROWTH_MB && mib(t.media.growthKiB) <= GOAL_GROWTH_MB) ? 'met' : 'NOT met'
      } (largest: ${largestKiB === 0 ? 0 : mib(largestKiB).toFixed(1)} MiB = ${((largestKiB * 1024) / MB).toFixed(1)} MB)`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    process.stdout.write(`${JSON.stringify({ bench: 'media', runId, bytes: SIZE, copies, transfers })}\n`);
  } finally {
    await cleanup.run();
  }
}

main().catch((err: Error) => {
  log(`failed: ${err.stack ?? err.message}`);
  process.exitCode = 1;
});
