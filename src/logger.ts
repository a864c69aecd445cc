// Logs go to stderr as JSON lines (pino), never to stdout: stdout belongs to answers, and
// `ask --batch` output must stay machine-readable.
import pino, { type Logger } from 'pino';

/** Paths redacted in every log line, whatever the level. */
export const REDACT = ['token', '*.token', 'telegramToken', 'slackBotToken', 'config.telegramToken', 'config.slackBotToken', 'headers.authorization'];

export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' }, base: { app: 'mou-bot' } }, destination as pino.DestinationStream);
}
