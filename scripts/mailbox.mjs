// The reader behind scripts/mailbox (see its header for usage).
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { mailboxName } from './lib/mailbox-name.mjs';

const [dir, ...argv] = process.argv.slice(2);
const toIndex = argv.indexOf('--to');
const to = toIndex >= 0 ? argv.splice(toIndex, 2)[1] : undefined;
const folders = existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name) : [];
// A message to several recipients is stored once per recipient: list it once (by id).
const files = folders
  .filter((f) => !to || f === mailboxName(to))
  .flatMap((f) => readdirSync(join(dir, f)).filter((n) => n.endsWith('.json')).map((n) => ({ n, path: join(dir, f, n) })))
  .sort((a, b) => (a.n < b.n ? 1 : -1));
const messages = () => {
  const seen = new Set();
  return files.map((f) => JSON.parse(readFileSync(f.path, 'utf8'))).filter((m) => !seen.has(m.id) && seen.add(m.id));
};

const pick = (key) => {
  const all = messages();
  const found = !key ? all[0] : /^\d+$/.test(key) ? all[Number(key) - 1] : all.find((m) => m.id === key);
  if (!found) {
    process.stderr.write(`mailbox: no message ${key ?? ''} in ${dir}\n`);
    process.exit(1);
  }
  return found;
};

const [command, key] = argv;
if (command === 'show' || command === 'html') {
  const m = pick(key);
  process.stdout.write(`From: ${m.from}\nTo: ${m.to}\nSubject: ${m.subject}\nDate: ${m.received_at}\nId: ${m.id}\n\n`);
  process.stdout.write(`${command === 'html' ? m.html : m.text}\n`);
} else if (command === 'clear') {
  for (const f of folders) rmSync(join(dir, f), { recursive: true, force: true });
  process.stdout.write(`mailbox: ${files.length} message(s) deleted\n`);
} else if (!command) {
  const all = messages().slice(0, 20);
  if (!all.length) process.stdout.write(`mailbox: empty (${dir})\n`);
  all.forEach((m, i) => process.stdout.write(`${String(i + 1).padStart(3)}  ${m.received_at}  ${m.envelope.to.join(',').padEnd(32)}  ${m.subject}\n`));
} else {
  process.stderr.write('usage: scripts/mailbox [--to ADDRESS] [show|html [N|ID] | clear]\n');
  process.exit(2);
}
