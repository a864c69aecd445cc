// What issue 11 saw go wrong with questions written from the article alone, each kept as a case:
// a cue read by what it attaches to, a fragment that must not take over, results, bodies the source
// does not name, near misses that must not be sold as answers, typos in names, numbered questions.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answer/engine.ts';
import { renderText } from '../../src/answer/render-text.ts';
import type { Answer } from '../../src/answer/types.ts';
import { shippedEngine } from '../helpers.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await shippedEngine();
});

const ids = (a: Answer) => a.items.map((i) => i.id);
const text = (q: string) => renderText(engine.ask(q));

describe('cues read by what they attach to', () => {
  it('"đang làm việc" is no status: the workers figure of line 10 answers', () => {
    const a = engine.ask('Có bao nhiêu lao động Bắc Giang đang làm việc ở Thái Nguyên?');
    expect(a.found).toBe(true);
    expect(renderText(a)).toContain('10 nghìn');
  });

  it('"giai đoạn nào" of a project asks its status, not the agreement period', () => {
    const a = engine.ask('Dự án đường sắt Kép Lưu Xá đang ở giai đoạn nào?');
    expect(a.intent).toBe('status');
    expect(ids(a)).toContain('C18');
  });

  it('"tổng cộng" counts commitments; it is not "Tổng Công ty"', () => {
    const a = engine.ask('Có tổng cộng bao nhiêu cam kết?');
    expect(a.headline).toMatch(/36 cam kết/);
    expect(ids(a)).not.toContain('C18');
  });

  it('"thi đấu" is not "đầu tư": sport competitions are not in the source, the exchanges of C33 are the nearest', () => {
    const a = engine.ask('thi đấu thể thao');
    expect(a.found).toBe(false);
    expect(a.nearest?.map((n) => n.id)).toEqual(['C33']);
    expect(ids(a)).not.toContain('C12');
  });

  it('"Ngày ký kết …?" asks the date, "do ai viết" the author; a year the line lacks is told as inferred', () => {
    const when = engine.ask('Ngày ký kết biên bản hợp tác BG - TN?');
    expect(when.headline).toContain('29/3/2023');
    expect(when.headline).toContain('năm suy ra từ dòng 19');
    expect(engine.ask('When was the MoU signed?').headline).toContain('year inferred from line 19');
    expect(engine.ask('Bài báo này do ai viết?').headline).toContain('Dương Thủy');
  });

  it('"diễn ra", "take place" ask where or when the conference was, not a topic', () => {
    for (const q of ['Hội nghị diễn ra ở đâu?', 'Where did the conference take place?']) {
      const a = engine.ask(q);
      expect(a.intent).toBe('agreement');
      expect(a.headline).toMatch(/Bắc Giang/);
    }
    // The next conference is not this one.
    expect(engine.ask('Where will the next joint conference take place?').found).toBe(false);
  });

  it('"Tính đến lúc ký, …" dates the question; it is not what is asked', () => {
    const a = engine.ask('Tính đến lúc ký, hai tỉnh đã tái lập được bao nhiêu năm?');
    expect(a.found).toBe(true);
    expect(renderText(a).slice(0, 400)).toContain('25 năm');
  });

  it('a time to come is not the signing date', () => {
    const a = engine.ask('Khi nào hai tỉnh sẽ tổ chức sơ kết việc thực hiện biên bản?');
    expect(a.found).toBe(false);
    expect(renderText(a)).not.toContain('29/3/2023');
  });
});

describe('a speech that runs over several lines', () => {
  it('lines 7–13 continue the opening remarks of line 6: his by inference, and said so', () => {
    const a = engine.ask('Bí thư Bắc Giang nhận xét thế nào về những hạn chế trong hợp tác giữa hai tỉnh thời gian qua?');
    expect(a.found).toBe(true);
    expect(a.headline).toMatch(/^Dương Văn Thái \(dòng 13; suy luận: tiếp nối phát biểu từ dòng 6\)/);
    expect(a.headline).toContain('chưa tương xứng');
    // His own line 6 needs no inference.
    expect(engine.ask('Dương Văn Thái nói gì?').headline).toMatch(/^Dương Văn Thái \(dòng 6, /);
  });
});

describe('duties asked with an assignment verb', () => {
  it('"được giao trách nhiệm gì" asks the duties; "giao" is no task of its own', () => {
    const a = engine.ask('Các Ủy viên Ban Thường vụ hai tỉnh được giao trách nhiệm gì?');
    expect(a.found).toBe(true);
    expect(a.assignments?.length).toBeGreaterThan(0);
    // A task the party does not have is still said to be missing.
    expect(engine.ask('Công an hai tỉnh có nhiệm vụ cấp hộ chiếu không?').found).toBe(false);
  });
});

describe('status asked as approval', () => {
  it('"đã được phê duyệt chưa?", "already approved, or just a request?" ask the status', () => {
    const vi = engine.ask('Cơ chế cho ATK đã được TW phê duyệt chưa?');
    expect(vi.intent).toBe('status');
    expect(vi.headline).toMatch(/C12.*chưa thực hiện/);
    const en = engine.ask('Is restoring the Kep - Luu Xa railway already approved, or just a request?');
    expect(en.found).toBe(true);
    expect(en.headline).toMatch(/C18.*pending/);
  });
});

describe('chat abbreviations', () => {
  it('"bb" is biên bản and "bn" bao nhiêu, as officials type them', () => {
    const workers = engine.ask('lao dong BG dang lam o TN khoang bn nguoi');
    expect(workers.found).toBe(true);
    expect(renderText(workers).slice(0, 400)).toContain('10 nghìn');
    const lake = engine.ask('ho nui coc nam trong noi dung nao cua bb');
    expect(lake.found).toBe(true);
    expect(ids(lake)).toContain('C15');
  });
});

describe('English question verbs', () => {
  it('"located", "appear", "held" frame the question; they are not a topic the source lacks', () => {
    const a = engine.ask('Which military region are both provinces located in?');
    expect(a.found).toBe(true);
    expect(renderText(a).slice(0, 400)).toContain('Quân khu 1');
    // A word the knowledge never uses is still a topic it does not cover.
    expect(engine.ask('Which hotels are located near Nui Coc lake?').found).toBe(false);
  });

  it('"Who gave the opening speech?" is answered by what someone did at the conference', () => {
    const a = engine.ask('Who gave the opening speech at the conference?');
    expect(a.found).toBe(true);
    expect(a.headline).toMatch(/^Dương Văn Thái/);
    // "opening" is the speech's, not a road's opening (thông xe): no status answer.
    expect(a.intent).not.toBe('status');
    expect(engine.ask('Who won the football match?').found).toBe(false);
  });
});

describe('results before the MoU', () => {
  it.each([
    'Trước đây hai tỉnh đã làm được gì?',
    'Những kết quả hợp tác nào đã đạt được?',
    'What had the provinces achieved before the signing?',
  ])('%s lists the earlier results', (q) => {
    const a = engine.ask(q);
    expect(a.intent).toBe('results');
    expect(ids(a)).toEqual(expect.arrayContaining(['R1', 'R5']));
  });

  it('"What has already been achieved in tourism?" gives the Famtrip delegations, not pending work', () => {
    const a = engine.ask('What has already been achieved in tourism?');
    expect(a.intent).toBe('results');
    expect(ids(a)[0]).toBe('R5');
  });
});

describe('bodies and people the source does not name', () => {
  it('"Sở Giao thông vận tải Bắc Giang" is not the Ministry', () => {
    const a = engine.ask('Sở Giao thông vận tải Bắc Giang phải làm gì?');
    expect(a.found).toBe(false);
    expect(a.headline).toContain('Sở Giao thông vận tải');
    expect(a.headline).not.toContain('Bộ Giao thông vận tải');
  });

  it('a department the source does not name leads nothing: "chủ trì việc …" is not the co-chairs', () => {
    const a = engine.ask('Biên bản có giao Sở Xây dựng Bắc Giang chủ trì việc chống ô nhiễm sông Cầu không?');
    expect(a.found).toBe(false);
    expect(a.headline).toContain('Sở Xây dựng');
    expect(a.headline).not.toContain('Đồng chủ trì');
    expect(engine.ask('Ai chủ trì hội nghị?').headline).toMatch(/Đồng chủ trì hội nghị: Dương Văn Thái và Nguyễn Thanh Hải/);
  });

  it('"Which Bac Giang department…" is answered: the source names no department', () => {
    const a = engine.ask('Which Bac Giang department is assigned to lead digital transformation under the MoU?');
    expect(a.found).toBe(false);
    expect(a.headline).toMatch(/names no such particular body/);
  });

  it('a deputy of an office is not its holder: "Phó Chủ tịch UBND" is nobody named, the Chair only the nearest', () => {
    for (const q of ['Phó Chủ tịch UBND tỉnh Thái Nguyên là ai?', "Who is the Vice Chair of Thai Nguyen People's Committee?"]) {
      const a = engine.ask(q);
      expect(a.found).toBe(false);
      expect(a.items).toEqual([]);
    }
    // The Chair holds "Phó Bí thư" and "Chủ tịch UBND": two offices, not a deputy chair.
    const vi = engine.ask('Phó Chủ tịch UBND tỉnh Thái Nguyên là ai?');
    expect(vi.nearest?.map((i) => i.id)).toContain('trinh-viet-hung');
  });

  it('a body the source does not put at the conference did not attend, whatever the attendee list says', () => {
    for (const q of ['Có đại diện Bộ GTVT tham dự hội nghị ký kết không?', 'Did the Ministry of Transport attend?']) {
      const a = engine.ask(q);
      expect(a.found).toBe(false);
      expect(a.headline).toMatch(/Bộ Giao thông vận tải/);
      // Who did attend is told beside it, from lines 2–5.
      expect(a.headline).toContain('Dương Văn Thái');
    }
    // The line on who else attended names the Fatherland Front: that one did.
    const mttq = engine.ask('Ủy ban MTTQ tỉnh Bắc Giang có dự hội nghị không?');
    expect(mttq.found).toBe(true);
    expect(mttq.headline).toContain('Ủy ban MTTQ');
  });

  it('asked whether someone attended, the answer says yes first, about that person only', () => {
    const a = engine.ask('Lê Ánh Dương có dự hội nghị không?');
    expect(a.headline).toMatch(/^Có\. /);
    expect(ids(a)).toEqual(['le-anh-duong']);
    expect(engine.ask('Did Trinh Viet Hung attend the conference?').headline).toMatch(/^Yes\. /);
    expect(engine.ask('Chủ tịch UBND Thái Nguyên có dự ko?').headline).toMatch(/^Có\. .*Trịnh Việt Hùng/);
    // Named in the report, but not as attending: the author.
    expect(engine.ask('Dương Thủy có dự hội nghị không?').found).toBe(false);
    // Not a yes-or-no question: the list, as it was.
    expect(engine.ask('Ai dự hội nghị?').headline).toMatch(/^Dự hội nghị \(7/);
  });

  it('"Ngoài X thì …" sets X aside even without a comma', () => {
    const a = engine.ask('Ngoài lãnh đạo chủ chốt thì những thành phần nào cùng dự hội nghị?');
    expect(a.found).toBe(true);
    expect(a.headline).toContain('Cùng dự');
    const b = engine.ask('ngoai 2 bi thu thi con ai du hoi nghi');
    expect(b.items.map((i) => i.id)).not.toContain('duong-van-thai');
    expect(b.items.map((i) => i.id)).toContain('le-anh-duong');
  });

  it('someone who holds two offices is named by both together ("… kiêm …")', () => {
    const a = engine.ask('Ai là Phó Bí thư Tỉnh ủy kiêm Chủ tịch UBND tỉnh Bắc Giang?');
    expect(a.found).toBe(true);
    expect(ids(a)).toEqual(['le-anh-duong']);
  });

  it.each([
    ['Dân số tỉnh Thái Nguyên bao nhiêu?', /không nêu/],
    ['Chủ tịch Ủy ban MTTQ tỉnh Bắc Giang là ai?', /không nêu/],
    ['hotels near Nui Coc lake', /says nothing/],
    ['Biên bản có cam kết gì về nhà ở xã hội không?', /không có/],
  ])('%s is not found, however near a clause is', (q, says) => {
    const a = engine.ask(q);
    expect(a.found).toBe(false);
    expect(a.headline).toMatch(says);
  });
});

describe('several questions in one message', () => {
  it('two chairs in two clauses name both people', () => {
    const out = text("Who chairs the People's Committee in Bắc Giang, and who chairs the People's Council in Thái Nguyên?");
    expect(out).toContain('Lê Ánh Dương');
    expect(out).toContain('Phạm Hoàng Sơn');
  });

  it('numbered questions are answered one by one, the lead-in before each', () => {
    const a = engine.ask(
      "Please give me (1) the number of Bac Giang workers employed in Thai Nguyen and (2) the number of Samsung satellite enterprises in Bac Giang's industrial parks.",
    );
    expect(a.parts?.map((p) => p.found)).toEqual([true, true]);
    const out = renderText(a);
    expect(out).toContain('10 nghìn');
    expect(out).toContain('40');
  });
});

describe('typos', () => {
  it('"thái ngyên", "tam kah" are read as the names', () => {
    const a = engine.ask('thái ngyên có cam kết gì về tam kah');
    expect(a.found).toBe(true);
    expect(a.resolved).toContain('tam kha');
    expect(ids(a)).toContain('C17');
  });

  it('a word typed with diacritics is not corrected toward a phrase it happens to fit ("bản sắc")', () => {
    expect(engine.ask('Về thu hút đầu tư nước ngoài, biên bản xác định trọng tâm là những lĩnh vực nào?').resolved ?? '').not.toContain(
      'sac',
    );
  });
});
