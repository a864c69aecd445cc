// Load through the fake platforms: many users asking at once while the fakes fail at random (a
// fixed seed): 429 flood waits with retry_after / Retry-After, and 500s. Counts questions answered,
// duplicates and losses (both must be 0), and latency from question to reply. `npm run loadtest`
// (bench/loadtest.ts) runs it at full size; `npm test` runs a small version
// (test/hardening/faults.test.ts).
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent } from 'node:http';
import { join } from 'node:path';
import { cpus, tmpdir } from 'node:os';
import pino from 'pino';
import { renderSlack } from '../adapters/slack/render.ts';
import { startSlack } from '../adapters/slack/run.ts';
import { renderTelegram } from '../adapters/telegram/render.ts';
import { Conversation } from '../src/answer/conversation.ts';
import type { Answer } from '../src/answer/types.ts';
import { startTelegram } from '../adapters/telegram/run.ts';
import type { KnowledgeStore } from '../src/runtime/knowledge-store.ts';
import { startFakeSlack } from './fakes/slack-api.ts';
import { startBotProcess } from './bot-process.ts';
import { type FakeTelegram, startFakeTelegram } from './fakes/telegram-api.ts';
import { seededRandom } from './seeded-random.ts';
import { SIGNING_SECRET, slackClient } from './slack-client.ts';
import { slackDeps, telegramDeps } from './deps.ts';

/** The mix users ask: every intent, with and without diacritics, English, a miss, a long list. */
export const QUESTIONS = [
  'ai phu trach duong sat kep luu xa',
  'Chủ tịch UBND tỉnh Bắc Giang là ai?',
  'C18',
  'pending transport commitments',
  'Công an hai tỉnh có nhiệm vụ gì?',
  'cầu Hoà Sơn',
  'giá vàng hôm nay',
  'Who is Le Anh Duong?',
  'cam ket nao con dang cho',
  'Biên bản được ký khi nào, ở đâu?',
];

export interface LoadOptions {
  users: number;
  perUser: number;
  seed: number;
  /** Probability that a platform call answers 429 (with retry_after / Retry-After of 1 s). */
  rate429: number;
  /** Probability that a platform call answers 500. */
  rate500: number;
  /** Slack only: probability that an event is delivered twice, as Slack does when an ack is slow. */
  redeliver: number;
  /** A question unanswered after this long is counted lost. */
  timeoutMs: number;
}

export const FULL: LoadOptions = { users: 200, perUser: 20, seed: 7, rate429: 0.02, rate500: 0.01, redeliver: 0.02, timeoutMs: 120_000 };

export interface LoadResult {
  platform: string;
  users: number;
  questions: number;
  answered: number;
  /** Replies beyond the one expected (or beyond its parts, for a long Telegram answer). */
  duplicates: number;
  /** Questions asked and never answered within the timeout; a user who lost one asks no more (so answered + losses can be fewer than questions). */
  losses: number;
  /** Replies whose text is not the answer to the question asked. */
  wrong: number;
  /** Whether faults were injected in this run. */
  faults: boolean;
  injected429: number;
  injected500: number;
  redelivered: number;
  p50: number;
  p99: number;
  seconds: number;
  /** Anything else the run has to say (the crash run: what the restarted bot found). */
  note?: string;
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;
const silent = pino({ level: 'silent' });

/** The value for the key, made once. */
function memo<T>(map: Map<string, T>, key: string, make: () => T): T {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

/**
 * What a user should receive for each question, in turn. Each user's chat is a conversation (the
 * bots ask every question in its conversation), so an answer can depend on the questions before it:
 * it is rendered here from the same questions in the same order. Users who asked the same questions
 * so far share the work.
 */
function inConversation(store: KnowledgeStore, render: (a: Answer) => string[]): (user: number, question: string) => string[] {
  const askedSoFar = new Map<number, string>();
  const after = new Map<string, { conversation: Conversation; parts: string[] }>();
  return (user, question) => {
    const before = askedSoFar.get(user) ?? '';
    const key = `${before}\n${question}`;
    askedSoFar.set(user, key);
    return memo(after, key, () => {
      const conversation = new Conversation();
      for (const turn of after.get(before)?.conversation.turns ?? []) conversation.remember(turn);
      return { conversation, parts: render(store.engine().ask(question, { pageSize: 8 }, conversation)) };
    }).parts;
  };
}

/**
 * Drives `users` users, each asking `perUser` questions one after another (the next once the
 * previous is answered), and waits for `delivered(user)` to reach what `expected` says. A reply
 * is right if it is what `expected` says, or what `alternative` says (when given).
 */
async function drive(
  opts: LoadOptions,
  ask: (user: number, question: string, n: number) => Promise<void>,
  expected: (user: number, question: string) => string[],
  alternative: ((question: string) => string[]) | undefined,
  delivered: Map<number, string[]>,
  onDelivery: { notify: (user: number) => void },
) {
  const latencies: number[] = [];
  let answered = 0;
  let losses = 0;
  // Per user, the replies in order: for each, the texts it may be.
  const want = new Map<number, string[][]>();
  const waiting = new Map<number, { target: number; resolve: () => void }>();
  onDelivery.notify = (user) => {
    const w = waiting.get(user);
    if (w && (delivered.get(user)?.length ?? 0) >= w.target) {
      waiting.delete(user);
      w.resolve();
    }
  };
  let n = 0;
  await Promise.all(
    Array.from({ length: opts.users }, async (_, u) => {
      for (let i = 0; i < opts.perUser; i++) {
        const question = QUESTIONS[(u * 7 + i) % QUESTIONS.length] as string;
        const parts = expected(u, question);
        const other = alternative?.(question);
        const list = want.get(u) ?? [];
        list.push(...parts.map((text, i) => [text, ...(other?.[i] !== undefined ? [other[i] as string] : [])]));
        want.set(u, list);
        const t0 = performance.now();
        let timer: NodeJS.Timeout | undefined;
        const replied = new Promise<boolean>((resolve) => {
          waiting.set(u, { target: list.length, resolve: () => resolve(true) });
          timer = setTimeout(() => resolve(false), opts.timeoutMs);
        });
        onDelivery.notify(u);
        await ask(u, question, ++n);
        const ok = await replied;
        clearTimeout(timer);
        if (!ok) {
          // Lost: this user stops here, so later replies cannot be mistaken for this one's; the
          // questions they did not get to ask are not counted as lost.
          waiting.delete(u);
          losses++;
          return;
        }
        answered++;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies, answered, losses, want };
}

function tally(want: Map<number, string[][]>, delivered: Map<number, string[]>): { duplicates: number; wrong: number } {
  let duplicates = 0;
  let wrong = 0;
  for (const [user, expected] of want) {
    const got = delivered.get(user) ?? [];
    duplicates += Math.max(0, got.length - expected.length);
    expected.forEach((texts, i) => {
      const reply = got[i];
      if (reply !== undefined && !texts.includes(reply)) wrong++;
    });
  }
  return { duplicates, wrong };
}

/** A Telegram bot under load: how to stop it, and (for the crash run) how to kill and restart it. */
interface BotUnderLoad {
  stop(): Promise<void>;
  /** Kills the bot (SIGKILL) and starts it again on the same database; resolves once it polls again. */
  crash?(): Promise<void>;
  /** What the restarted bot said about the updates it found (the crash run). */
  report?(): string;
}

/** Private chats with the Telegram bot, over long polling, against a Bot API failing at random. */
async function telegramUnderLoad(
  store: KnowledgeStore,
  opts: LoadOptions,
  platform: string,
  startBot: (fake: FakeTelegram) => Promise<BotUnderLoad>,
): Promise<LoadResult> {
  const fake = await startFakeTelegram();
  const bot = await startBot(fake);
  // Warm-up, not measured: the first answers load modules and fill caches.
  await Promise.all(
    QUESTIONS.map(async (q, i) => {
      const chat = 400_000 + i;
      const answered = fake.waitFor((c) => c.method === 'sendMessage' && c.payload.chat_id === chat, 'a warm-up answer');
      fake.text(q, { fromId: chat });
      await answered;
    }),
  );
  const faults = fake.chaos({
    seed: opts.seed,
    methods: ['getUpdates', 'sendMessage', 'sendChatAction'],
    rate429: opts.rate429,
    rate500: opts.rate500,
    retryAfter: 1,
  });
  const base = 500_000;
  const delivered = new Map<number, string[]>();
  const hook: { notify: (user: number) => void } = { notify: () => undefined };
  const unsubscribe = fake.subscribe((c) => {
    if (c.method !== 'sendMessage' || c.failed !== undefined) return;
    const user = Number(c.payload.chat_id) - base;
    delivered.set(user, [...(delivered.get(user) ?? []), String(c.payload.text)]);
    hook.notify(user);
  });
  const expected = inConversation(store, (a) => renderTelegram(a));
  // After a SIGKILL the restarted bot has forgotten every conversation (they live in memory): the
  // first question it answers for a user may come out as asked afresh.
  const fresh = new Map<string, string[]>();
  const alternative = bot.crash
    ? (q: string) => memo(fresh, q, () => renderTelegram(store.engine().ask(q, { pageSize: 8 }, new Conversation())))
    : undefined;
  const halfway = Math.floor((opts.users * opts.perUser) / 2);
  let crashed: Promise<void> | undefined;
  const started = performance.now();
  const run = await drive(
    opts,
    async (u, q, n) => {
      fake.text(q, { fromId: base + u });
      if (n === halfway && bot.crash) crashed = bot.crash();
    },
    expected,
    alternative,
    delivered,
    hook,
  );
  const seconds = (performance.now() - started) / 1000;
  await crashed;
  fake.chaos(undefined);
  // A graceful stop answers what is in flight; only then are duplicates final.
  await bot.stop();
  unsubscribe();
  await fake.close();
  return {
    platform,
    users: opts.users,
    questions: opts.users * opts.perUser,
    answered: run.answered,
    losses: run.losses,
    ...tally(run.want, delivered),
    faults: opts.rate429 + opts.rate500 > 0,
    ...faults,
    redelivered: 0,
    p50: pct(run.latencies, 0.5),
    p99: pct(run.latencies, 0.99),
    seconds,
    ...(bot.report ? { note: bot.report() } : {}),
  };
}

/** The bot in this process. The per-user "slow down" limit is off: these users ask 20 questions in a row on purpose. */
export function telegramLoad(store: KnowledgeStore, opts: LoadOptions): Promise<LoadResult> {
  return telegramUnderLoad(store, opts, 'Telegram (long polling)', async (fake) => {
    const bot = await startTelegram(
      telegramDeps({
        config: { token: fake.token, apiRoot: fake.url, adminIds: new Set() },
        store,
        log: silent,
        pageSize: 8,
        rateLimit: false,
      }),
      { pollTimeoutSeconds: 1 },
    );
    return { stop: () => bot.stop() };
  });
}

/** The bot in a process of its own, killed with SIGKILL halfway through the questions and started again on the same database. */
export function telegramCrashLoad(store: KnowledgeStore, opts: LoadOptions): Promise<LoadResult> {
  return telegramUnderLoad(store, opts, 'Telegram (long polling), SIGKILL halfway and restart', async (fake) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'mou-loadtest-'));
    let bot = startBotProcess(fake, dataDir);
    await bot.polling;
    let report = '';
    return {
      async crash() {
        await bot.kill();
        bot = startBotProcess(fake, dataDir);
        await bot.polling;
      },
      async stop() {
        await bot.stop();
        const lines = bot.stderr();
        const held = /"count":(\d+),"msg":"telegram: handling the updates held/.exec(lines)?.[1] ?? '0';
        const takenAsSent = lines.split('taken as sent').length - 1;
        report = `after the restart, ${held} updates held from before the kill were handled, and ${takenAsSent} calls found on their way were taken as sent`;
        await rm(dataDir, { recursive: true, force: true });
      },
      report: () => report,
    };
  });
}

/** Direct messages to the Slack app, through its HTTP receiver, against a Web API failing at random. */
export async function slackLoad(store: KnowledgeStore, opts: LoadOptions): Promise<LoadResult> {
  const fake = await startFakeSlack();
  const app = await startSlack(
    slackDeps({
      config: { botToken: 'xoxb-loadtest', signingSecret: SIGNING_SECRET, port: 0, apiUrl: fake.apiUrl, adminIds: new Set() },
      store,
      log: silent,
      pageSize: 8,
    }),
  );
  // Slack delivers events over a few kept-alive connections, not one new connection per event.
  const agent = new Agent({ keepAlive: true, maxSockets: 50 });
  const client = slackClient(app.port ?? 0, SIGNING_SECRET, agent);
  // Warm-up, not measured: the first events load Bolt's modules and fill caches.
  await Promise.all(
    QUESTIONS.map(async (q, i) => {
      const answered = fake.waitFor((c) => c.method === 'chat.postMessage' && c.payload.channel === `W${i}`, 'a warm-up answer');
      await client.event(
        { type: 'message', channel_type: 'im', channel: `W${i}`, user: 'UWARM', ts: `${i}.000001`, text: q },
        `EvWarm${i}`,
      );
      await answered;
    }),
  );
  const faults = fake.chaos({
    seed: opts.seed,
    methods: ['chat.postMessage'],
    rate429: opts.rate429,
    rate500: opts.rate500,
    retryAfter: 1,
  });
  const random = seededRandom(opts.seed + 1);
  let redelivered = 0;
  const delivered = new Map<number, string[]>();
  const hook: { notify: (user: number) => void } = { notify: () => undefined };
  const unsubscribe = fake.subscribe((c) => {
    if (c.method !== 'chat.postMessage' || c.failed !== undefined) return;
    const user = Number(String(c.payload.channel).slice(1));
    delivered.set(user, [...(delivered.get(user) ?? []), String(c.payload.text)]);
    hook.notify(user);
  });
  // The text of the message, as the app renders it (with buttons: no line saying what to type).
  const expected = inConversation(store, (a) => [renderSlack(a, { views: () => '' }).text]);
  const started = performance.now();
  const run = await drive(
    opts,
    async (u, q, n) => {
      const event = { type: 'message', channel_type: 'im', channel: `D${u}`, user: `U${u}`, ts: `${n}.000100`, text: q };
      // A connection the server closed as it was reused: Slack would deliver again, and so do we.
      const res = await client.event(event, `EvLoad${n}`).catch(() => client.event(event, `EvLoad${n}`, 1));
      if (res.status !== 200) throw new Error(`the receiver answered ${res.status}`);
      // Slack retries an event whose ack it did not see in time; the app must answer it once.
      if (random() < opts.redeliver) {
        redelivered++;
        await client.event(event, `EvLoad${n}`, 1);
      }
    },
    expected,
    undefined,
    delivered,
    hook,
  );
  const seconds = (performance.now() - started) / 1000;
  fake.chaos(undefined);
  agent.destroy();
  await app.stop();
  unsubscribe();
  await fake.close();
  return {
    platform: 'Slack (HTTP receiver)',
    users: opts.users,
    questions: opts.users * opts.perUser,
    answered: run.answered,
    losses: run.losses,
    ...tally(run.want, delivered),
    faults: opts.rate429 + opts.rate500 + opts.redeliver > 0,
    ...faults,
    redelivered,
    p50: pct(run.latencies, 0.5),
    p99: pct(run.latencies, 0.99),
    seconds,
  };
}

export function markdownTable(results: LoadResult[], opts: LoadOptions): string {
  const head = `Load test — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}. ${opts.users} users × ${opts.perUser} questions each, one at a time (the next once the previous is answered), all users at once. With faults, the fake platform answers ${pctOf(opts.rate429)} of calls with 429 (retry after 1 s) and ${pctOf(opts.rate500)} with 500 (seed ${opts.seed}), and Slack redelivers ${pctOf(opts.redeliver)} of events; latency is from the question sent to its (last) reply received.`;
  const rows = results.map(
    (r) =>
      `| ${r.platform} | ${r.faults ? 'yes' : 'none'} | ${r.questions} | ${r.answered} | ${r.duplicates} | ${r.losses} | ${r.wrong} | ${r.injected429} / ${r.injected500}${r.redelivered ? ` / ${r.redelivered}` : ''} | ${r.p50.toFixed(0)} | ${r.p99.toFixed(0)} | ${r.seconds.toFixed(1)} |`,
  );
  return [
    head,
    '',
    '| platform | faults | questions | answered | duplicates | losses | wrong answer | injected 429 / 500 (/ redelivered) | p50 ms | p99 ms | duration s |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    ...results.filter((r) => r.note).map((r) => `\n${r.platform}: ${r.note}.`),
  ].join('\n');
}

const pctOf = (x: number) => `${+(x * 100).toFixed(1)}%`;
