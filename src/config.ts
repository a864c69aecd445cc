// The only reader of process.env. Every variable is validated here, once, and each bad one gets
// its own one-line message. Secrets are never echoed back in those messages.
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const Env = z.object({
  KNOWLEDGE_DIR: z.string().min(1).default('./knowledge'),
  LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
  ANSWER_PAGE_SIZE: z.coerce.number().int().min(1).max(50).default(8),
  KNOWLEDGE_WATCH: z.enum(['true', 'false'], { message: 'must be true or false' }).default('true'),
  DATA_DIR: z.string().min(1).default('./data'),
  HEALTH_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  DIGEST_TIMEZONE: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as Asia/Ho_Chi_Minh')
    .default('Asia/Ho_Chi_Minh'),
  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d+:[\w-]{20,}$/, 'must look like 123456:ABC… (the token BotFather gives)')
    .optional(),
  TELEGRAM_API_ROOT: z.url({ message: 'must be a URL such as https://api.telegram.org' }).optional(),
  TELEGRAM_WEBHOOK_URL: z.url({ protocol: /^https?$/, message: 'must be the public https URL Telegram will call' }).optional(),
  TELEGRAM_WEBHOOK_PORT: z.coerce.number().int().min(1).max(65535).default(8443),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,256}$/, 'must be 16–256 characters of A-Z, a-z, 0-9, _ and -')
    .optional(),
  ADMIN_TELEGRAM_IDS: z
    .string()
    .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, 'must be numeric Telegram user ids separated by commas (never usernames)')
    .optional(),
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'must start with xoxb-').optional(),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'must start with xapp- (an app-level token with connections:write)').optional(),
  SLACK_SIGNING_SECRET: z
    .string()
    .regex(/^[0-9a-f]{16,}$/i, "must be the signing secret from the app's Basic Information page")
    .optional(),
  SLACK_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  SLACK_API_URL: z.url({ message: 'must be a URL such as https://slack.com/api/' }).optional(),
  ADMIN_SLACK_IDS: z
    .string()
    .regex(/^\s*[UW][A-Z0-9]{2,}(\s*,\s*[UW][A-Z0-9]{2,})*\s*$/, 'must be Slack user ids (U…) separated by commas, never display names')
    .optional(),
});

/** Validated configuration. Defaults: knowledge in ./knowledge, 8 items a page, webhook port 8443, Slack port 3000. */
export interface Config {
  knowledgeDir: string;
  /** Reload when files under knowledgeDir change. Default true. */
  watch: boolean;
  /** Where the database (status updates, audit, digests) lives. Default ./data. */
  dataDir: string;
  /** Time zone of digest schedules. Default Asia/Ho_Chi_Minh. */
  timezone: string;
  /** LOG_LEVEL when set; unset, the bots log at info and the console chat at warn (see logLevelFor). */
  logLevel?: (typeof LOG_LEVELS)[number];
  pageSize: number;
  /** A port for the GET /healthz probe (src/health.ts); unset, none is opened. */
  healthPort?: number;
  telegram?: TelegramConfig;
  slack?: SlackConfig;
}

/** Slack settings; present when SLACK_BOT_TOKEN is set. Socket Mode with an app token, HTTP otherwise. */
export interface SlackConfig {
  botToken: string;
  /** Socket Mode when set. */
  appToken?: string;
  /** Verifies HTTP requests; required in HTTP mode. */
  signingSecret?: string;
  /** HTTP mode port. Default 3000. */
  port: number;
  /** Web API base URL. Default: Slack's own (https://slack.com/api/). */
  apiUrl?: string;
  /** Immutable user ids (U…) allowed to run admin commands. */
  adminIds: ReadonlySet<string>;
}

/** Telegram settings; present when TELEGRAM_BOT_TOKEN is set. Long polling unless a webhook URL is given. */
export interface TelegramConfig {
  token: string;
  /** Bot API base URL. Default: Telegram's own (https://api.telegram.org). */
  apiRoot?: string;
  webhook?: { url: string; port: number; secret: string };
  /** Numeric user ids allowed to run admin commands. */
  adminIds: ReadonlySet<number>;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses an environment (process.env by default). Empty strings count as unset, as in most .env files. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = Env.safeParse(present);
  if (!parsed.success) {
    // Name the variable and the rule, never the value: it may be a token.
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  if (e.TELEGRAM_WEBHOOK_URL && !e.TELEGRAM_WEBHOOK_SECRET) {
    throw new ConfigError(['TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_WEBHOOK_URL is set, so that forged updates are rejected']);
  }
  if (e.SLACK_BOT_TOKEN && !e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    throw new ConfigError(['SLACK_SIGNING_SECRET: required in HTTP mode (without SLACK_APP_TOKEN), so that forged requests are rejected']);
  }
  // The webhook and Slack HTTP servers answer /healthz themselves; a second server on their port could not start.
  if (e.HEALTH_PORT !== undefined) {
    const taken = [
      e.TELEGRAM_BOT_TOKEN && e.TELEGRAM_WEBHOOK_URL ? (['TELEGRAM_WEBHOOK_PORT', e.TELEGRAM_WEBHOOK_PORT] as const) : undefined,
      e.SLACK_BOT_TOKEN && !e.SLACK_APP_TOKEN ? (['SLACK_PORT', e.SLACK_PORT] as const) : undefined,
    ].find((p) => p?.[1] === e.HEALTH_PORT);
    if (taken) {
      throw new ConfigError([
        `HEALTH_PORT: ${e.HEALTH_PORT} is also ${taken[0]}, whose server already answers /healthz; leave HEALTH_PORT unset or pick another port`,
      ]);
    }
  }
  const adminIds = new Set(
    (e.ADMIN_TELEGRAM_IDS ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean)
      .map(Number),
  );
  return {
    knowledgeDir: e.KNOWLEDGE_DIR,
    watch: e.KNOWLEDGE_WATCH === 'true',
    dataDir: e.DATA_DIR,
    timezone: e.DIGEST_TIMEZONE,
    ...(e.LOG_LEVEL ? { logLevel: e.LOG_LEVEL } : {}),
    pageSize: e.ANSWER_PAGE_SIZE,
    ...(e.HEALTH_PORT !== undefined ? { healthPort: e.HEALTH_PORT } : {}),
    ...(e.TELEGRAM_BOT_TOKEN
      ? {
          telegram: {
            token: e.TELEGRAM_BOT_TOKEN,
            ...(e.TELEGRAM_API_ROOT ? { apiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, '') } : {}),
            ...(e.TELEGRAM_WEBHOOK_URL && e.TELEGRAM_WEBHOOK_SECRET
              ? { webhook: { url: e.TELEGRAM_WEBHOOK_URL, port: e.TELEGRAM_WEBHOOK_PORT, secret: e.TELEGRAM_WEBHOOK_SECRET } }
              : {}),
            adminIds,
          },
        }
      : {}),
    ...(e.SLACK_BOT_TOKEN
      ? {
          slack: {
            botToken: e.SLACK_BOT_TOKEN,
            ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
            ...(e.SLACK_SIGNING_SECRET ? { signingSecret: e.SLACK_SIGNING_SECRET } : {}),
            port: e.SLACK_PORT,
            // The Web API client joins method names onto this base, so it must end in a slash.
            ...(e.SLACK_API_URL ? { apiUrl: e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/` } : {}),
            adminIds: new Set(
              (e.ADMIN_SLACK_IDS ?? '')
                .split(',')
                .map((x) => x.trim())
                .filter(Boolean),
            ),
          },
        }
      : {}),
  };
}

/** With no platform token configured, `start` opens the console chat. */
export function usesConsoleChat(config: Config): boolean {
  return !config.telegram && !config.slack;
}

/**
 * The log level `start` runs at: LOG_LEVEL when set; otherwise info for the bots (their logs are
 * for operators), and warn in the console chat, where log lines would land among the answers.
 */
export function logLevelFor(config: Config): (typeof LOG_LEVELS)[number] {
  return config.logLevel ?? (usesConsoleChat(config) ? 'warn' : 'info');
}
