// Follow-ups through the real engine on the shipped knowledge: each test is one conversation, as a
// chat would hold it (src/answer/conversation.ts), and asserts on the structured Answer.
import { beforeAll, describe, expect, it } from 'vitest';
import { Conversation, Conversations } from '../../src/answer/conversation.ts';
import type { Engine } from '../../src/answer/engine.ts';
import { renderText } from '../../src/answer/render-text.ts';
import type { Answer, CommitmentItem } from '../../src/answer/types.ts';
import { shippedEngine } from '../helpers.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await shippedEngine();
});

/** Turns a conversation keeps: MAX_TURNS in src/answer/conversation.ts (not exported). */
const MAX_TURNS = 4;

const ids = (a: Answer) => a.items.map((i) => i.id);

/** Asks each message in turn in one fresh conversation; returns every answer. */
function dialog(...messages: string[]): Answer[] {
  const c = new Conversation();
  return messages.map((m) => engine.ask(m, {}, c));
}

describe('asking the same of the other province', () => {
  it('"còn Thái Nguyên thì sao?" after the Bắc Giang chair of the People\'s Committee names the Thái Nguyên one', () => {
    const [first, second] = dialog('Chủ tịch UBND tỉnh Bắc Giang là ai?', 'còn Thái Nguyên thì sao?');
    expect(first).toMatchObject({ intent: 'role', found: true });
    expect(ids(first as Answer)).toEqual(['le-anh-duong']);
    expect(second).toMatchObject({ intent: 'role', found: true, lang: 'vi' });
    expect(ids(second as Answer)).toEqual(['trinh-viet-hung']);
    expect(second?.headline).toContain('Trịnh Việt Hùng');
    expect(second?.headline).not.toContain('Lê Ánh Dương');
    // The follow-up is made standalone: the same title, the other province.
    expect(second?.resolved).toMatch(/Chủ tịch UBND tỉnh Thái Nguyên/);
  });

  it('"con ben TN" without diacritics after "chu tich hdnd tinh bg la ai" names the Thái Nguyên chair of the People\'s Council', () => {
    const [first, second] = dialog('chu tich hdnd tinh bg la ai', 'con ben TN');
    expect(ids(first as Answer)).toEqual(['le-thi-thu-hong']);
    expect(first?.headline).toContain('Lê Thị Thu Hồng');
    expect(second).toMatchObject({ intent: 'role', found: true });
    expect(ids(second as Answer)).toEqual(['pham-hoang-son']);
    expect(second?.headline).toContain('Phạm Hoàng Sơn');
    expect(second?.headline).not.toContain('Lê Thị Thu Hồng');
    // Still the People's Council, not the People's Committee of Thái Nguyên.
    expect(ids(second as Answer)).not.toContain('trinh-viet-hung');
  });

  it('"What about Thai Nguyen?" after an English question answers in English with the Thái Nguyên chair', () => {
    const [first, second] = dialog("Who chairs the Bac Giang People's Committee?", 'What about Thai Nguyen?');
    expect(first).toMatchObject({ intent: 'role', found: true, lang: 'en' });
    expect(ids(first as Answer)).toEqual(['le-anh-duong']);
    expect(second).toMatchObject({ intent: 'role', found: true, lang: 'en' });
    expect(ids(second as Answer)).toEqual(['trinh-viet-hung']);
    expect(second?.headline).toContain('Trịnh Việt Hùng');
    expect(second?.headline).toContain("Chair of the Provincial People's Committee");
  });

  it('"thế còn bên kia?", "and the other province?" ask the same of the province not named', () => {
    const [, vi] = dialog('Bí thư Tỉnh ủy Bắc Giang là ai?', 'thế còn bên kia?');
    expect(ids(vi as Answer)).toEqual(['nguyen-thanh-hai']);
    const [, en] = dialog("Who chairs the People's Committee of Thai Nguyen?", 'and the other province?');
    expect(ids(en as Answer)).toEqual(['le-anh-duong']);
    expect(en?.lang).toBe('en');
    // Named inside a question, after a turn about a person: that person's province is the one meant.
    const [, hope] = dialog(
      "What did Duong Van Thai say about the two provinces' history?",
      "And what did the other province's secretary hope for?",
    );
    expect(hope?.headline).toMatch(/^Nguyễn Thanh Hải/);
  });

  it('reaches back past turns that name no province, within the turns kept', () => {
    // The role question is the oldest of the MAX_TURNS turns kept when the follow-up comes.
    const answers = dialog('Chủ tịch UBND tỉnh Bắc Giang là ai?', 'C18', 'ngầm Tam Kha', 'QL17', 'còn Thái Nguyên thì sao?');
    expect(ids(answers.at(-1) as Answer)).toEqual(['trinh-viet-hung']);
  });
});

describe('pronouns', () => {
  it('"Ông ấy còn giữ chức vụ gì?" is about the person just named, with his other offices', () => {
    const [first, second] = dialog('Bí thư Tỉnh ủy Bắc Giang là ai?', 'Ông ấy còn giữ chức vụ gì?');
    expect(ids(first as Answer)).toEqual(['duong-van-thai']);
    expect(second).toMatchObject({ intent: 'person', found: true });
    expect(ids(second as Answer)).toEqual(['duong-van-thai']);
    expect(second?.headline).toContain('Dương Văn Thái');
    expect(second?.headline).toMatch(/Trung ương|Quốc hội/);
  });

  it('"What else is he?" after an English role question is about the same person, in English', () => {
    const [first, second] = dialog('Who is the Party Secretary of Bac Giang?', 'What else is he?');
    expect(ids(first as Answer)).toEqual(['duong-van-thai']);
    expect(second).toMatchObject({ intent: 'person', found: true, lang: 'en' });
    expect(ids(second as Answer)).toEqual(['duong-van-thai']);
    expect(second?.headline).toMatch(/Central Committee|National Assembly/);
  });

  it('without a conversation, a pronoun has nothing to point at', () => {
    engine.ask('Bí thư Tỉnh ủy Bắc Giang là ai?');
    const a = engine.ask('Ông ấy còn giữ chức vụ gì?');
    expect(ids(a)).not.toEqual(['duong-van-thai']);
  });
});

describe('status of the thing just talked about', () => {
  it('"việc đó đã xong chưa?" after a topic answers the status of the same commitment', () => {
    const [first, second] = dialog('ngầm Tam Kha', 'việc đó đã xong chưa?');
    const firstId = first?.items[0]?.id;
    expect(firstId).toBe('C17');
    expect(second).toMatchObject({ intent: 'status', found: true });
    expect(second?.items[0]?.id).toBe(firstId);
    const c17 = second?.items[0] as CommitmentItem;
    expect(c17.status.status).toBe('pending');
    expect(second?.headline).toContain('chưa thực hiện');
  });

  it('"việc đó đã xong chưa?" after a responsibility question answers for its first commitment', () => {
    const [first, second] = dialog('Ai phụ trách cầu Hòa Sơn?', 'việc đó đã xong chưa?');
    expect(first?.items[0]?.id).toBe('C19');
    expect(second).toMatchObject({ intent: 'status', found: true });
    expect(second?.items[0]?.id).toBe('C19');
    const c19 = second?.items[0] as CommitmentItem;
    expect(c19.status.status).toBe('in_progress');
    expect(second?.headline).toContain('đang thực hiện');
  });

  it('"Is that done yet?" after an English responsibility question answers the status, in English', () => {
    const [first, second] = dialog('Who is responsible for the Kép - Lưu Xá railway?', 'Is that done yet?');
    expect(first?.items[0]?.id).toBe('C18');
    expect(second).toMatchObject({ intent: 'status', found: true, lang: 'en' });
    expect(second?.items[0]?.id).toBe('C18');
    expect(second?.headline).toMatch(/pending/);
  });
});

describe('paging: "tiếp" / "more"', () => {
  it('"tiếp" then "more" move to pages 2 and 3 of the same list', () => {
    const [first, second, third] = dialog('cam ket nao con dang cho', 'tiếp', 'more');
    expect(first).toMatchObject({ intent: 'status_list', page: { index: 1, pages: 5, total: 34 } });
    expect(second).toMatchObject({ intent: 'status_list', found: true, page: { index: 2, pages: 5, total: 34 } });
    expect(third).toMatchObject({ intent: 'status_list', found: true, page: { index: 3, pages: 5, total: 34 } });
    // Each page shows other entries than the one before.
    expect(ids(second as Answer)).toEqual(['C9', 'C10', 'C11', 'C12', 'C13', 'C14', 'C15', 'C16']);
    expect(ids(second as Answer).some((id) => ids(first as Answer).includes(id))).toBe(false);
    expect(ids(third as Answer).some((id) => ids(second as Answer).includes(id))).toBe(false);
    expect(second?.resolved).toBe('cam ket nao con dang cho');
  });

  it('"tiếp" on the last page says there is no more, and says so again', () => {
    const answers = dialog('pending transport commitments', 'tiếp', 'tiếp', 'tiếp');
    expect(answers[0]?.page).toMatchObject({ index: 1, pages: 2, total: 10 });
    expect(answers[1]?.page).toMatchObject({ index: 2, pages: 2, total: 10 });
    expect(ids(answers[1] as Answer)).toEqual(['C26', 'C27']);
    for (const a of answers.slice(2)) {
      expect(a).toMatchObject({ intent: 'unknown', found: false, items: [] });
      expect(a.page).toBeUndefined();
      expect(a.headline).toMatch(/Không còn gì để xem tiếp/);
    }
  });

  it('"tiếp" with no earlier list, or after an answer with one page, has nothing to page on', () => {
    const fresh = engine.ask('tiếp', {}, new Conversation());
    expect(fresh).toMatchObject({ intent: 'unknown', found: false, items: [] });
    expect(fresh.headline).toMatch(/Không còn gì để xem tiếp/);
    expect(engine.ask('more', {}, new Conversation())).toMatchObject({ intent: 'unknown', found: false, items: [] });
    expect(engine.ask('tiếp')).toMatchObject({ intent: 'unknown', found: false, items: [] });
    const [, after] = dialog('C18', 'tiếp');
    expect(after).toMatchObject({ intent: 'unknown', found: false, items: [] });
  });

  // The English answer itself says "Type “more” for the next page", and the next page comes in Vietnamese.
  it('"more" after an English list keeps the list\'s language', () => {
    const [first, second] = dialog('pending transport commitments', 'more');
    expect(first?.lang).toBe('en');
    expect(renderText(first as Answer)).toContain('Type “more” for the next page');
    expect(second?.page).toMatchObject({ index: 2 });
    expect(second?.lang).toBe('en');
  });
});

describe('an item of the last answer by its position', () => {
  it('"cái thứ hai" after a list answers its second entry in full', () => {
    const [first, second] = dialog('cam ket nao con dang cho', 'cái thứ hai');
    const wanted = first?.items[1]?.id;
    expect(wanted).toBe('C2');
    expect(second).toMatchObject({ intent: 'clause', found: true, detail: 'full', resolved: wanted });
    expect(ids(second as Answer)).toEqual([wanted]);
  });

  it('"the second one" after an English list answers its second entry', () => {
    const [first, second] = dialog('pending transport commitments', 'the second one');
    const wanted = first?.items[1]?.id;
    expect(wanted).toBe('C17');
    expect(second).toMatchObject({ intent: 'clause', found: true, lang: 'en' });
    expect(ids(second as Answer)).toEqual([wanted]);
    expect(ids(second as Answer)).not.toContain(first?.items[0]?.id);
  });

  it('a position past the end of the list is not an item of it', () => {
    const [, second] = dialog('cam ket nao con dang cho', 'cái thứ 20');
    expect(second?.intent).not.toBe('clause');
    expect(ids(second as Answer)).not.toContain('C20');
  });
});

describe('"chi tiết": the last answer in full', () => {
  it('after a responsibility answer, gives the same answer shown in full: roles, quotes, general assignment', () => {
    const [first, second] = dialog('Ai phụ trách cầu Hòa Sơn?', 'chi tiết');
    expect(ids(first as Answer)).toEqual(['C19', 'R3']);
    expect(first?.view).toBeUndefined();
    expect(second).toMatchObject({ intent: 'responsibility', found: true, view: 'full', resolved: 'Ai phụ trách cầu Hòa Sơn?' });
    expect(ids(second as Answer)).toEqual(['C19', 'R3']);
    const c19 = second?.items[0] as CommitmentItem;
    expect(c19.roles.length).toBeGreaterThan(0);
    expect(c19.citation).toMatchObject({ line: 29 });
    expect(renderText(second as Answer)).toContain('Phân công chung');
  });

  it('after a long list, gives the same page in full, not the next one', () => {
    const [first, second] = dialog('cam ket nao con dang cho', 'chi tiết');
    expect(first?.detail).toBe('brief');
    expect(second).toMatchObject({ intent: first?.intent, view: 'full' });
    expect(ids(second as Answer)).toEqual(ids(first as Answer));
    expect(second?.page?.index).toBe(first?.page?.index);
  });

  it('"trích dẫn" shows the quotes, "phân công chung" the general assignment', () => {
    const [, quotes] = dialog('Ai phụ trách cầu Hòa Sơn?', 'trích dẫn');
    expect(quotes?.view).toBe('quotes');
    expect(renderText(quotes as Answer)).toContain('dòng 29');
    const [, general] = dialog('Ai phụ trách cầu Hòa Sơn?', 'phân công chung');
    expect(general?.view).toBe('general');
    expect(renderText(general as Answer)).toContain('Ủy viên Ban Thường vụ');
  });

  it('"chi tiết phần …" after a list gives the entries the words point to', () => {
    const [first, second] = dialog('cam ket giao thong nao con dang cho', 'chi tiết phần ngầm Tam Kha');
    expect(ids(first as Answer)).toContain('C17');
    expect(second).toMatchObject({ intent: 'clause', detail: 'full' });
    expect(ids(second as Answer)).toEqual(['C17']);
  });

  it('after a role answer, gives the person in full', () => {
    const [, second] = dialog('Chủ tịch UBND tỉnh Bắc Giang là ai?', 'chi tiết');
    expect(second).toMatchObject({ intent: 'role', found: true, view: 'full' });
    expect(ids(second as Answer)).toEqual(['le-anh-duong']);
    expect(renderText(second as Answer)).toContain('Tại hội nghị');
  });

  it('with nothing before it, is no detail of anything', () => {
    const a = engine.ask('chi tiết', {}, new Conversation());
    expect(a.intent).not.toBe('clause');
    expect(a.items).toEqual([]);
  });

  // "more detail" holds "more", the paging word: it must still ask for detail.
  it('"more detail" after an answer gives it in full, not "nothing more"', () => {
    const [, second] = dialog('C18', 'more detail');
    expect(second).toMatchObject({ found: true, view: 'full' });
    expect(ids(second as Answer)).toEqual(['C18']);
  });

  // The English answer says "Type “details” for quotes": the reply stays in English.
  it('"details" after an English answer keeps English', () => {
    const [first, second] = dialog("Who chairs the Bac Giang People's Committee?", 'details');
    expect(first?.lang).toBe('en');
    expect(second).toMatchObject({ found: true, view: 'full' });
    expect(second?.lang).toBe('en');
  });

  // The short text says "Gõ “chi tiết” để xem trích dẫn"; the text of the reply to "chi tiết" (what
  // the console and `ask --batch` print) has the quotes and does not offer them again.
  it('rendered as text, the reply to "chi tiết" shows the quotes it promised', () => {
    const [first, second] = dialog('Ai phụ trách cầu Hòa Sơn?', 'chi tiết');
    expect(renderText(first as Answer)).toContain('Gõ “chi tiết” để xem trích dẫn');
    const text = renderText(second as Answer);
    expect(text).toContain('Nguồn:');
    expect(text).not.toContain('Gõ “chi tiết” để xem trích dẫn');
  });
});

describe('"When was it issued?"', () => {
  it('after the resolution the MoU cites, answers with its date 10/2/2022', () => {
    const [first, second] = dialog('Which Politburo resolution is referenced in the MoU?', 'When was it issued?');
    expect(ids(first as Answer)).toContain('C6');
    expect(renderText(first as Answer)).toContain('11-NQ/TW');
    expect(second?.found).toBe(true);
    expect(second?.lang).toBe('en');
    expect(ids(second as Answer)).toContain('C6');
    expect(renderText(second as Answer)).toContain('10/2/2022');
  });

  it('asked alone, has no resolution to date', () => {
    const a = engine.ask('When was it issued?', {}, new Conversation());
    expect(renderText(a)).not.toContain('10/2/2022');
  });
});

describe('conversations are separate and forget', () => {
  it("two conversations do not see each other's turns", () => {
    const a = new Conversation();
    const b = new Conversation();
    expect(ids(engine.ask('Chủ tịch UBND tỉnh Bắc Giang là ai?', {}, a))).toEqual(['le-anh-duong']);
    expect(ids(engine.ask('chu tich hdnd tinh bg la ai', {}, b))).toEqual(['le-thi-thu-hong']);
    // Each follow-up leans on its own conversation's question, not on the other's (nor the latest).
    expect(ids(engine.ask('còn Thái Nguyên thì sao?', {}, a))).toEqual(['trinh-viet-hung']);
    expect(ids(engine.ask('còn Thái Nguyên thì sao?', {}, b))).toEqual(['pham-hoang-son']);
    expect(a.turns.map((t) => t.text)).toEqual(['Chủ tịch UBND tỉnh Bắc Giang là ai?', 'Chủ tịch UBND tỉnh Thái Nguyên là ai?']);
    expect(b.turns).toHaveLength(2);
  });

  it('a fresh conversation has nothing to follow up on', () => {
    const a = new Conversation();
    const b = new Conversation();
    engine.ask('Chủ tịch UBND tỉnh Bắc Giang là ai?', {}, a);
    const other = engine.ask('còn Thái Nguyên thì sao?', {}, b);
    expect(ids(other)).not.toContain('trinh-viet-hung');
    expect(other.intent).not.toBe('role');
    expect(a.turns).toHaveLength(1);
  });

  it('Conversations gives the same conversation by key, and another key its own', () => {
    const all = new Conversations({ now: () => 0 });
    const a = all.get('chat-a');
    expect(all.get('chat-a')).toBe(a);
    expect(all.get('chat-b')).not.toBe(a);
    expect(all.size).toBe(2);
  });

  it('forgets a conversation idle for more than 30 minutes, and keeps one idle for 30', () => {
    let now = 1_000_000;
    const all = new Conversations({ now: () => now });
    engine.ask('Chủ tịch UBND tỉnh Bắc Giang là ai?', {}, all.get('kept'));
    engine.ask('Chủ tịch UBND tỉnh Bắc Giang là ai?', {}, all.get('forgotten'));

    now += 30 * 60_000;
    const kept = all.get('kept');
    expect(kept.turns).toHaveLength(1);
    expect(ids(engine.ask('còn Thái Nguyên thì sao?', {}, kept))).toEqual(['trinh-viet-hung']);

    now += 1;
    // 'forgotten' was last active 30 minutes and 1 ms ago.
    const forgotten = all.get('forgotten');
    expect(forgotten.turns).toHaveLength(0);
    expect(ids(engine.ask('còn Thái Nguyên thì sao?', {}, forgotten))).not.toContain('trinh-viet-hung');
  });

  it('each message restarts the idle clock', () => {
    let now = 0;
    const all = new Conversations({ now: () => now });
    engine.ask('Chủ tịch UBND tỉnh Bắc Giang là ai?', {}, all.get('chat'));
    now += 20 * 60_000;
    all.get('chat');
    now += 20 * 60_000;
    // 40 minutes since the question, 20 since the last message: still remembered.
    expect(ids(engine.ask('còn Thái Nguyên thì sao?', {}, all.get('chat')))).toEqual(['trinh-viet-hung']);
  });

  it('keeps at most `max` conversations, forgetting the least recently active', () => {
    const all = new Conversations({ max: 2, now: () => 0 });
    const a = all.get('a');
    engine.ask('C18', {}, all.get('b'));
    all.get('a');
    all.get('c');
    expect(all.size).toBe(2);
    // 'b' was the least recently active; 'a' was touched after it.
    expect(all.get('a')).toBe(a);
    expect(all.get('b').turns).toHaveLength(0);
  });

  it('keeps at most MAX_TURNS turns, the newest', () => {
    const c = new Conversation();
    const questions = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6'];
    for (const q of questions) engine.ask(q, {}, c);
    expect(c.turns).toHaveLength(MAX_TURNS);
    expect(c.turns.map((t) => t.text)).toEqual(questions.slice(-MAX_TURNS));
    expect(c.last?.text).toBe('C6');
  });

  it('a follow-up cannot reach a turn older than the turns kept', () => {
    // Five turns after the role question: it has been dropped, so no province is swapped into it.
    const answers = dialog('Chủ tịch UBND tỉnh Bắc Giang là ai?', 'C18', 'ngầm Tam Kha', 'QL17', 'cầu Hòa Sơn', 'còn Thái Nguyên thì sao?');
    const last = answers.at(-1) as Answer;
    expect(ids(last)).not.toContain('trinh-viet-hung');
    expect(last.intent).not.toBe('role');
  });
});
