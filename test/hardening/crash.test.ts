// The Telegram bot killed with SIGKILL while it is answering, then started again on the same
// database: every question is answered, exactly once, in order within each chat. The bot runs in
// a process of its own (testkit/telegram-bot-process.ts) against the fake Bot API.
//
// The moment of the kill is chosen so that the outcome of everything is known: each chat's first
// answer has reached the chat but its sender has not heard back (the fake holds the answers to
// sendMessage), and each chat's second question waits its turn. A restart must not send the first
// answers again, and must not forget the second questions. (`npm run loadtest` kills at a moment
// it does not choose, under load.)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderTelegram } from '../../adapters/telegram/render.ts';
import { startBotProcess } from '../../testkit/bot-process.ts';
import { startFakeTelegram } from '../../testkit/fakes/telegram-api.ts';
import { Conversation } from '../../src/answer/conversation.ts';
import { shippedEngine } from '../helpers.ts';

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
});

describe('a crash (SIGKILL) while answering', () => {
  it('neither repeats the answers on their way nor loses the questions still waiting', async () => {
    const fake = await startFakeTelegram();
    const dataDir = await mkdtemp(join(tmpdir(), 'mou-crash-'));
    cleanup.push(
      () => fake.close(),
      () => rm(dataDir, { recursive: true, force: true }),
    );
    const engine = await shippedEngine();
    const questions = ['C18', 'C17', 'cầu Hoà Sơn', 'Who is Le Anh Duong?'];
    const chats = Array.from({ length: 30 }, (_, i) => 9_100 + i);
    // What each chat must receive, in order: the answers to its two questions, each in all its parts.
    // A chat is a conversation, and the second answer may lean on the first ("C18" after "Who is Le
    // Anh Duong?" is answered in English): the restarted bot handles the first question again before
    // the second, so the second is answered in the same conversation as without the crash.
    const expected = new Map(
      chats.map((chat, i) => {
        const asked = [questions[i % 4] as string, questions[(i + 1) % 4] as string];
        const conversation = new Conversation();
        return [chat, { asked, parts: asked.map((q) => renderTelegram(engine.ask(q, { pageSize: 8 }, conversation))) }];
      }),
    );
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
    const reached = (n: number, want: (chat: number) => number) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          const short = chats.filter((chat) => (delivered.get(chat)?.length ?? 0) < want(chat));
          reject(new Error(`${count} of ${n} messages went out; chats short of answers: ${short.join(', ')}`));
        }, 20_000);
        onDelivery = () => {
          if (count < n) return;
          clearTimeout(timer);
          resolve();
        };
        onDelivery();
      });
    const allParts = (chat: number) => expected.get(chat)?.parts.flat().length ?? 0;

    const first = startBotProcess(fake, dataDir);
    cleanup.push(() => first.kill());
    await first.polling;
    fake.holdAnswers('sendMessage');
    for (const [chat, { asked }] of expected) for (const q of asked) fake.text(q, { fromId: chat });
    // In every chat, the first message of the first answer has gone out and waits for its answer;
    // the second question waits behind it.
    await reached(chats.length, () => 1);
    await first.kill();
    fake.release();

    const second = startBotProcess(fake, dataDir);
    cleanup.push(() => second.kill());
    await second.polling;
    const total = chats.reduce((n, chat) => n + allParts(chat), 0);
    await reached(total, allParts).catch((err: Error) => {
      throw new Error(`${err.message}\nfirst run:\n${first.stderr()}\nsecond run:\n${second.stderr()}`);
    });
    expect(await second.stop()).toBe(0);
    for (const [chat, { parts }] of expected) expect(delivered.get(chat), `chat ${chat}`).toEqual(parts.flat());
    expect(count).toBe(total);
    expect(second.stderr()).toMatch(/handling the updates held since the last run/);
    expect(second.stderr()).toMatch(/on its way when the bot stopped; taken as sent/);
  });
});
