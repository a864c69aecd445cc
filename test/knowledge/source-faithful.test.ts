// The shipped knowledge must claim no more than the article says (issue 12). Like
// honest-knowledge.test.ts, this reads the YAML directly, so a loader bug cannot hide a bad entry.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answer/engine.ts';
import { renderText } from '../../src/answer/render-text.ts';
import { AGREEMENT_DIR, KNOWLEDGE_DIR, shippedEngine } from '../helpers.ts';

interface Citation {
  line: number;
  quote: string;
}
interface Role {
  role: string;
  party: string;
  basis: string;
  note?: { vi: string; en?: string };
}
interface Entry {
  id: string;
  incomplete_list?: boolean;
  note?: { vi: string; en?: string };
  title: { vi: string; en: string };
  responsible?: Role[];
  status: string;
  status_source?: Citation;
  status_note?: { vi: string; en?: string };
  text: string;
  source: Citation;
}

const yaml = (file: string) => parse(readFileSync(join(AGREEMENT_DIR, file), 'utf8'));
const commitments: Entry[] = yaml('commitments.yaml').commitments;
const results: Entry[] = yaml('results.yaml').results;
const general: {
  role: string;
  party: string;
  scope: string;
  requested_by?: Citation & { speaker: string };
  source: Citation;
}[] = yaml('agreement.yaml').general_responsibility;
const byId = (id: string) => [...commitments, ...results].find((e) => e.id === id);

describe('statuses say no more than the source', () => {
  it('every status other than pending cites what supports it', () => {
    const unsupported = [...commitments, ...results].filter((e) => e.status !== 'pending' && !e.status_source).map((e) => e.id);
    expect(unsupported).toEqual([]);
  });

  it('R6 (line 11 has no "đã") is not reported done, and cites line 11', () => {
    const r6 = byId('R6');
    expect(r6?.status).not.toBe('done');
    expect(r6?.status_source?.line).toBe(11);
    expect(r6?.status_note?.vi).toContain('không có “đã”');
  });

  it('R4 says its status is inferred from line 30, where Bắc Giang alone is investing', () => {
    const r4 = byId('R4');
    expect(r4?.status_source).toEqual({ line: 30, quote: '(tỉnh Bắc Giang đang đầu tư)' });
    expect(r4?.status_note?.vi).toMatch(/chỉ tỉnh Bắc Giang là bên đang đầu tư/);
    expect(r4?.status_note?.en).toMatch(/Bắc Giang alone is investing/);
  });
});

describe('continuing work is told apart from new work', () => {
  const ongoing = commitments.filter((c) => c.status === 'ongoing');

  it('the eight commitments the article words as continuing are ongoing, not pending', () => {
    expect(ongoing.map((c) => c.id)).toEqual(['C20', 'C22', 'C23', 'C24', 'C25', 'C34', 'C35', 'C36']);
  });

  it('each ongoing commitment quotes its "tiếp tục" or "duy trì", on its own line', () => {
    for (const c of ongoing) {
      expect(c.status_source?.quote, c.id).toMatch(/tiếp tục|duy trì/iu);
      expect(c.status_source?.line, c.id).toBe(c.source.line);
    }
  });

  it('no pending commitment is worded as continuing, except C12, where "tiếp tục" is what the centre is asked for', () => {
    const continuingWords = commitments.filter((c) => c.status === 'pending' && /tiếp tục|duy trì/iu.test(c.text));
    expect(continuingWords.map((c) => c.id)).toEqual(['C12']);
    expect(byId('C12')?.text).toContain('Đề xuất với Trung ương có cơ chế tiếp tục đầu tư');
  });
});

describe('speeches are not terms of the MoU', () => {
  it('every general assignment is a request from a speech, with who asked and where', () => {
    for (const g of general) {
      expect(g.requested_by, g.party).toBeDefined();
      expect(g.requested_by?.quote, g.party).toContain('đề nghị');
      expect(g.requested_by?.line, g.party).toBe(g.source.line);
    }
    const speakers = new Set(general.map((g) => `${g.requested_by?.speaker}@${g.requested_by?.line}`));
    expect(speakers).toEqual(new Set(['duong-van-thai@18', 'nguyen-thanh-hai@16']));
  });

  it("line 16's advising and directing apply only to difficulties and obstacles, and quote that condition", () => {
    const line16 = general.filter((g) => g.source.line === 16);
    expect(line16.length).toBeGreaterThan(0);
    for (const g of line16) {
      expect(g.scope, g.party).toBe('problems');
      expect(g.source.quote, g.party).toMatch(/^Trong quá trình thực hiện gặp khó khăn, vướng mắc,.*nhất là về cơ chế, chính sách$/);
    }
  });

  it('"who is told of problems" and "who directs implementation" have different answers', () => {
    const parties = (scope: string, role: string) =>
      general
        .filter((g) => g.scope === scope && g.role === role)
        .map((g) => g.party)
        .sort();
    expect(parties('problems', 'direct')).toEqual(['bcsd-ubnd-bg', 'bcsd-ubnd-tn', 'btv-tu-bg', 'btv-tu-tn']);
    expect(parties('implementation', 'lead')).toEqual(['uv-btv-hai-tinh']);
    expect(parties('implementation', 'direct')).toEqual([]);
  });
});

describe('inferred roles rest on what the article says', () => {
  const inferred = commitments.flatMap((c) => (c.responsible ?? []).filter((r) => r.basis === 'inferred').map((r) => ({ id: c.id, ...r })));

  it('no note claims the MoU binds anyone (an MoU binds no one; its signatories are the Standing Committees)', () => {
    for (const r of inferred) {
      expect(r.note?.vi, `${r.id} ${r.party}`).not.toMatch(/ràng buộc/);
      expect(r.note?.en, `${r.id} ${r.party}`).not.toMatch(/\bbinds?\b/);
    }
  });

  it('a province inferred to act in a subjectless clause is pointed to lines 20, 21 and 29', () => {
    const provinces = inferred.filter((r) => r.party.startsWith('tinh-') && r.role === 'implement' && r.id !== 'C3');
    expect(provinces.length).toBeGreaterThan(40);
    for (const r of provinces) {
      expect(r.note?.vi, `${r.id} ${r.party}`).toContain('“Theo đó, thống nhất hai địa phương…” (dòng 20)');
      expect(r.note?.vi, `${r.id} ${r.party}`).toMatch(/“Hai bên” \(dòng 21\), “Hai tỉnh” \(dòng 29\)/);
    }
  });
});

describe('glossary: synonym groups hold only words that mean the same', () => {
  const glossary = parse(readFileSync(join(KNOWLEDGE_DIR, 'glossary.yaml'), 'utf8'));
  const groups: string[][] = glossary.synonyms.map((g: string[]) => g.map((p) => p.toLowerCase()));
  const groupOf = (phrase: string) => groups.filter((g) => g.includes(phrase.toLowerCase()));
  const together = (a: string, b: string) => groups.some((g) => g.includes(a.toLowerCase()) && g.includes(b.toLowerCase()));

  it.each([
    ['công chức', 'viên chức'],
    ['cầu mới', 'cầu hòa sơn'],
    ['sông cầu', 'lòng sông'],
    ['sông cầu', 'lưu vực sông'],
    ['lòng sông', 'lưu vực sông'],
    ['nguồn nước', 'nước mặt'],
    ['nguồn nước', 'nước hồ'],
    ['nguồn nước', 'chất lượng nước'],
    ['nước mặt', 'nước hồ'],
    ['nước mặt', 'chất lượng nước'],
    ['nước hồ', 'chất lượng nước'],
    ['hồ núi cốc', 'lake'],
    ['standing', 'thường trực'],
    ['jobs', 'lao động'],
    ['employment', 'lao động'],
    ['presided', 'đồng chủ trì'],
    ['road', 'đường địa phương'],
    ['road', 'đường vành đai'],
    ['border areas', 'giáp ranh'],
    ['aquaculture', 'thủy sản'],
  ])('"%s" and "%s" are not one group', (a, b) => {
    expect(together(a, b)).toBe(false);
  });

  it.each([
    ['standing', 'thường vụ'],
    ['permanent', 'thường trực'],
    ['jobs', 'việc làm'],
    ['presided', 'chủ trì'],
    ['co-chaired', 'đồng chủ trì'],
    ['border areas', 'biên giới'],
    ['fisheries', 'thủy sản'],
  ])('"%s" goes with "%s"', (a, b) => {
    expect(together(a, b)).toBe(true);
  });

  it('no generic bridge, river or lake group holds a proper name', () => {
    for (const word of ['bridge', 'river', 'lake', 'reservoir']) {
      for (const g of groupOf(word)) expect(g.filter((p) => /hòa sơn|cầu mới|sông cầu|núi cốc|tam kha/u.test(p))).toEqual([]);
    }
  });

  it('expands FDI and PCI to what they stand for', () => {
    const long = (short: string) => glossary.abbreviations.find((a: { short: string }) => a.short === short)?.long;
    expect(long('FDI')).toBe('đầu tư trực tiếp nước ngoài');
    expect(long('PCI')).toBe('chỉ số năng lực cạnh tranh cấp tỉnh');
  });
});

describe('titles and translations say what the line says', () => {
  it('C10 is about investment in processing and high-tech manufacturing, smart and green industry, not FDI alone', () => {
    const c10 = byId('C10');
    expect(c10?.title.vi).not.toContain('FDI');
    expect(c10?.title.vi).toContain('công nghiệp chế biến, chế tạo công nghệ cao, sản xuất thông minh, công nghiệp xanh');
    expect(c10?.title.en).toMatch(/processing and manufacturing, smart manufacturing and green industry/);
  });

  it('adds nothing and drops nothing: C9 has no "(PCI)", C11 is fisheries, C12 keeps "tiếp tục"', () => {
    expect(byId('C9')?.title.en).not.toContain('PCI');
    expect(byId('C11')?.title.en).toContain('fisheries');
    expect(byId('C11')?.title.en).not.toContain('aquaculture');
    expect(byId('C12')?.title.vi).toContain('tiếp tục');
    expect(byId('C12')?.title.en).toContain('continue');
  });

  it("the agreement's English title keeps “về việc triển khai các biện pháp”", () => {
    expect(yaml('agreement.yaml').title.en).toMatch(/^Memorandum of understanding on implementing measures for/);
  });

  it('line 6 speaks of the pre-uprising period, not of wartime', () => {
    const thai = yaml('people.yaml').people.find((p: { id: string }) => p.id === 'duong-van-thai');
    const line6 = thai.mentions.find((m: Citation) => m.line === 6);
    expect(line6.about.vi).toContain('thời kỳ tiền khởi nghĩa');
    expect(line6.about.en).toContain('pre-uprising');
    expect(line6.about.en).not.toMatch(/wartime/);
  });
});

describe('what the article leaves open is said', () => {
  it('the items of the lists ending in "…" (lines 8, 21, 30, 32) are marked incomplete, and nothing else', () => {
    const marked = [...commitments, ...results].filter((e) => e.incomplete_list).map((e) => `${e.id}@${e.source.line}`);
    expect(marked).toEqual(['C3@21', 'C20@30', 'C21@30', 'C22@30', 'C23@30', 'C24@30', 'C25@30', 'C28@32', 'C29@32', 'R1@8']);
    const source = readFileSync(join(AGREEMENT_DIR, 'source.txt'), 'utf8').split('\n');
    for (const line of [21, 30, 32]) expect(source[line - 1]).toMatch(/\.\.\.$/);
  });

  it("the article's other names for the document are aliases", () => {
    const aliases = yaml('agreement.yaml').aliases.map((a: Citation) => a.quote);
    expect(aliases).toEqual(
      expect.arrayContaining([
        'chương trình phối hợp, liên kết phát triển giữa hai tỉnh giai đoạn 2023-2025 và những năm tiếp theo',
        'Chương trình hợp tác',
      ]),
    );
  });

  it('Phổ Yên, "TP" on line 9 and "thị xã" on line 29, is noted where each line is used', () => {
    for (const id of ['R3', 'C19']) {
      expect(byId(id)?.note?.vi, id).toMatch(/“TP Phổ Yên”.*“thị xã Phổ Yên”/);
      expect(byId(id)?.note?.en, id).toMatch(/“TP Phổ Yên”.*“thị xã Phổ Yên”/);
    }
  });
});

// Issue 12's probes, asked of the engine: what an official reads must show the rules above.
describe('the probes answer as the source says', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await shippedEngine();
  });

  it('"Tuyến Vành đai 5 đã làm chưa?" says the work continues, not "chưa thực hiện"', () => {
    const a = engine.ask('Tuyến Vành đai 5 đã làm chưa?');
    expect(a.headline).toContain('đang tiếp tục');
    expect(a.headline).not.toContain('chưa thực hiện');
  });

  it('"Khi gặp khó khăn, vướng mắc thì báo cáo ai?" answers with the line 16 request and its scope', () => {
    const a = engine.ask('Khi gặp khó khăn, vướng mắc thì báo cáo ai?');
    const text = renderText(a);
    expect(text).toContain('dòng 16');
    expect(text).toContain('khi gặp khó khăn, vướng mắc');
  });

  it('"cầu mới thay thế ngầm Tam Kha" never brings up cầu Hòa Sơn first', () => {
    const a = engine.ask('cầu mới thay thế ngầm Tam Kha');
    expect(a.items[0]?.id).toBe('C17');
    expect(renderText(a).slice(0, 400)).not.toContain('Hòa Sơn');
  });

  it('items of a list the source ends with "…" say the list is incomplete', () => {
    const a = engine.ask('Những tuyến đường kết nối nào được tiếp tục đầu tư?');
    expect(a.items.map((i) => i.id)).toContain('C22');
    expect(a.headline).toContain('Văn bản liệt kê chưa đầy đủ: dòng 30');
    const one = engine.ask('Tuyến ĐT294 do ai phụ trách?');
    expect(one.notes.join('\n')).toContain('Văn bản liệt kê chưa đầy đủ: dòng 30');
  });
});
