// Logs go to stderr as JSON lines (pino), never to stdout: stdout belongs to answers, and
// `ask --batch` output must stay machine-readable. In the console chat, where a person reads them
// in a terminal, the same lines are written as sentences instead (`human`). Secrets never reach a
// log line: known fields are redacted by path, and the secret values themselves are scrubbed from
// every message and error, because libraries put URLs (with the bot token in them) into error messages.
import pino, { type Logger } from 'pino';
import { CONTROL } from './text/normalize.ts';

/** Paths redacted in every log line, whatever the level. */
export const REDACT = [
  'token',
  '*.token',
  '*.*.token',
  'secret',
  '*.secret',
  'headers.authorization',
  '*.headers.authorization',
  'config.telegram',
];

const CENSOR = '[redacted]';

function scrubber(secrets: readonly string[]): (value: unknown, depth?: number) => unknown {
  const list = secrets.filter((s) => s.length >= 8);
  const scrubText = (text: string) => list.reduce((t, s) => t.split(s).join(CENSOR), text);
  const scrub = (value: unknown, depth = 0): unknown => {
    if (list.length === 0) return value;
    if (typeof value === 'string') return scrubText(value);
    if (value instanceof Error) {
      const copy = new Error(scrubText(value.message));
      copy.name = value.name;
      copy.stack = scrubText(value.stack ?? '');
      return copy;
    }
    // Deep enough for any log line we write; past that, the value is dropped rather than risked.
    if (depth >= 8) return '[too deep]';
    if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, depth + 1)]));
    }
    return value;
  };
  return scrub;
}

/**
 * Log lines for a person at a terminal: `mou-bot: <message>`, the error's reason when the message
 * does not already say it, then each item of a list in the line (the knowledge errors, a reload's
 * changes) on a line of its own. The other fields are for machines and stay in the JSON logs.
 */
export function humanLines(out: NodeJS.WritableStream): pino.DestinationStream {
  return {
    write(line: string) {
      const record = JSON.parse(line) as Record<string, unknown>;
      const msg = String(record.msg ?? '');
      const reason = (record.err as { message?: unknown } | undefined)?.message;
      const lines = [`mou-bot: ${msg}${typeof reason === 'string' && !msg.includes(reason) ? ` (${reason})` : ''}`];
      for (const value of Object.values(record)) {
        if (Array.isArray(value)) for (const item of value) lines.push(`  ${typeof item === 'string' ? item : JSON.stringify(item)}`);
      }
      // Messages quote knowledge files: no terminal escape sequence in them may reach the terminal.
      out.write(`${lines.join('\n').replace(CONTROL, '')}\n`);
    },
  };
}

/** A pino logger on `destination` (stderr by default) that never prints any of `secrets`; `human` writes sentences, not JSON. */
export function createLogger(
  level: string,
  options: { secrets?: readonly string[]; destination?: NodeJS.WritableStream; human?: boolean } = {},
): Logger {
  const scrub = scrubber(options.secrets ?? []);
  const destination = options.destination ?? process.stderr;
  return pino(
    {
      level,
      redact: { paths: REDACT, censor: CENSOR },
      base: { app: 'mou-bot' },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => scrub(a)) as Parameters<typeof method>);
        },
      },
    },
    options.human ? humanLines(destination) : (destination as pino.DestinationStream),
  );
}
