// `ask --json --batch` with conversations: stdin mixes plain questions and {"conversation": id, "q": …}
// lines (src/batch.ts). One real process for the whole file; each test reads its lines.
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI as a real process, as test/cli/cli.test.ts runs it. */
function cli(args: string[], input: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli.ts'), ...args], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        KNOWLEDGE_DIR: join(ROOT, 'knowledge'),
        DATA_DIR: join(tmpdir(), `mou-cli-batch-${process.pid}`),
        LOG_LEVEL: 'info',
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (stdout += d));
    child.stderr.on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

interface Line {
  found: boolean;
  intent: string;
  lang: string;
  text: string;
  items: { type: string; id: string; agreement: string }[];
  page: { index: number; pages: number; total: number } | null;
  answer: { headline: string; question: string; resolved?: string; items: { id: string }[] };
}

const inConversation = (conversation: string | number, q: string) => JSON.stringify({ conversation, q });

/** The input, line by line, with a name for each line the tests look at. */
const INPUT = {
  plainRole: 'Chủ tịch UBND tỉnh Bắc Giang là ai?',
  plainFollowUp: 'còn Thái Nguyên thì sao?',
  aRole: inConversation('a', 'Chủ tịch UBND tỉnh Bắc Giang là ai?'),
  bRole: inConversation('b', 'chu tich hdnd tinh bg la ai'),
  plainBetween: 'C18',
  aFollowUp: inConversation('a', 'còn Thái Nguyên thì sao?'),
  bFollowUp: inConversation('b', 'con ben TN'),
  cFollowUp: inConversation('c', 'còn Thái Nguyên thì sao?'),
  listPage1: inConversation('list', 'cam ket nao con dang cho'),
  malformed: '{"conversation": "list", "q": ',
  listPage2: inConversation('list', 'tiếp'),
  plainNext: 'tiếp',
  numericId: inConversation(7, 'Bí thư Tỉnh ủy Bắc Giang là ai?'),
  stringId: inConversation('7', 'Ông ấy còn giữ chức vụ gì?'),
  blank: '',
  last: 'chu tich hdnd thai nguyen',
};
type Name = keyof typeof INPUT;
const NAMES = Object.keys(INPUT) as Name[];

let run: Run;
let lines: Line[];
const out = (name: Name) => lines[NAMES.indexOf(name)] as Line;
const ids = (l: Line) => l.answer.items.map((i) => i.id);

beforeAll(async () => {
  run = await cli(['ask', '--json', '--batch'], `${Object.values(INPUT).join('\n')}\n`);
  lines = run.stdout
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);
});

describe('ask --json --batch with conversations', () => {
  it('writes one JSON line per input line, in order, and exits 0', () => {
    expect(run.code).toBe(0);
    expect(lines).toHaveLength(NAMES.length);
    // Each line answers its own input: the question it echoes is that line's question.
    expect(out('plainRole').answer.question).toBe(INPUT.plainRole);
    expect(out('plainBetween').items[0]).toMatchObject({ type: 'commitment', id: 'C18' });
    expect(out('aRole').answer.question).toBe('Chủ tịch UBND tỉnh Bắc Giang là ai?');
    expect(out('bRole').answer.question).toBe('chu tich hdnd tinh bg la ai');
    expect(out('blank').found).toBe(false);
    expect(ids(out('last'))).toEqual(['pham-hoang-son']);
  });

  it('reads the question of a conversation line, not the JSON around it', () => {
    expect(out('aRole')).toMatchObject({ found: true, intent: 'role' });
    expect(ids(out('aRole'))).toEqual(['le-anh-duong']);
    expect(out('aRole').text).not.toContain('conversation');
    expect(ids(out('bRole'))).toEqual(['le-thi-thu-hong']);
  });

  it('lines with the same conversation id share context: the follow-up resolves', () => {
    const a = out('aFollowUp');
    expect(a).toMatchObject({ found: true, intent: 'role' });
    expect(ids(a)).toEqual(['trinh-viet-hung']);
    expect(a.answer.resolved).toMatch(/Chủ tịch UBND tỉnh Thái Nguyên/);
    expect(a.text).toContain('Trịnh Việt Hùng');
  });

  it('conversations interleaved with each other and with plain lines each follow their own question', () => {
    // 'b' asked of the People's Council: its follow-up is the Council's chair, not the Committee's of 'a'.
    expect(ids(out('bFollowUp'))).toEqual(['pham-hoang-son']);
    expect(out('bFollowUp').text).toContain('Phạm Hoàng Sơn');
  });

  it("a different conversation id, or a plain line, does not see the others' context", () => {
    for (const name of ['cFollowUp', 'plainFollowUp'] as const) {
      expect(ids(out(name))).not.toContain('trinh-viet-hung');
      expect(out(name).intent).not.toBe('role');
      expect(out(name).answer.resolved).toBeUndefined();
    }
    // A plain "tiếp" does not page the list of conversation 'list'.
    expect(out('plainNext')).toMatchObject({ found: false, page: null });
  });

  it('paging follows the conversation: "tiếp" gives page 2 of that conversation\'s list', () => {
    expect(out('listPage1').page).toMatchObject({ index: 1, pages: 5, total: 34 });
    expect(out('listPage2')).toMatchObject({ found: true, intent: 'status_list', page: { index: 2, pages: 5, total: 34 } });
    const first = ids(out('listPage1'));
    expect(ids(out('listPage2')).some((id) => first.includes(id))).toBe(false);
  });

  it('a numeric conversation id is the same conversation as its string', () => {
    expect(ids(out('numericId'))).toEqual(['duong-van-thai']);
    const follow = out('stringId');
    expect(follow).toMatchObject({ found: true, intent: 'person' });
    expect(ids(follow)).toEqual(['duong-van-thai']);
  });

  it('a malformed line starting with "{" gets a line of its own and the batch goes on', () => {
    const bad = out('malformed');
    // Not a conversation line: nothing is answered from it, and it does not break the conversation it names.
    expect(bad.found).toBe(false);
    expect(bad.items).toEqual([]);
    expect(bad.page).toBeNull();
    expect(out('listPage2').page).toMatchObject({ index: 2 });
    expect(ids(out('last'))).toEqual(['pham-hoang-son']);
  });

  // A malformed JSON line is read as a plain question (src/batch.ts: "a question that starts with a
  // brace is still a question"): one answer line, not found, as the test above checks; README says so.
});
