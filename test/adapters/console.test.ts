// The console chat, typed into through injected streams.
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runConsoleChat } from '../../adapters/console/chat.ts';
import type { Engine } from '../../src/answer/engine.ts';
import { LABELS } from '../../src/answer/i18n.ts';
import { shippedEngine } from '../helpers.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await shippedEngine();
});

async function chat(lines: string[], interactive = false): Promise<{ out: string; answered: number }> {
  const input = new PassThrough();
  const output = new PassThrough();
  let out = '';
  output.setEncoding('utf8');
  output.on('data', (d: string) => (out += d));
  const done = runConsoleChat({ engine: () => engine, input, output, interactive });
  input.end(lines.map((l) => `${l}\n`).join(''));
  const answered = await done;
  return { out, answered };
}

describe('console chat', () => {
  it('answers each line and stops at the end of input', async () => {
    const { out, answered } = await chat(['Dương Văn Thái là ai?', 'ngam tam kha']);
    expect(answered).toBe(2);
    expect(out).toContain('Bí thư Tỉnh ủy');
    expect(out).toContain('Tam Kha');
  });

  it('pages a long list with "tiếp"', async () => {
    const { out } = await chat(['cam ket nao con dang cho', 'tiếp']);
    expect(out).toContain('Trang 1/5');
    expect(out).toContain('Trang 2/5');
    expect(out).toContain('C9 ·');
  });

  it('treats "tiếp" with nothing to continue as a question', async () => {
    const { answered } = await chat(['tiếp']);
    expect(answered).toBe(1);
  });

  it('shows help with example questions for /help', async () => {
    const { out } = await chat(['/help']);
    expect(out).toContain('Ai phụ trách đường sắt Kép - Lưu Xá?');
  });

  it('stops at /quit without answering what follows', async () => {
    const { answered } = await chat(['C18', '/quit', 'C19']);
    expect(answered).toBe(1);
  });

  it('prints a banner and a prompt when interactive', async () => {
    const { out } = await chat(['/quit'], true);
    expect(out).toMatch(/^mou-bot — /);
    expect(out).toContain('> ');
  });

  it('holds one conversation across lines: a follow-up, "chi tiết", "trích dẫn"', async () => {
    const lines = ['Chủ tịch UBND tỉnh Bắc Giang là ai?', 'còn Thái Nguyên thì sao?', 'chi tiết', 'trích dẫn'];
    const { out, answered } = await chat(lines);
    expect(answered).toBe(4);
    // What each line printed: a session typing fewer lines prints the beginning of this one.
    const upTo = await Promise.all(lines.map(async (_, n) => (await chat(lines.slice(0, n + 1))).out));
    expect(upTo.at(-1)).toBe(out);
    const [first = '', second = '', details = '', quotes = ''] = upTo.map((o, n) => o.slice(n > 0 ? (upTo[n - 1] as string).length : 0));
    expect(first).toContain('Lê Ánh Dương');
    expect(second).toContain('Trịnh Việt Hùng');
    expect(second).not.toContain('Lê Ánh Dương');
    // "chi tiết" shows that answer in full, "trích dẫn" its quotes.
    expect(details).toContain('Trịnh Việt Hùng');
    expect(details).toContain(`${LABELS.vi.atConference}:`);
    expect(details).toContain('Nguồn:');
    expect(quotes).toMatch(/^Chủ tịch UBND tỉnh: Trịnh Việt Hùng[\s\S]*• Nguồn: .*dòng \d+: “/);
  });

  it('a follow-up typed in another session has nothing to lean on', async () => {
    await chat(['Chủ tịch UBND tỉnh Bắc Giang là ai?']);
    const { out } = await chat(['còn Thái Nguyên thì sao?']);
    expect(out).not.toContain('Trịnh Việt Hùng');
  });

  it('says in its introduction and after /help which words go on from an answer', async () => {
    for (const out of [(await chat(['/quit'], true)).out, (await chat(['/help'])).out]) {
      for (const word of ['chi tiết', 'trích dẫn', 'phân công chung', 'tiếp']) expect(out).toContain(`“${word}”`);
      expect(out).toContain(LABELS.vi.followUps);
    }
  });
});
