import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { RevocationStore, TokenVerifier, revocationKeys } from '../src/auth';
import { countingRedis, testEnv } from '../src/testing';
import { AUD, ISS, keyPair, sign, type SigningKey } from './signing';

/** "Eventually" waits are generous (CI is loaded); the mirror normally takes one Redis push (~ms). */
const EVENTUALLY_MS = 10_000;

async function bearer(key: SigningKey, claims: { sub?: string; sid?: string; iat?: number } = {}): Promise<string> {
  const { iat, ...subject } = claims;
  return `Bearer ${await sign(key, subject, { iat })}`;
}

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + EVENTUALLY_MS;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A verifying "process": its own Redis connection, whose commands are counted (the mirror's connection is separate). */
function process(prefix: string, key: SigningKey, mirror = true) {
  const { redis, sent } = countingRedis();
  const revocations = new RevocationStore(redis, prefix, { mirror });
  const verifier = new TokenVerifier({ issuer: ISS, audience: AUD, fetchJwks: async () => ({ keys: [key.jwk] }), revocations });
  /** 'accepted' | 'revoked', and how many Redis commands this one verification sent. */
  const check = async (authorization: string) => {
    const before = sent.length;
    const outcome = await verifier.verify(authorization).then(
      () => 'accepted' as const,
      (err: { code?: string }) => {
        if (err.code === 'AUTH.TOKEN_REVOKED') return 'revoked' as const;
        throw err;
      },
    );
    return { outcome, commands: sent.length - before };
  };
  return { redis, revocations, check };
}

type Process = ReturnType<typeof process>;

/** Until the mirror answers (no command), then the answer it gives from memory. */
async function fromMemory(p: Process, authorization: string): Promise<'accepted' | 'revoked'> {
  let answer: 'accepted' | 'revoked' = 'accepted';
  await until('the mirror answers without Redis', async () => {
    const { outcome, commands } = await p.check(authorization);
    answer = outcome;
    return commands === 0;
  });
  return answer;
}

/** Until every process gives `expected` (polling), then checks each gives it from memory too. */
async function expectEverywhere(processes: Process[], authorization: string, expected: 'accepted' | 'revoked'): Promise<void> {
  for (const p of processes) {
    await until(`the token is ${expected}`, async () => (await p.check(authorization)).outcome === expected);
    expect(await fromMemory(p, authorization)).toBe(expected);
  }
}

async function mirrorClientIds(admin: Redis, prefix: string): Promise<string[]> {
  const list = (await admin.client('LIST')) as string;
  return list
    .split('\n')
    .filter((line) => line.includes(` name=revocation-mirror:${prefix} `))
    .map((line) => /(?:^|\s)id=(\d+)/.exec(line)![1]);
}

describe('RevocationMirror (revocation marks in memory, fed by the change stream)', () => {
  const prefix = `lms:test:${randomUUID()}:`;
  const admin = new Redis(testEnv.redisUrl);
  const writer = new RevocationStore(admin, prefix, { mirror: false });
  let key: SigningKey;
  let a: Process;
  let b: Process;
  const revokedBeforeStart = randomUUID();

  beforeAll(async () => {
    key = await keyPair('k1');
    await writer.revokeSessions([revokedBeforeStart], 600);
    a = process(prefix, key);
    b = process(prefix, key);
  });
  afterAll(async () => {
    await Promise.all([a.redis.quit(), b.redis.quit()]);
    const keys = await admin.keys(`${prefix}*`);
    if (keys.length) await admin.del(...keys);
    await admin.quit();
  });

  test('When marks were written before the mirror started, then it loads them and answers without any Redis command', async () => {
    const revoked = await bearer(key, { sid: revokedBeforeStart });
    const fine = await bearer(key);
    for (const p of [a, b]) {
      expect(await fromMemory(p, revoked)).toBe('revoked');
      for (let i = 0; i < 20; i++) expect(await p.check(fine)).toEqual({ outcome: 'accepted', commands: 0 });
    }
  });

  test('When a session is revoked, then every process refuses its token', async () => {
    const sid = randomUUID();
    const token = await bearer(key, { sid });
    await expectEverywhere([a, b], token, 'accepted');
    await writer.revokeSessions([sid, randomUUID()], 600);
    await expectEverywhere([a, b], token, 'revoked');
  });

  test('When a user is revoked and then cleared, then tokens issued up to the mark are refused, later ones accepted, and all accepted after the clear', async () => {
    const sub = randomUUID();
    const now = Math.floor(Date.now() / 1000);
    const before = await bearer(key, { sub, iat: now - 5 });
    const after = await bearer(key, { sub, iat: now + 5 });
    await expectEverywhere([a, b], before, 'accepted');
    await writer.revokeUserTokens(sub, now, 600);
    await expectEverywhere([a, b], before, 'revoked');
    await expectEverywhere([a, b], after, 'accepted');
    await writer.clearUser(sub);
    await expectEverywhere([a, b], before, 'accepted');
  });

  test('When a mark expires (its TTL), then the mirror forgets it too', async () => {
    const sid = randomUUID();
    const token = await bearer(key, { sid });
    await writer.revokeSessions([sid], 1);
    await expectEverywhere([a, b], token, 'revoked');
    await expectEverywhere([a, b], token, 'accepted');
  });

  test("When the mirror's connection is killed, then verification falls back to Redis, sees a revocation made meanwhile, and returns to memory", async () => {
    const sid = randomUUID();
    const token = await bearer(key, { sid });
    await expectEverywhere([a, b], token, 'accepted');
    const ids = await mirrorClientIds(admin, prefix);
    expect(ids).toHaveLength(2);
    // Atomically: the mirrors are gone before the change exists, so no push can bring it to them.
    const multi = admin.multi();
    for (const id of ids) multi.client('KILL', 'ID', id);
    await multi.set(revocationKeys(prefix).session(sid), '1', 'EX', 600).xadd(revocationKeys(prefix).changes, '*', 'kind', 'sid', 'id', sid, 'ttl', '600').exec();
    for (const p of [a, b]) {
      await until('a verification reads Redis', async () => {
        // Until its socket reports the kill, the mirror may still answer from memory (within the bound).
        const { outcome, commands } = await p.check(token);
        if (commands > 0) expect(outcome).toBe('revoked');
        return commands > 0;
      });
    }
    await expectEverywhere([a, b], token, 'revoked');
    expect(await mirrorClientIds(admin, prefix)).toHaveLength(2);
  });

  test('When the stream was trimmed past what a mirror had read, then it reloads every mark', async () => {
    const sid = randomUUID();
    const token = await bearer(key, { sid });
    await expectEverywhere([a, b], token, 'accepted');
    const keys = revocationKeys(prefix);
    const multi = admin.multi();
    for (const id of await mirrorClientIds(admin, prefix)) multi.client('KILL', 'ID', id);
    // The entry is trimmed before any mirror could read it: only the mark in Redis tells.
    await multi.set(keys.session(sid), '1', 'EX', 600).xadd(keys.changes, '*', 'kind', 'sid', 'id', sid, 'ttl', '600').xtrim(keys.changes, 'MAXLEN', 0).exec();
    await expectEverywhere([a, b], token, 'revoked');
    // Marks loaded before the trim are still there after the reload.
    expect(await fromMemory(a, await bearer(key, { sid: revokedBeforeStart }))).toBe('revoked');
  });

  test('When a process revokes a session itself, then its own next verification refuses the token', async () => {
    const self = process(prefix, key);
    try {
      const sid = randomUUID();
      const token = await bearer(key, { sid });
      expect(await fromMemory(self, token)).toBe('accepted');
      await self.revocations.revokeSessions([sid], 600);
      expect((await self.check(token)).outcome).toBe('revoked');
    } finally {
      await self.redis.quit();
    }
  });

  test('When the mirror is disabled, then every verification reads the marks with one MGET', async () => {
    const plain = process(prefix, key, false);
    try {
      const token = await bearer(key);
      await plain.check(token); // the first one also counts the connection's handshake
      for (let i = 0; i < 5; i++) expect(await plain.check(token)).toEqual({ outcome: 'accepted', commands: 1 });
      expect(await plain.check(await bearer(key, { sid: revokedBeforeStart }))).toEqual({ outcome: 'revoked', commands: 1 });
    } finally {
      await plain.redis.quit();
    }
  });

  test("When the process's Redis connection ends, then its mirror's connection closes too (nothing leaks)", async () => {
    const short = process(prefix, key);
    await fromMemory(short, await bearer(key));
    expect((await mirrorClientIds(admin, prefix)).length).toBe(3);
    await short.redis.quit();
    await until('the mirror connection is gone', async () => (await mirrorClientIds(admin, prefix)).length === 2);
  });
});
