// People, with their titles as written. Vietnamese texts name people in a few fixed ways:
// "Đồng chí Dương Văn Thái - Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy" (name, dash, titles),
// "Bí thư Tỉnh ủy Bắc Giang Dương Văn Thái" (title, then name), "ông Lương Đức Thịnh - Chủ tịch
// UBND tỉnh làm đại diện", a signature block ("TM. ỦY BAN NHÂN DÂN TỈNH … / CHỦ TỊCH / (Đã ký) /
// name"), and a reporter's byline at the end of an article.
import type { Bilingual, Person } from '../knowledge/schema.ts';
import { bodyMentions } from './bodies.ts';
import type { DocContext } from './context.ts';
import { titleEnglish } from './english.ts';
import { clip, fold, isCapsLine, personNames, sentenceCase, sentences } from './vn.ts';

const RANK =
  /(?:Phó\s+)?(?:Bí thư|Chủ tịch|Giám đốc|Tổng Giám đốc|Bộ trưởng|Thứ trưởng|Trưởng|Ủy viên|Chánh|Tổng Biên tập|Tư lệnh|Chỉ huy trưởng)(?![\p{L}])/u;

const TITLE_BEFORE_NAME =
  /((?:Phó\s+)?(?:Bí thư|Chủ tịch|Giám đốc|Tổng Giám đốc|Bộ trưởng|Thứ trưởng|Trưởng|Ủy viên|Chánh|Tổng Biên tập|Tư lệnh|Chỉ huy trưởng)(?![\p{L}])[^,;.]*?)\s*$/u;

/** People the Party and state texts name by a fixed honorific rather than a full name. */
const HONORIFIC = [{ re: /Bác Hồ/u, name: 'Bác Hồ' }];

export interface SignerFound {
  person: string;
  /** Body id the person signs for ("TM. ỦY BAN NHÂN DÂN TỈNH HỒ LAM"). */
  body?: string;
  line: number;
}

export interface PeopleFound {
  signers: SignerFound[];
  coChairs: { ids: string[]; line: number; quote: string } | undefined;
  author: string | undefined;
}

type PersonEntry = Person & { review?: string };

function titlesOf(ctx: DocContext, line: number, text: string, province: string | undefined): Person['titles'] {
  const out: Person['titles'] = [];
  for (const raw of text.split(/,\s*(?=\p{Lu})/u)) {
    const t = raw.trim().replace(/[.;]$/u, '');
    if (!RANK.test(t) || t.length > 120) continue;
    const at = ctx.lines[line - 1]?.indexOf(t) ?? -1;
    const mention = bodyMentions(t, ctx.bodyContext, () => province)[0];
    const ref = mention?.refs[0];
    const bodyId = ref ? ctx.registry.body(ref, mention.surface, { line, quote: at >= 0 ? t : mention.surface }) : undefined;
    const body = bodyId ? [...ctx.registry.bodies.values()].find((b) => b.id === bodyId) : undefined;
    const en = titleEnglish(t, body?.en && body.en !== body.name ? body.en : undefined);
    out.push({ vi: t, en: en ?? t, ...(bodyId ? { body: bodyId } : {}) });
  }
  return out;
}

function eventRole(text: string, name: string): Bilingual {
  const f = fold(text);
  if (/dong chu tri/.test(f)) return { vi: 'đồng chủ trì hội nghị', en: 'co-chaired the conference' };
  if (/^(du hoi nghi|ve phia|cung du|tham du|dai bieu)/.test(f)) return { vi: 'dự hội nghị', en: 'attended the conference' };
  if (/lam dai dien|dai dien/.test(f)) return { vi: 'đại diện một bên ký kết', en: 'represented a signing party' };
  return { vi: `được nêu tên trong văn bản (${name})`, en: 'named in the document' };
}

/** Finds everyone; registers them in ctx.registry; returns signers, co-chairs and author. */
export function findPeople(ctx: DocContext): PeopleFound {
  const found: PeopleFound = { signers: [], coChairs: undefined, author: undefined };
  const add = (name: string, line: number, quote: string, titles: Person['titles'], role: Bilingual, province?: string): PersonEntry => {
    const p = ctx.registry.person(name, (id) => ({
      id,
      name,
      ...(province ? { province: ctx.registry.provinceId(province) } : {}),
      titles,
      event_role: role,
      source: { line, quote },
      mentions: [],
    }));
    for (const t of titles) if (!p.titles.some((x) => fold(x.vi) === fold(t.vi))) p.titles.push(t);
    return p;
  };

  const signatureLines = new Set(ctx.layout.signature);
  for (let line = 1; line <= ctx.contentEnd; line++) {
    const text = ctx.lines[line - 1] as string;
    if (signatureLines.has(line)) continue;
    for (const s of sentences(text)) {
      const chairs: string[] = [];
      // Split at "và đồng chí" / ";" so each person keeps their own titles.
      const segments = s.text.split(/;\s*|\s+và\s+(?=(?:đồng chí|ông|bà)\s)/iu);
      let offset = s.at;
      for (const seg of segments) {
        const segAt = text.indexOf(seg, offset);
        offset = segAt + seg.length;
        for (const n of personNames(seg, ctx.places)) {
          const after = seg.slice(n.at + n.name.length);
          const before = seg.slice(0, n.at);
          const dash = /^\s*[-–]\s*(.+)$/u.exec(after);
          const province = ctx.provinceAt(line, segAt + n.at) ?? ctx.provinceIn(dash?.[1] ?? '');
          let titles: Person['titles'] = [];
          let quote = n.name;
          if (dash) {
            const list = (dash[1] ?? '').replace(/\s+làm (?:đại diện|Trưởng đoàn).*$/u, '');
            titles = titlesOf(ctx, line, list, ctx.provinceIn(list) ?? province);
            quote = `${n.name}${after.slice(0, after.indexOf(list) + list.length)}`.trim();
          } else {
            // "Bí thư Tỉnh ủy Bắc Giang Dương Văn Thái": the title is the words just before the name.
            const m = TITLE_BEFORE_NAME.exec(before);
            if (m?.[1]) {
              titles = titlesOf(ctx, line, m[1], ctx.provinceIn(m[1]) ?? province);
              quote = `${m[1]} ${n.name}`;
            } else if (!/(?:đồng chí|Đồng chí|ông|Ông|bà|Bà)\s*$/u.test(before)) continue;
          }
          if (!text.includes(quote)) quote = n.name;
          const existing = ctx.registry.people.get(fold(n.name));
          const p = add(n.name, line, quote, titles, eventRole(s.text, n.name), province);
          if (existing && existing.source.line !== line) p.mentions.push({ line, quote, about: { vi: clip(s.text, 30) } });
          if (/đồng chủ trì/u.test(s.text)) chairs.push(p.id);
        }
      }
      if (chairs.length > 0 && !found.coChairs) {
        const at = s.text.indexOf('đồng chủ trì');
        found.coChairs = { ids: chairs, line, quote: at >= 0 ? 'đồng chủ trì' : clip(s.text, 12) };
      }
      for (const h of HONORIFIC) {
        const m = h.re.exec(s.text);
        if (m)
          add(h.name, line, clip(s.text.slice(Math.max(0, m.index - 40)), 14), [], {
            vi: 'nhân vật lịch sử được nhắc đến',
            en: 'historical figure mentioned',
          });
      }
    }
  }

  // The signature block: "TM./KT. <body>", title lines in capitals, "(Đã ký)", then the name.
  let body: string | undefined;
  let title: string | undefined;
  for (const line of ctx.layout.signature) {
    const text = ctx.lines[line - 1] as string;
    if (/^Nơi nhận/u.test(text)) break;
    const tm = /^(?:TM\.|T\/M|ĐẠI DIỆN|THAY MẶT|ĐD\.)\s*(.+)$/u.exec(text);
    if (tm?.[1]) {
      const named = ctx.recase(tm[1]);
      const province = ctx.provinceIn(named);
      const ref = bodyMentions(named, ctx.bodyContext, () => province)[0]?.refs[0];
      body = ref ? ctx.registry.body(ref, named, { line, quote: text }) : undefined;
      title = undefined;
      continue;
    }
    if (/^KT\./u.test(text)) continue;
    const names = personNames(text, ctx.places);
    if (names.length === 1 && names[0]?.name === text.replace(/^(?:Ông|Bà)\s+/u, '').trim()) {
      const name = names[0].name;
      const b = body ? [...ctx.registry.bodies.values()].find((x) => x.id === body) : undefined;
      const province = b?.provinces[0] ? ctx.allProvinces.find((p) => ctx.registry.provinceId(p) === b.provinces[0]) : undefined;
      // "T/M BAN THƯỜNG VỤ TỈNH ỦY X / BÍ THƯ": the secretary of the Tỉnh ủy, not of its Standing Committee.
      const organ = b?.name.replace(/^(?:Ban Thường vụ|Thường trực)\s+/u, '');
      const existing = ctx.registry.people.get(fold(name));
      const known = existing?.titles.some((t) => t.body === b?.id || (organ !== undefined && fold(t.vi).includes(fold(organ))));
      const titles: Person['titles'] =
        title && !known
          ? [
              {
                vi: `${title}${organ ? ` ${organ}` : ''}`,
                en: titleEnglish(title, b?.en !== b?.name ? b?.en : undefined) ?? title,
                ...(b ? { body: b.id } : {}),
              },
            ]
          : [];
      const bodyName = b?.name ?? 'một bên';
      add(name, line, name, titles, { vi: `ký văn bản thay mặt ${bodyName}`, en: `signed for ${b?.en ?? 'a party'}` }, province);
      found.signers.push({ person: (ctx.registry.people.get(fold(name)) as PersonEntry).id, ...(body ? { body } : {}), line });
      body = undefined;
      title = undefined;
      continue;
    }
    if (isCapsLine(text) && !/^\(/u.test(text)) title = sentenceCase(text);
  }

  // A reporter's byline: a line that is only a name, right after the article.
  if (!ctx.layout.formal) {
    for (let line = ctx.contentEnd; line >= Math.max(1, ctx.contentEnd - 2); line--) {
      const text = (ctx.lines[line - 1] as string).trim();
      const names = personNames(text, ctx.places);
      if (names.length === 1 && names[0]?.name === text) {
        const p = add(text, line, text, [], { vi: 'tác giả bài viết', en: 'author of the report' });
        found.author = p.id;
        break;
      }
    }
  }
  return found;
}
