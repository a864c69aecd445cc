// npm run bench:telegram — updates answered per second and latency per update through the fake
// Bot API, for mou-bot and, in the same run, for an echo bot (the baseline: grammY and the fake
// alone, no answering). A benchmark, not a test: it prints a table and asserts nothing.
import { AsyncLocalStorage } from 'node:async_hooks';
import { cpus } from 'node:os';
import pino from 'pino';
import { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { startPolling } from '../adapters/telegram/polling.ts';
import { startTelegram } from '../adapters/telegram/run.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { createKnowledgeStore } from '../src/runtime/knowledge-store.ts';
import { openState } from '../src/state/index.ts';
import { createUpdateJournal } from '../src/state/update-journal.ts';
import { startFakeTelegram, type FakeTelegram } from '../testkit/fakes/telegram-api.ts';
import { telegramDeps } from '../testkit/deps.ts';

const QUESTIONS = [
  'ai phu trach duong sat kep luu xa',
  'Chủ tịch UBND tỉnh Bắc Giang là ai?',
  'C18',
  'pending transport commitments',
  'Công an hai tỉnh có nhiệm vụ gì?',
  'cầu Hoà Sơn',
  'giá vàng hôm nay',
  'Who is Le Anh Duong?',
];
const log = pino({ level: 'silent' });

interface Row {
  bot: string;
  users: number;
  updates: number;
  perSecond: number;
  p50: number;
  p99: number;
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;

/** `users` virtual users, each asking `perUser` questions one after another. */
async function load(fake: FakeTelegram, name: string, users: number, perUser: number, firstUser: number): Promise<Row> {
  const latencies: number[] = [];
  // One listener resolves the waiting user of each reply, so the harness costs O(1) per call.
  const waiting = new Map<number, () => void>();
  const unsubscribe = fake.subscribe((c) => {
    if (c.method === 'sendMessage') waiting.get(c.payload.chat_id as number)?.();
  });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: users }, async (_, u) => {
      const chat = firstUser + u;
      for (let i = 0; i < perUser; i++) {
        const t0 = performance.now();
        const replied = new Promise<void>((resolve) => waiting.set(chat, resolve));
        fake.text(QUESTIONS[(u + i) % QUESTIONS.length] as string, { fromId: chat });
        await replied;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  unsubscribe();
  return {
    bot: name,
    users,
    updates: users * perUser,
    perSecond: (users * perUser) / seconds,
    p50: pct(latencies, 0.5),
    p99: pct(latencies, 0.99),
  };
}

async function main(): Promise<void> {
  const outcome = await loadKnowledge('knowledge');
  if (!outcome.ok) throw new Error('shipped knowledge is invalid');
  const store = createKnowledgeStore('knowledge', outcome.knowledge);
  const rows: Row[] = [];
  for (const users of [1, 50]) {
    const perUser = users === 1 ? 200 : 8;
    // Baseline: an echo bot on the same fake and the same polling.
    const fakeA = await startFakeTelegram();
    const echo = new Bot(fakeA.token, { client: { apiRoot: fakeA.url } });
    echo.on('message:text', (ctx) => ctx.reply(ctx.msg.text));
    await echo.init();
    // The same polling, journal included, on a database of its own.
    const journal = createUpdateJournal<Update>(openState(':memory:').db, 'telegram');
    const polling = startPolling(echo, journal, new AsyncLocalStorage(), log, { allowedUpdates: ['message'], timeoutSeconds: 1 });
    rows.push(await load(fakeA, 'echo (baseline)', users, perUser, 10_000));
    await polling.stop();
    await fakeA.close();

    const fakeB = await startFakeTelegram();
    const bot = await startTelegram(
      telegramDeps({ config: { token: fakeB.token, apiRoot: fakeB.url, adminIds: new Set() }, store, log, pageSize: 8, rateLimit: false }),
      { pollTimeoutSeconds: 1 },
    );
    rows.push(await load(fakeB, 'mou-bot', users, perUser, 20_000));
    await bot.stop();
    await fakeB.close();
  }
  const fmt = (n: number) => n.toFixed(1);
  console.log(
    `Telegram adapter — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}`,
  );
  console.log('| bot | concurrent users | updates | updates/s | p50 ms | p99 ms |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.bot} | ${r.users} | ${r.updates} | ${fmt(r.perSecond)} | ${fmt(r.p50)} | ${fmt(r.p99)} |`);
}

await main();
