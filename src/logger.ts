// Logs go to stderr as JSON lines (pino), never to stdout: stdout belongs to answers, and
// `ask --batch` output must stay machine-readable. Secrets never reach a log line: known fields are
// redacted by path, and the secret values themselves are scrubbed from every message and error,
// because libraries put URLs (with the bot token in them) into error messages.
import pino, { type Logger } from 'pino';

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

/** A pino logger on `destination` (stderr by default) that never prints any of `secrets`. */
export function createLogger(level: string, options: { secrets?: readonly string[]; destination?: NodeJS.WritableStream } = {}): Logger {
  const scrub = scrubber(options.secrets ?? []);
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
    (options.destination ?? process.stderr) as pino.DestinationStream,
  );
}
