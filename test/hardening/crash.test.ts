// The Telegram bot killed with SIGKILL in the middle of answering, then started again on the same
// database: every question is answered, exactly once, in order within each chat. The bot runs in
// a process of its own (testkit/telegram-bot-process.ts) against the fake Bot API.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderTelegram } from '../../adapters/telegram/render.ts';
import { startBotProcess } from '../../testkit/bot-process.ts';
import { startFakeTelegram } from '../../testkit/fakes/telegram-api.ts';
import { shippedEngine } from '../helpers.ts';

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
});

describe('a crash (SIGKILL) in the middle of the load', () => {
  it('loses no answer and repeats none after a restart', async () => {
    const fake = await startFakeTelegram();
    const dataDir = await mkdtemp(join(tmpdir(), 'mou-crash-'));
    cleanup.push(
      () => fake.close(),
      () => rm(dataDir, { recursive: true, force: true }),
    );
    const engine = await shippedEngine();
    const questions = ['C18', 'C17', 'cầu Hoà Sơn', 'Who is Le Anh Duong?'];
    const users = Array.from({ length: 40 }, (_, i) => 9_100 + i);
    // What each chat must receive, in order: the answers to its two questions, each in all its parts.
    const expected = new Map(
      users.map((chat, i) => {
        const asked = [questions[i % 4] as string, questions[(i + 1) % 4] as string];
        return [chat, { asked, parts: asked.flatMap((q) => renderTelegram(engine.ask(q, { pageSize: 8 }))) }];
      }),
    );
    const total = [...expected.values()].reduce((n, e) => n + e.parts.length, 0);
    const delivered = new Map<number, string[]>();
    let count = 0;
    let onDelivery: () => void = () => undefined;
    const unsubscribe = fake.subscribe((c) => {
      if (c.method !== 'sendMessage' || c.failed !== undefined) return;
      const chat = Number(c.payload.chat_id);
      delivered.set(chat, [...(delivered.get(chat) ?? []), String(c.payload.text)]);
      count++;
      onDelivery();
    });
    cleanup.push(async () => unsubscribe());
    /** Resolves once `n` messages went out; fails after 20 s naming the chats still short of their answers. */
    const reached = (n: number) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          const short = [...expected].filter(([chat, e]) => (delivered.get(chat)?.length ?? 0) < e.parts.length).map(([chat]) => chat);
          reject(new Error(`${count} of ${n} messages went out; chats short of answers: ${short.join(', ')}`));
        }, 20_000);
        onDelivery = () => {
          if (count < n) return;
          clearTimeout(timer);
          resolve();
        };
        onDelivery();
      });

    const first = startBotProcess(fake, dataDir);
    cleanup.push(() => first.kill());
    await first.polling;
    for (const [chat, { asked }] of expected) for (const q of asked) fake.text(q, { fromId: chat });
    await reached(Math.floor(total / 4));
    await first.kill();
    const killedAt = count;
    expect(killedAt, 'killed in the middle, not after the end').toBeLessThan(total);

    const second = startBotProcess(fake, dataDir);
    cleanup.push(() => second.kill());
    await second.polling;
    await reached(total).catch((err: Error) => {
      throw new Error(`${err.message}\nfirst run:\n${first.stderr()}\nsecond run:\n${second.stderr()}`);
    });
    expect(await second.stop()).toBe(0);
    expect(second.stderr()).toMatch(/handling the updates held since the last run/);
    for (const [chat, { parts }] of expected) expect(delivered.get(chat), `chat ${chat}`).toEqual(parts);
    expect(count).toBe(total);
  });
});
