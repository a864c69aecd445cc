// The agreement itself: who signed it, when and where, who co-chaired the conference, who attended,
// who wrote the report. Every agreement answers; with many, the list is paged and only the page
// shown is built. A question that names a province no agreement covers ("Bắc Giang với Lạng Sơn có
// ký biên bản không?") is not about any agreement we have.
import type { Agreement } from '../../knowledge/types.ts';
import type { AskContext } from '../context.ts';
import { t } from '../i18n.ts';
import { findTitles, unitsCovered } from '../entities.ts';
import type { Answer } from '../types.ts';
import type { AgreementFocus, Frame } from '../understand/frame.ts';
import { agreementItem, bodyItem, isDefined, partyName, personItem, pick, signedWhen } from '../views.ts';
import { answer, notFound, pageOfItems } from './compose.ts';

type Named = { kind: 'person' | 'body'; ids: readonly string[] };

/** Who the question asks to see among those present, decided once for all agreements. */
interface Attending {
  attends: (a: Agreement, personId: string) => boolean;
  /** The question names someone in particular, by name or by title. */
  particular: boolean;
}

const EVERYONE: Attending = { attends: () => true, particular: false };

function attending(ctx: AskContext, f: Frame): Attending {
  // Narrowed by the titles the question names ("Ủy viên dự khuyết"), less those it sets aside
  // ("ngoài hai bí thư"). A title named that nobody holds whole ("Phó Chủ tịch UBND") leaves
  // nobody. Ids are unique within an agreement only, hence a set per agreement.
  const holders = (matches: readonly { agreement: Agreement; personId: string }[]) => {
    const by = new Map<Agreement, Set<string>>();
    for (const m of matches) {
      const ids = by.get(m.agreement) ?? new Set<string>();
      ids.add(m.personId);
      by.set(m.agreement, ids);
    }
    return by;
  };
  const query = ctx.analyzer.analyze(f.topic);
  const namesTitle = query.units.some((u, i) => !u.stop && !u.place && ctx.matching.isTitleWord(query, i));
  // Someone named ("Lê Ánh Dương có dự không?") is asked about alone.
  const named = f.links.people.length > 0 ? holders(f.links.people) : undefined;
  const titled = namesTitle ? holders(findTitles(ctx.matching, query, { all: true }).filter((x) => x.contained)) : undefined;
  const excepted = f.except ? holders(findTitles(ctx.matching, ctx.analyzer.analyze(f.except), { anyPlace: true })) : undefined;
  return {
    attends: (a, personId) =>
      (!named || named.get(a)?.has(personId) === true) &&
      (!titled || titled.get(a)?.has(personId) === true) &&
      !excepted?.get(a)?.has(personId),
    particular: named !== undefined || titled !== undefined,
  };
}

function namedBy(f: Frame, focus: AgreementFocus, a: Agreement, { attends }: Attending): Named {
  const m = a.meta;
  switch (focus) {
    case 'signers':
      return { kind: 'body', ids: m.parties };
    case 'chairs':
      return { kind: 'person', ids: m.co_chairs };
    case 'author':
      return { kind: 'person', ids: m.source_document.author ? [m.source_document.author] : [] };
    case 'attendees': {
      // Narrowed by the province the question names ("phía Bắc Giang") too.
      const provinces = f.links.provinces;
      return {
        kind: 'person',
        ids: a.people
          .filter((p) => p.titles.length > 0 && (provinces.length === 0 || (p.province !== undefined && provinces.includes(p.province))))
          .filter((p) => attends(a, p.id))
          .map((p) => p.id),
      };
    }
    default:
      return { kind: 'person', ids: [] };
  }
}

function sentence(ctx: AskContext, focus: AgreementFocus, a: Agreement, names: string, count: number): string {
  const m = a.meta;
  const lang = ctx.lang;
  const line = (n: number) => `(${t(lang, 'dòng', 'line')} ${n})`;
  switch (focus) {
    case 'signers':
      return t(lang, `Các bên ký kết: ${names} ${line(m.signed.source.line)}.`, `Signed by ${names} ${line(m.signed.source.line)}.`);
    case 'chairs':
      return t(
        lang,
        `Đồng chủ trì hội nghị: ${names} ${line(m.co_chairs_source.line)}.`,
        `Co-chaired by ${names} ${line(m.co_chairs_source.line)}.`,
      );
    case 'author':
      return count > 0
        ? t(lang, `Tác giả bài viết: ${names}.`, `The report was written by ${names}.`)
        : t(lang, 'Nguồn không ghi tác giả.', 'The source names no author.');
    case 'attendees': {
      const also = m.attendance
        ? t(
            lang,
            ` Cùng dự: ${m.attendance.text.vi} ${line(m.attendance.source.line)}.`,
            ` Also attending: ${pick(m.attendance.text, lang)} ${line(m.attendance.source.line)}.`,
          )
        : '';
      return t(lang, `Dự hội nghị (${count} người được nêu tên): ${names}.`, `Named as attending (${count}): ${names}.`) + also;
    }
    case 'period':
      return t(
        lang,
        `Giai đoạn: ${m.period.text.vi} ${line(m.period.source.line)}.`,
        `Period: ${pick(m.period.text, lang)} ${line(m.period.source.line)}.`,
      );
    case 'when':
    case 'where':
      return t(
        lang,
        `${m.kind.vi} được ký ${signedWhen(a, lang)} tại ${m.signed.place.vi} ${line(m.signed.source.line)}.`,
        `The ${m.kind.en ?? m.kind.vi} was signed on ${signedWhen(a, lang)} in ${pick(m.signed.place, lang)} ${line(m.signed.source.line)}.`,
      );
    default:
      return t(
        lang,
        `${m.kind.vi} được ký ${signedWhen(a, lang)} tại ${m.signed.place.vi}, giai đoạn ${m.period.text.vi} ${line(m.signed.source.line)}.`,
        `The ${m.kind.en ?? m.kind.vi} was signed on ${signedWhen(a, lang)} in ${pick(m.signed.place, lang)}, for ${pick(m.period.text, lang)} ${line(m.signed.source.line)}.`,
      );
  }
}

/** Whether the question names a place that is not a province of this agreement (for signing questions). */
function namesOtherProvince(ctx: AskContext, f: Frame, a: Agreement): boolean {
  const query = ctx.analyzer.analyze(f.topic);
  const places = query.units.filter((u) => u.place);
  if (places.length === 0) return false;
  // Every place named must be part of a province's name or of the signing place.
  const known = [...a.meta.provinces.map((p) => p.name), a.meta.signed.place.vi].map((n) => ctx.analyzer.analyze(n));
  return places.some(
    (u) => !known.some((k) => unitsCovered({ units: [u], terms: [] }, k).covered > 0 || k.units.some((x) => x.syllable === u.syllable)),
  );
}

/** A question that asks yes or no: "có … không?", "Did …?". */
function asksYesNo(text: string): boolean {
  // Letters, not \b: "có" ends in a letter that \b does not know.
  return (
    /(?<!\p{L})(có|co)(?!\p{L}).+(?<!\p{L})(không|khong|ko|hông|k)[?.!\s]*$/iu.test(text) ||
    /^\s*(did|does|do|was|were|is|are|has|have)(?!\p{L})/iu.test(text)
  );
}

/**
 * Bodies the question asks about as attending ("Có đại diện Bộ GTVT dự không?") that the source does
 * not put at the conference: neither in the line on who else attended, nor in a named attendee's
 * titles. The provinces themselves ("phía Thái Nguyên") are not asked about this way.
 */
function absentBodies(ctx: AskContext, f: Frame): string[] {
  const words = (text: string) => ctx.analyzer.analyze(text).units.filter((u) => !u.stop && !u.generic && !u.place);
  const absent = new Set<string>();
  // Those set aside ("Ngoài lãnh đạo chủ chốt, còn ai dự?") are not asked about.
  const except = f.except ? ctx.analyzer.analyze(f.except) : undefined;
  for (const { agreement: a, body } of f.links.bodies) {
    const own = words(body.name);
    if (own.length === 0 || (except && unitsCovered(except, ctx.analyzer.analyze(body.name)).covered === own.length)) continue;
    const there = [a.meta.attendance?.text.vi, a.meta.attendance?.text.en, ...a.people.flatMap((p) => p.titles.map((x) => x.vi))]
      .filter(isDefined)
      .map((text) => ctx.analyzer.analyze(text));
    const name = ctx.analyzer.analyze(body.name);
    // One body the source puts there is enough: the question is answered by the list.
    if (there.some((text) => unitsCovered(text, name).covered === own.length)) return [];
    absent.add(partyName(body, ctx.lang));
  }
  return [...absent];
}

export function answerAgreement(ctx: AskContext, f: Frame, question: string): Answer {
  const focus = f.focus ?? 'overview';
  // The agreements of the provinces the question names, whatever it asks of them ("Biên bản giữa
  // Bắc Giang và Thái Nguyên ký khi nào?"); attendees are narrowed by province in namedBy instead.
  const named = f.links.provinces;
  const agreements = ctx.knowledge.agreements.filter(
    (a) =>
      (focus === 'signers' || focus === 'overview' ? !namesOtherProvince(ctx, f, a) : true) &&
      (focus === 'attendees' || named.length === 0 || named.every((p) => a.meta.provinces.some((x) => x.id === p))),
  );
  if (agreements.length === 0) {
    return notFound(
      ctx,
      question,
      'agreement',
      t(ctx.lang, 'Tôi không có biên bản nào giữa các tỉnh này.', 'I have no agreement between these provinces.'),
    );
  }
  const absent = focus === 'attendees' ? absentBodies(ctx, f) : [];
  const first = agreements[0];
  if (absent.length > 0 && first) {
    // What the source does say of who attended, so that the reader sees why.
    const present = first.people.filter((p) => p.titles.length > 0).map((p) => p.name);
    const names = absent.slice(0, 3).join(', ');
    return notFound(
      ctx,
      question,
      'agreement',
      t(ctx.lang, `Văn bản không nêu ${names} dự hội nghị.`, `The source does not put ${names} at the conference.`) +
        ` ${sentence(ctx, 'attendees', first, present.join(', '), present.length)}`,
    );
  }
  const refs: { a: Agreement; kind: 'person' | 'body' | 'agreement'; id: string }[] = [];
  const who = focus === 'attendees' ? attending(ctx, f) : EVERYONE;
  for (const a of agreements) {
    const { kind, ids } = namedBy(f, focus, a, who);
    for (const id of ids) refs.push({ a, kind, id });
    if (focus === 'overview' || focus === 'when' || focus === 'where' || focus === 'period') refs.push({ a, kind: 'agreement', id: a.id });
  }
  if (focus === 'attendees' && refs.length === 0) {
    return notFound(
      ctx,
      question,
      'agreement',
      t(ctx.lang, 'Văn bản không nêu người nào như vậy dự hội nghị.', 'The source names no such attendee.'),
    );
  }
  const { items: shown, page } = pageOfItems(ctx, refs);
  const items = shown
    .map((r) =>
      r.kind === 'agreement'
        ? agreementItem(r.a, ctx.lang)
        : r.kind === 'person'
          ? personItem(r.a, r.id, ctx.lang)
          : bodyItem(r.a, r.id, ctx.lang),
    )
    .filter(isDefined);
  const onPage = [...new Set(shown.map((r) => r.a))];
  // "Chủ tịch UBND Thái Nguyên có dự không?", "Did the chairs attend?": asked about someone in
  // particular, and they are there, the answer starts with yes.
  const yes = who.particular && asksYesNo(f.text) ? t(ctx.lang, 'Có. ', 'Yes. ') : '';
  const headline =
    yes +
    onPage
      .map((a) => {
        const mine = items.filter((i) => i.agreement === a.id && i.type !== 'agreement');
        return sentence(
          ctx,
          focus,
          a,
          mine.map((i) => i.title).join(focus === 'attendees' ? ', ' : t(ctx.lang, ' và ', ' and ')),
          mine.length,
        );
      })
      .join(' ');
  return answer(ctx, question, 'agreement', true, headline, items, {
    ...(page ? { page } : {}),
    detail: items.length > 3 ? 'brief' : 'full',
  });
}
