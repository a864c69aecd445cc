// ask() end to end on the shipped knowledge, one describe per intent.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answer/engine.ts';
import { answerRefs } from '../../src/answer/refs.ts';
import { renderText } from '../../src/answer/render-text.ts';
import type { Answer, CommitmentItem } from '../../src/answer/types.ts';
import { shippedEngine } from '../helpers.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await shippedEngine();
});

const ids = (a: Answer) => a.items.map((i) => i.id);
const commitment = (a: Answer, id: string) => a.items.find((i): i is CommitmentItem => i.type === 'commitment' && i.id === id);

describe('who a person is', () => {
  it('answers with titles, province and the source line', () => {
    const a = engine.ask('Dương Văn Thái là ai?');
    expect(a).toMatchObject({ intent: 'person', found: true, lang: 'vi' });
    const text = renderText(a);
    expect(text).toContain('Bí thư Tỉnh ủy');
    expect(text).toContain('Bắc Giang');
    expect(text).toContain('dòng 2');
  });
  it('answers in English with English titles and the Vietnamese original', () => {
    const a = engine.ask('Who is Le Anh Duong?');
    expect(a.lang).toBe('en');
    const text = renderText(a);
    expect(text).toContain("Chair of the Provincial People's Committee");
    expect(text).toContain('(Chủ tịch UBND tỉnh)');
  });
  it('includes what the source reports the person saying', () => {
    expect(ids(engine.ask('Nguyễn Thanh Hải phát biểu gì?'))).toEqual(expect.arrayContaining(['nguyen-thanh-hai', 'F9']));
  });
  it('reads "ông" + a given name as that given name, not a surname', () => {
    // Lê Ánh Dương's given name is Dương; Dương Văn Thái's surname is, and "ông Dương" is not him.
    expect(ids(engine.ask('ông Dương là ai'))).toEqual(['le-anh-duong']);
  });
  it('does not answer a wrong given name with a real surname', () => {
    expect(engine.ask('Dương Văn Hùng là ai?').found).toBe(false);
    expect(engine.ask('Nguyễn Văn A là ai').found).toBe(false);
  });
});

describe('who holds a role', () => {
  it('finds the holder by title and province, with or without diacritics', () => {
    expect(ids(engine.ask('Chủ tịch UBND tỉnh Bắc Giang là ai?'))).toEqual(['le-anh-duong']);
    expect(ids(engine.ask('chu tich hdnd thai nguyen'))).toEqual(['pham-hoang-son']);
    expect(ids(engine.ask("Who chairs the Thai Nguyen People's Committee?"))).toEqual(['trinh-viet-hung']);
  });
  it('prefers the more specific title (Phó Chủ tịch Thường trực)', () => {
    expect(ids(engine.ask('Phó Chủ tịch Thường trực HĐND tỉnh Bắc Giang là ai?'))).toEqual(['lam-thi-huong-thanh']);
  });
  it("does not give a province the article does not mention someone else's officials", () => {
    expect(engine.ask('Chủ tịch UBND tỉnh Lạng Sơn là ai?').found).toBe(false);
  });
  it('answers "ai chủ trì hội nghị?" with the co-chairs', () => {
    expect(ids(engine.ask('ai chủ trì hội nghị?'))).toEqual(expect.arrayContaining(['duong-van-thai', 'nguyen-thanh-hai']));
  });
});

describe('who is responsible', () => {
  it('tells stated roles from inferred ones, each with its basis', () => {
    const a = engine.ask('ai phu trach duong sat kep luu xa');
    expect(a.intent).toBe('responsibility');
    const c18 = commitment(a, 'C18');
    expect(c18?.roles).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          party: expect.objectContaining({ id: 'tct-dsvn' }),
          basis: 'stated',
          citation: expect.objectContaining({ line: 28 }),
        }),
        expect.objectContaining({ basis: 'inferred', note: expect.any(String) }),
      ]),
    );
    const text = renderText(a);
    expect(text).toContain('nêu rõ trong văn bản');
    expect(text).toContain('suy luận');
  });
  it('adds the general assignment of lines 16 and 18', () => {
    const a = engine.ask('Ai phụ trách cầu Hòa Sơn?');
    expect(a.generalRoles.map((r) => r.party.id)).toEqual(expect.arrayContaining(['so-nganh-hai-tinh', 'uv-btv-hai-tinh', 'btv-tu-bg']));
    expect(a.generalRoles.every((r) => r.basis === 'stated' && r.citation !== undefined)).toBe(true);
  });
  it('answers the MoU as a whole with the general assignment', () => {
    const a = engine.ask('Ai chịu trách nhiệm triển khai biên bản ghi nhớ?');
    expect(a.found).toBe(true);
    expect(answerRefs(a).map((r) => r.id)).toEqual(expect.arrayContaining(['so-nganh-hai-tinh', 'uv-btv-hai-tinh']));
  });
  it('answers English questions', () => {
    const a = engine.ask('Who is responsible for crime prevention in the border areas?');
    expect(ids(a)).toEqual(expect.arrayContaining(['C35']));
    expect(renderText(a)).toMatch(/công an|police/i);
  });
});

describe('what a body is responsible for', () => {
  it('lists the commitments where the body has a role', () => {
    const a = engine.ask('Công an hai tỉnh có nhiệm vụ gì?');
    expect(a.intent).toBe('duties');
    expect(ids(a)).toEqual(expect.arrayContaining(['C35', 'C36']));
    expect(answerRefs(a).map((r) => r.id)).toContain('cong-an-hai-tinh');
  });
  it('says so when the source names a body but assigns it nothing', () => {
    const a = engine.ask('Bộ Chính trị có nhiệm vụ gì?');
    expect(a.found).toBe(true);
    expect(a.notes.join(' ')).toMatch(/không giao/);
  });
});

describe('status lists', () => {
  // Not reported done: the 26 new commitments (`pending`) and the 8 the source words as continuing
  // (`ongoing`), counted apart in the headline.
  it('lists what is not reported done, new and continuing told apart, paged "1/5"', () => {
    const a = engine.ask('cam ket nao con dang cho');
    expect(a.intent).toBe('status_list');
    expect(a.page).toMatchObject({ index: 1, pages: 5, total: 34 });
    expect(a.headline).toMatch(/34 cam kết chưa được báo cáo là hoàn thành: 26 mới, 8 tiếp tục/);
    expect(renderText(a)).toContain('Trang 1/5');
    const p2 = engine.ask('cam ket nao con dang cho', { page: 2 });
    expect(p2.page?.index).toBe(2);
    expect(ids(p2)).not.toEqual(ids(a));
  });
  it('filters by area', () => {
    const a = engine.ask('cam kết về môi trường nào còn đang chờ?', { pageSize: 50 });
    expect(a.items.length).toBeGreaterThan(0);
    expect(a.items.every((i) => i.type === 'commitment' && i.area === 'environment')).toBe(true);
  });
  it('lists what is under way, results included', () => {
    expect(ids(engine.ask('những việc đang thực hiện'))).toEqual(expect.arrayContaining(['C19', 'C21', 'R3', 'R4']));
  });
  it('lists what is done from the earlier results', () => {
    expect(ids(engine.ask('what has been completed?', { pageSize: 20 }))).toEqual(expect.arrayContaining(['R2', 'R5']));
  });
});

describe('as-of dates', () => {
  it('every status answer says as of when', () => {
    const a = engine.ask('C18');
    expect(commitment(a, 'C18')?.status).toMatchObject({ status: 'pending', asOf: '2023-03-29' });
    expect(a.notes.join(' ')).toContain('29/3/2023');
  });
  it('says the period has ended when a pending commitment outlives it', async () => {
    expect((await shippedEngine({ now: () => new Date('2026-11-27') })).ask('C18').notes.join(' ')).toMatch(/đã kết thúc/);
    expect((await shippedEngine({ now: () => new Date('2024-06-01') })).ask('C18').notes.join(' ')).not.toMatch(/đã kết thúc/);
  });
});

describe('one commitment by id', () => {
  it('shows the clause with its source quote', () => {
    const a = engine.ask('cam kết C17');
    expect(a).toMatchObject({ intent: 'clause', found: true });
    expect(commitment(a, 'C17')?.citation).toMatchObject({ line: 28, quote: expect.stringContaining('Tam Kha') });
  });
  it('does not invent an id that does not exist', () => {
    expect(engine.ask('Cam kết C99 là gì?').found).toBe(false);
  });
});

describe('the agreement itself', () => {
  it('says when, where and for which period', () => {
    const text = renderText(engine.ask('Biên bản được ký khi nào, ở đâu?'));
    expect(text).toContain('29/3/2023');
    expect(text).toContain('thành phố Bắc Giang');
    expect(text).toContain('2023-2025');
  });
  it('names the signatories', () => {
    expect(ids(engine.ask('Ai ký kết biên bản ghi nhớ?'))).toEqual(expect.arrayContaining(['btv-tu-bg', 'btv-tu-tn']));
  });
});

describe('not found', () => {
  it('says so plainly and suggests real questions', () => {
    const a = engine.ask('Thời tiết Hà Nội ngày mai thế nào?');
    expect(a.found).toBe(false);
    expect(a.items).toEqual([]);
    expect(a.suggestions.length).toBeGreaterThanOrEqual(2);
    expect(a.suggestions.length).toBeLessThanOrEqual(3);
  });
  it("answers in the question's language", () => {
    expect(engine.ask('What is the capital of France?')).toMatchObject({ found: false, lang: 'en' });
  });
  it('never presents a clause for a topic the MoU does not cover', () => {
    for (const q of ['sân bay Bắc Giang', 'bệnh viện ở Võ Nhai', 'metro in Thai Nguyen', 'giá vàng hôm nay'])
      expect(engine.ask(q).found, q).toBe(false);
  });
});

describe('help', () => {
  it('shows example questions', () => {
    const a = engine.ask('help');
    expect(a.intent).toBe('help');
    expect(a.suggestions.length).toBeGreaterThanOrEqual(4);
  });
});
