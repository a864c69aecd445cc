// Bolt logs through pino, so its lines are JSON on stderr and go through the same redaction.
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from 'pino';

export function boltLogger(log: Logger): BoltLogger {
  let level = LogLevel.INFO;
  return {
    debug: (...m: unknown[]) => log.debug({ bolt: true }, m.map(String).join(' ')),
    info: (...m: unknown[]) => log.info({ bolt: true }, m.map(String).join(' ')),
    warn: (...m: unknown[]) => log.warn({ bolt: true }, m.map(String).join(' ')),
    error: (...m: unknown[]) => log.error({ bolt: true }, m.map(String).join(' ')),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
