// npm run bench:slack — events per second and latency per event (event in → reply posted) through
// Bolt's HTTP receiver and through Socket Mode, for mou-bot and, in the same run, for a Bolt app
// that only echoes (the baseline). A benchmark, not a test: it prints a table and asserts nothing.
import { createHmac } from 'node:crypto';
import { cpus } from 'node:os';
import { App } from '@slack/bolt';
import pino from 'pino';
import { startSlack } from '../adapters/slack/run.ts';
import type { SlackConfig } from '../src/config.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { createKnowledgeStore, type KnowledgeStore } from '../src/runtime/knowledge-store.ts';
import { startFakeSlack, type FakeSlack } from '../testkit/fakes/slack-api.ts';
import { slackDeps } from '../testkit/deps.ts';

const SECRET = '0123456789abcdef0123456789abcdef';
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
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;

type Send = (channel: string, text: string, n: number) => Promise<unknown>;
interface Runtime {
  send: Send;
  stop(): Promise<void>;
}

function httpSender(port: number): Send {
  return (channel, text, n) => {
    const body = JSON.stringify({
      type: 'event_callback',
      team_id: 'T1',
      api_app_id: 'A1',
      event_id: `Ev${n}`,
      event_time: 1,
      event: { type: 'message', channel_type: 'im', channel, user: 'U1', ts: `${n}.1`, text },
    });
    const ts = Math.floor(Date.now() / 1000);
    const sig = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
    return fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sig },
      body,
    });
  };
}

function socketSender(fake: FakeSlack): Send {
  return (channel, text, n) =>
    fake.sendEnvelope('events_api', {
      type: 'event_callback',
      team_id: 'T1',
      api_app_id: 'A1',
      event_id: `Ev${n}`,
      event: { type: 'message', channel_type: 'im', channel, user: 'U1', ts: `${n}.1`, text },
    });
}

async function ours(fake: FakeSlack, store: KnowledgeStore, socket: boolean): Promise<Runtime> {
  const config: SlackConfig = {
    botToken: 'xoxb-bench',
    signingSecret: SECRET,
    port: 0,
    apiUrl: fake.apiUrl,
    adminIds: new Set(),
    ...(socket ? { appToken: 'xapp-bench' } : {}),
  };
  const rt = await startSlack(slackDeps({ config, store, log, pageSize: 8 }));
  if (socket) await fake.socketConnected();
  return { send: socket ? socketSender(fake) : httpSender(rt.port ?? 0), stop: rt.stop };
}

async function echo(fake: FakeSlack, socket: boolean): Promise<Runtime> {
  const clientOptions = { slackApiUrl: fake.apiUrl };
  const app = new App({
    token: 'xoxb-bench',
    clientOptions,
    installerOptions: { clientOptions },
    logLevel: undefined,
    ...(socket ? { socketMode: true, appToken: 'xapp-bench' } : { signingSecret: SECRET, port: 0 }),
  });
  app.message(async ({ message, say }) => {
    if ('text' in message && message.text) await say(message.text);
  });
  const server = (socket ? await app.start() : await app.start(0)) as { address?: () => { port: number } } | undefined;
  if (socket) await fake.socketConnected();
  return {
    send: socket ? socketSender(fake) : httpSender(server?.address?.().port ?? 0),
    stop: async () => {
      await app.stop();
    },
  };
}

async function load(fake: FakeSlack, rt: Runtime, concurrency: number, total: number) {
  const waiting = new Map<string, () => void>();
  const unsubscribe = subscribe(fake, (channel) => waiting.get(channel)?.());
  const latencies: number[] = [];
  let n = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      const channel = `D${w}`;
      while (n < total) {
        const i = n++;
        const t0 = performance.now();
        const replied = new Promise<void>((resolve) => waiting.set(channel, resolve));
        await rt.send(channel, QUESTIONS[i % QUESTIONS.length] as string, i + 1);
        await replied;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  unsubscribe();
  return { perSecond: total / ((performance.now() - started) / 1000), p50: pct(latencies, 0.5), p99: pct(latencies, 0.99) };
}

/** Calls back with the channel of every chat.postMessage, as it arrives. */
function subscribe(fake: FakeSlack, onReply: (channel: string) => void): () => void {
  return fake.subscribe((c) => {
    if (c.method === 'chat.postMessage') onReply(String(c.payload.channel));
  });
}

async function main(): Promise<void> {
  const outcome = await loadKnowledge('knowledge');
  if (!outcome.ok) throw new Error('shipped knowledge is invalid');
  const store = createKnowledgeStore('knowledge', outcome.knowledge);
  const rows: string[] = [];
  for (const socket of [false, true]) {
    for (const concurrency of [1, 20]) {
      for (const [name, make] of [
        ['echo (baseline)', (f: FakeSlack) => echo(f, socket)],
        ['mou-bot', (f: FakeSlack) => ours(f, store, socket)],
      ] as const) {
        const fake = await startFakeSlack();
        const rt = await make(fake);
        const r = await load(fake, rt, concurrency, 200);
        await rt.stop();
        await fake.close();
        rows.push(
          `| ${socket ? 'Socket Mode' : 'HTTP'} | ${name} | ${concurrency} | 200 | ${r.perSecond.toFixed(1)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} |`,
        );
      }
    }
  }
  console.log(
    `Slack adapter — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}`,
  );
  console.log('| receiver | app | concurrent | events | events/s | p50 ms | p99 ms |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(r);
}

await main();
