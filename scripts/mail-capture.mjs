#!/usr/bin/env node
// A real SMTP server for development and tests: it accepts every message on 127.0.0.1 and stores it,
// parsed, as one JSON file per message in a folder per recipient (<dir>/<address>/<ms>-<id>.json;
// scripts/mailbox and the tests read them). Nothing is relayed.
// Started by scripts/infra.sh; usage: node scripts/mail-capture.mjs --port 51025 --dir .infra/mail
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { mailboxName } from './lib/mailbox-name.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const port = Number(args.port ?? 51025);
const dir = args.dir ?? '.infra/mail';
mkdirSync(dir, { recursive: true });

const log = (msg, extra = {}) => process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), msg, ...extra })}\n`);

const server = new SMTPServer({
  name: 'lms-mail-capture',
  banner: 'LMS Fleet capture mailbox (nothing is delivered)',
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  // Its clients are this machine's own processes: no reverse DNS query per connection (smtp-server's default asks the
  // system's nameserver — traffic off 127.0.0.1 — and waits up to 1.5 s for it before the greeting).
  disableReverseLookup: true,
  size: 10 * 1024 * 1024,
  onAuth(_auth, _session, callback) {
    callback(null, { user: 'capture' });
  },
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        const id = randomUUID();
        const receivedAt = new Date();
        const record = {
          id,
          received_at: receivedAt.toISOString(),
          envelope: { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null, to: session.envelope.rcptTo.map((r) => r.address) },
          from: mail.from ? mail.from.text : null,
          to: mail.to ? [].concat(mail.to).map((a) => a.text).join(', ') : null,
          subject: mail.subject ?? '',
          text: mail.text ?? '',
          html: typeof mail.html === 'string' ? mail.html : '',
          headers: Object.fromEntries([...mail.headers.entries()].filter(([, v]) => typeof v === 'string')),
        };
        const name = `${receivedAt.getTime()}-${id}.json`;
        // One folder per recipient, so a test (unique addresses) reads only its own messages.
        for (const address of new Set(record.envelope.to.map(mailboxName))) {
          const folder = join(dir, address);
          mkdirSync(folder, { recursive: true });
          const tmp = join(folder, `.${name}.tmp`);
          writeFileSync(tmp, JSON.stringify(record, null, 2));
          renameSync(tmp, join(folder, name)); // readers never see a half-written message
        }
        log('message captured', { id, to: record.envelope.to, subject: record.subject });
        callback();
      })
      .catch((err) => {
        log('message refused', { error: String(err) });
        callback(new Error('could not parse the message'));
      });
  },
});
server.on('error', (err) => log('smtp error', { error: String(err) }));
server.listen(port, '127.0.0.1', () => log('listening', { port, dir }));
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
