// Shared by the hardening tests: captured logs. (The signing Slack client is in testkit/slack-client.ts.)
import { Writable } from 'node:stream';
import type { Logger } from 'pino';
import { createLogger } from '../../src/logger.ts';

export interface CapturedLog {
  log: Logger;
  lines: string[];
  /** Every line as parsed JSON. */
  records(): Record<string, unknown>[];
  text(): string;
}

/** A real logger from src/logger.ts (redaction and secret scrubbing included), writing into memory. */
export function captureLog(level = 'info', secrets: readonly string[] = []): CapturedLog {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return {
    log: createLogger(level, { secrets, destination }),
    lines,
    records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
    text: () => lines.join('\n'),
  };
}
