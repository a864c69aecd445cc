// The console chat: the embedded default when no platform token is configured. Streams are
// injected so tests can type into it and read what it prints. The session is one conversation
// (src/answer/conversation.ts): "còn Thái Nguyên thì sao?", "ông ấy…", "cái thứ hai", "tiếp",
// "chi tiết", "trích dẫn" and "phân công chung" lean on the answers before them.
import { createInterface } from 'node:readline';
import { Conversation } from '../../src/answer/conversation.ts';
import type { Engine } from '../../src/answer/engine.ts';
import { LABELS } from '../../src/answer/i18n.ts';
import { renderText, stripControls } from '../../src/answer/render-text.ts';

export interface ConsoleChatOptions {
  /** Returns the engine to ask; a getter, so a knowledge reload is picked up by the next question. */
  engine: () => Engine;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  pageSize?: number;
  /** Print the banner and prompt (off for piped input, so output stays clean). */
  interactive?: boolean;
}

const QUIT = new Set(['/quit', '/exit', 'quit', 'exit', 'thoát', '/thoat']);
const HELP = /^\/(help|start)\b/i;

/** Runs the chat until the input ends or the user quits. Resolves with the number of questions answered. */
export function runConsoleChat(options: ConsoleChatOptions): Promise<number> {
  const { input, output, interactive = true } = options;
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: false });
  const write = (text: string) => output.write(`${text}\n`);
  // A conversation lives as long as the session: it is never idle long enough to matter here.
  const conversation = new Conversation();
  let answered = 0;

  if (interactive) {
    const k = options.engine().knowledge;
    // Titles come from knowledge files: no terminal escape sequence in them may reach the terminal.
    write(stripControls(`mou-bot — ${k.agreements.map((a) => a.meta.short_title?.vi ?? a.meta.title.vi).join('; ')}`));
    write(LABELS.vi.consoleIntro);
    write(LABELS.vi.followUps);
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
      const help = HELP.test(text);
      const answer = options.engine().ask(text.replace(HELP, 'help'), { pageSize: options.pageSize ?? 8 }, conversation);
      answered++;
      write(renderText(answer));
      // Help says what to ask; this says how to go on from an answer.
      if (help) write(`\n${LABELS[answer.lang].followUps}`);
      write('');
      if (interactive) output.write('> ');
    });
    rl.on('close', () => resolve(answered));
  });
}
