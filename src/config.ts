// The only reader of process.env. Every variable is validated here, once, and each bad one gets
// its own one-line message. Secrets are never echoed back in those messages.
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const Env = z.object({
  KNOWLEDGE_DIR: z.string().min(1).default('./knowledge'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  ANSWER_PAGE_SIZE: z.coerce.number().int().min(1).max(50).default(8),
  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d+:[\w-]{20,}$/, 'must look like 123456:ABC… (the token BotFather gives)')
    .optional(),
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'must start with xoxb-').optional(),
});

/** Validated configuration. Defaults: knowledge in ./knowledge, log level info, 8 items a page. */
export interface Config {
  knowledgeDir: string;
  logLevel: (typeof LOG_LEVELS)[number];
  pageSize: number;
  telegramToken?: string;
  slackBotToken?: string;
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
  return {
    knowledgeDir: e.KNOWLEDGE_DIR,
    logLevel: e.LOG_LEVEL,
    pageSize: e.ANSWER_PAGE_SIZE,
    ...(e.TELEGRAM_BOT_TOKEN ? { telegramToken: e.TELEGRAM_BOT_TOKEN } : {}),
    ...(e.SLACK_BOT_TOKEN ? { slackBotToken: e.SLACK_BOT_TOKEN } : {}),
  };
}
