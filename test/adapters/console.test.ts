// The console chat, typed into through injected streams.
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runConsoleChat } from '../../adapters/console/chat.ts';
import type { Engine } from '../../src/answer/engine.ts';
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
});
