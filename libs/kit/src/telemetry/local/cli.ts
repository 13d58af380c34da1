import { existsSync, readFileSync } from 'node:fs';
import { env, loadConfig } from '../../config';
import type { SpanRecord } from './receiver';
import { findTraceIds, lastTraceId, listTraces, renderList, renderWaterfall } from './waterfall';

/**
 * `scripts/trace`: one request's path through the fleet, from the spans the local receiver wrote
 * (`TRACES=1 make run`), as a waterfall in the terminal.
 */

const USAGE = `usage: scripts/trace <trace id | request id>   the trace(s) of one request
       scripts/trace --last                    the most recent request
       scripts/trace --list [--limit N]        recent traces, newest first (default 20)
options: --file <path>   spans file (default $TRACES_FILE or .run/traces/spans.jsonl)
         --no-color      plain text (also NO_COLOR=1, or when the output is not a terminal)`;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Whether colour may be used (a terminal, NO_COLOR unset). */
  color: boolean;
}

type Command = { kind: 'show'; id: string } | { kind: 'last' } | { kind: 'list'; limit: number };

/** Runs the command; returns the exit code (0 shown, 1 nothing found or no file, 2 usage). */
export function runTraceCli(argv: string[], defaultFile: string, io: CliIo): number {
  let file = defaultFile;
  let color = io.color;
  let limit = 20;
  let command: 'last' | 'list' | undefined;
  const ids: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      io.out(USAGE);
      return 0;
    } else if (arg === '--last' || arg === '--list') {
      command = arg === '--last' ? 'last' : 'list';
    } else if (arg === '--no-color') {
      color = false;
    } else if (arg === '--file' || arg === '--limit') {
      const value = argv[++i];
      if (value === undefined) return usage(io, `${arg} needs a value`);
      if (arg === '--file') file = value;
      else if (/^[1-9]\d*$/.test(value)) limit = Number(value);
      else return usage(io, '--limit needs a positive number');
    } else if (arg.startsWith('-')) {
      return usage(io, `unknown option ${arg}`);
    } else {
      ids.push(arg);
    }
  }
  if ((command ? 1 : 0) + ids.length !== 1) return usage(io, 'give one trace or request id, --last or --list');
  const cmd: Command = command === 'list' ? { kind: 'list', limit } : command === 'last' ? { kind: 'last' } : { kind: 'show', id: ids[0] };

  const files = [`${file}.1`, file].filter((f) => existsSync(f));
  if (files.length === 0) {
    io.err(`no spans at ${file}: start the fleet with TRACES=1 make run (or give --file <path> of a receiver's spans)`);
    return 1;
  }
  const options = { color };

  if (cmd.kind === 'list') {
    io.out(renderList(listTraces(readRecords(files), cmd.limit), options));
    return 0;
  }
  if (cmd.kind === 'last') {
    const records = readRecords(files);
    const traceId = lastTraceId(records);
    if (!traceId) {
      io.err(`no traces in ${file} yet: send a request to the fleet first`);
      return 1;
    }
    io.out(renderWaterfall(traceId, records, options));
    return 0;
  }
  // Only the lines that mention the id, then only those of the traces it names (including the spans of other
  // traces that link to them): a 32 MiB file is not parsed whole to show one request.
  const needle = JSON.stringify(cmd.id).slice(1, -1);
  const traceIds = findTraceIds(readRecords(files, (line) => line.includes(needle) || line.includes(needle.toLowerCase())), cmd.id);
  if (traceIds.length === 0) {
    io.err(`no trace or request ${cmd.id} in ${file} (scripts/trace --list shows the recent ones; with sampling, a request may not be traced)`);
    return 1;
  }
  const mentions = (ids: string[]) => (line: string) => ids.some((t) => line.includes(t));
  let records = readRecords(files, mentions(traceIds));
  // The spans they are linked from live in other traces whose lines need not mention these (e.g. the outbox relay's).
  const linked = [...new Set(records.flatMap((r) => r.links.map((l) => l.traceId)))].filter((t) => t && !traceIds.includes(t));
  if (linked.length) records = readRecords(files, mentions([...traceIds, ...linked]));
  io.out(traceIds.map((t) => renderWaterfall(t, records, options)).join('\n\n'));
  return 0;
}

function usage(io: CliIo, problem: string): number {
  io.err(`${problem}\n${USAGE}`);
  return 2;
}

/** The records of the files in order; a line cut short (the receiver writing it right now) or not a span is skipped. */
function readRecords(files: string[], keep: (line: string) => boolean = () => true): SpanRecord[] {
  const records: SpanRecord[] = [];
  for (const file of files) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line || !keep(line)) continue;
      try {
        const record = JSON.parse(line) as SpanRecord;
        if (typeof record.traceId === 'string' && typeof record.spanId === 'string' && typeof record.startNs === 'string') records.push(record);
      } catch {
        // partial line
      }
    }
  }
  return records;
}

if (require.main === module) {
  // `scripts/trace --list | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => process.exit(err.code === 'EPIPE' ? 0 : 1));
  const config = loadConfig({ TRACES_FILE: env.str('.run/traces/spans.jsonl'), NO_COLOR: env.optionalStr() });
  process.exitCode = runTraceCli(process.argv.slice(2), config.TRACES_FILE, {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    color: !!process.stdout.isTTY && !config.NO_COLOR,
  });
}
