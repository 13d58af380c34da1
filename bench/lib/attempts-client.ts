import { Worker } from 'node:worker_threads';

/**
 * Students taking a quiz through the gateway, as a closed loop: `concurrency` clients, each taking the next
 * student and running that student's session — start (POST /quizzes/{id}/attempts), optionally the paper
 * (GET /quizzes/{id}/attempts/start), then submit with every answer (POST …/attempts/{attempt_id}/submit) —
 * before taking the next. Runs in its own worker thread (never on the gateway's event loop), over keep-alive
 * sockets, 127.0.0.1 only; every request has a timeout (counted as an error).
 */
export type Step = 'start' | 'paper' | 'submit';

/** One answer as the gateway takes it (AnswerInput). */
export type AnswerInput = Record<string, unknown> & { question_id: string };

export interface AttemptRunOptions {
  base: string;
  quizId: string;
  /** One access token per student; each student runs one session. */
  tokens: string[];
  concurrency: number;
  steps: Step[];
  /** Per question, in the same order: a right answer and a wrong one (submit only). */
  correct?: AnswerInput[];
  wrong?: AnswerInput[];
  /** Student i answers question j wrongly when (i + j) % wrongEvery === 0 (so scores vary). */
  wrongEvery?: number;
  timeoutMs?: number;
  /** Pause of each client after each session, before the next: lets the asynchronous work a session caused settle. */
  gapMs?: number;
}

export interface StepResult {
  /** Milliseconds of the successful requests (2xx). */
  latencies: number[];
  statuses: Record<string, number>;
  errors: number;
}

export interface AttemptRunResult {
  sessions: number;
  /** Wall time of the whole run. */
  seconds: number;
  steps: Partial<Record<Step, StepResult>>;
  /** start + submit latencies of each session where both succeeded. */
  pair: number[];
  /** Wall time of each fully successful session (every step). */
  session: number[];
  /** Sessions whose start answered 200 (an attempt already in progress) instead of 201. */
  resumed: number;
  /** Submit results: how many were graded, passed, and their mean percentage. */
  graded: { count: number; passed: number; meanPercentage: number };
  /** Sessions that threw in the client (an unparsable answer): not counted in any step's errors. */
  clientErrors: number;
  /** The first few failures (status and body), for the report. */
  errorSamples: string[];
}

// Plain JavaScript, evaluated in the worker (no TypeScript loader needed there).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const o = workerData;
const u = new URL(o.base);
if (u.protocol !== 'http:' || u.hostname !== '127.0.0.1') throw new Error('attempts client: 127.0.0.1 over http only');
const agent = new http.Agent({ keepAlive: true, maxSockets: o.concurrency, maxFreeSockets: o.concurrency });

function request(method, path, token, body) {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const headers = { authorization: 'Bearer ' + token, accept: 'application/json', 'content-length': payload ? payload.length : 0 };
  if (payload) headers['content-type'] = 'application/json';
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const done = (status, text) => resolve({ status, ms: Number(process.hrtime.bigint() - t0) / 1e6, text });
    const req = http.request({ host: u.hostname, port: u.port, path, method, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => done(res.statusCode, Buffer.concat(chunks).toString('utf8')));
      res.on('error', (e) => done(0, String(e)));
    });
    req.setTimeout(o.timeoutMs, () => req.destroy(new Error('timeout after ' + o.timeoutMs + ' ms')));
    req.on('error', (e) => done(0, String(e && e.message)));
    if (payload) req.write(payload);
    req.end();
  });
}

const steps = {};
for (const s of o.steps) steps[s] = { latencies: [], statuses: {}, errors: 0 };
const pair = [], session = [], errorSamples = [];
let resumed = 0, gradedCount = 0, passed = 0, percentSum = 0, clientErrors = 0;

function record(step, r, okStatuses) {
  const s = steps[step];
  s.statuses[r.status] = (s.statuses[r.status] || 0) + 1;
  if (okStatuses.includes(r.status)) { s.latencies.push(r.ms); return true; }
  s.errors++;
  if (errorSamples.length < 8) errorSamples.push(step + ' ' + r.status + ' ' + String(r.text).slice(0, 300));
  return false;
}

function answersFor(i) {
  const out = [];
  for (let j = 0; j < o.correct.length; j++) out.push((i + j) % o.wrongEvery === 0 ? o.wrong[j] : o.correct[j]);
  return out;
}

async function one(i) {
  const token = o.tokens[i];
  const quizPath = '/api/v1/quizzes/' + o.quizId + '/attempts';
  const t0 = process.hrtime.bigint();
  const start = await request('POST', quizPath, token);
  if (!record('start', start, [200, 201])) return;
  if (start.status === 200) resumed++;
  const attempt = JSON.parse(start.text);
  if (steps.paper) {
    const paper = await request('GET', quizPath + '/start', token);
    if (!record('paper', paper, [200])) return;
  }
  if (steps.submit) {
    const submit = await request('POST', quizPath + '/' + attempt.id + '/submit', token, { answers: answersFor(i) });
    if (!record('submit', submit, [200])) return;
    pair.push(start.ms + submit.ms);
    const result = JSON.parse(submit.text);
    if (result.attempt && result.attempt.status === 'graded') {
      gradedCount++;
      percentSum += result.percentage;
      if (result.passed) passed++;
    }
  }
  session.push(Number(process.hrtime.bigint() - t0) / 1e6);
}

(async () => {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: Math.min(o.concurrency, o.tokens.length) }, async () => {
    for (;;) {
      const i = next++;
      if (i >= o.tokens.length) return;
      try {
        await one(i);
      } catch (err) {
        clientErrors++;
        if (errorSamples.length < 8) errorSamples.push('client ' + String(err && err.message));
      }
      if (o.gapMs > 0) await new Promise((r) => setTimeout(r, o.gapMs));
    }
  }));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  parentPort.postMessage({
    sessions: o.tokens.length, seconds, steps, pair, session, resumed, clientErrors,
    graded: { count: gradedCount, passed, meanPercentage: gradedCount ? percentSum / gradedCount : 0 },
    errorSamples,
  });
})();
`;

export function runAttempts(options: AttemptRunOptions): Promise<AttemptRunResult> {
  const data = { correct: [], wrong: [], wrongEvery: 5, timeoutMs: 30_000, gapMs: 0, ...options };
  if (data.steps.includes('submit') && data.correct.length === 0) throw new Error('runAttempts: submit needs the answers');
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: data });
    worker.once('message', (result: AttemptRunResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`attempts client exited with ${code}`));
    });
  });
}
