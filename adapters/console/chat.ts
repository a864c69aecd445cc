// The console chat: the embedded default when no platform token is configured. Streams are
// injected so tests can type into it and read what it prints.
import { createInterface } from 'node:readline';
import type { Engine } from '../../src/answer/engine.ts';
import { renderText, stripControls } from '../../src/answer/render-text.ts';
import type { Answer } from '../../src/answer/types.ts';

export interface ConsoleChatOptions {
  /** Returns the engine to ask; a getter, so a knowledge reload is picked up by the next question. */
  engine: () => Engine;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  pageSize?: number;
  /** Print the banner and prompt (off for piped input, so output stays clean). */
  interactive?: boolean;
}

const NEXT_PAGE = new Set(['tiep', 'tiếp', 'more', 'next', '/next', '/tiep']);
const QUIT = new Set(['/quit', '/exit', 'quit', 'exit', 'thoát', '/thoat']);

/** Runs the chat until the input ends or the user quits. Resolves with the number of questions answered. */
export function runConsoleChat(options: ConsoleChatOptions): Promise<number> {
  const { input, output, interactive = true } = options;
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: false });
  const write = (text: string) => output.write(`${text}\n`);
  let last: { question: string; answer: Answer } | undefined;
  let answered = 0;

  if (interactive) {
    const k = options.engine().knowledge;
    // Titles come from knowledge files: no terminal escape sequence in them may reach the terminal.
    write(stripControls(`mou-bot — ${k.agreements.map((a) => a.meta.short_title?.vi ?? a.meta.title.vi).join('; ')}`));
    write('Hỏi bằng tiếng Việt (có dấu hoặc không dấu) hoặc tiếng Anh. Gõ /help để xem ví dụ, “tiếp” để xem trang sau, /quit để thoát.');
    write('');
    output.write('> ');
  }

  return new Promise((resolve) => {
    rl.on('line', (line) => {
      const text = line.trim();
      if (QUIT.has(text.toLowerCase())) {
        rl.close();
        return;
      }
      const engine = options.engine();
      let answer: Answer;
      if (NEXT_PAGE.has(text.toLowerCase()) && last?.answer.page && last.answer.page.index < last.answer.page.pages) {
        answer = engine.ask(last.question, { page: last.answer.page.index + 1, pageSize: options.pageSize ?? 8 });
      } else {
        answer = engine.ask(text.replace(/^\/(help|start)\b/i, 'help'), { pageSize: options.pageSize ?? 8 });
        last = { question: text, answer };
      }
      if (answer.page) last = { question: last?.question ?? text, answer };
      answered++;
      write(renderText(answer));
      write('');
      if (interactive) output.write('> ');
    });
    rl.on('close', () => resolve(answered));
  });
}
