// Lists of commitments (and earlier results) by status, area, party and role: "cam kết nào còn
// chờ?", "pending transport commitments", "những việc đang chờ Bộ GTVT", "những việc mới dừng ở
// mức kiến nghị". Work "not reported done" is counted in its two kinds: new, and continuing.
// A list may hold every commitment of a thousand agreements: rows are filtered cheaply, and only
// the page shown is built into views.
import type { Role, Status } from '../../knowledge/schema.ts';
import { markedSyllables } from '../../text/normalize.ts';
import type { AskContext } from '../context.ts';
import { STATUS_LABEL, t } from '../i18n.ts';
import type { Row } from '../party-rows.ts';
import { sharedWithAny } from '../entities.ts';
import type { Answer, AnswerItem } from '../types.ts';
import type { Frame } from '../understand/frame.ts';
import { isDefined, itemView } from '../views.ts';
import { answer, notFound, OPEN, pageOf, type Tally, tallyNotes } from './compose.ts';
import { coverage, isUnknown } from '../../search/relevance.ts';
import { namesTopic } from './retrieve.ts';

/** Most entries a topic word can narrow a list to. */
const NARROWING_LIMIT = 200;

/**
 * The topic words beyond what the list is already filtered by (areas, bodies, statuses): words
 * the knowledge knows narrow the list by search; two unknown words side by side ("sân bay") are a
 * topic the source does not cover at all.
 */
function narrowingWords(ctx: AskContext, f: Frame): { known: string; novel: boolean } {
  const areaWords = ctx.knowledge.glossary.areas.filter((a) => f.links.areas.includes(a.id)).flatMap((a) => [a.vi, a.en, ...a.words]);
  const words = new Set(areaWords);
  for (const { body } of f.links.bodies) {
    words.add(body.name).add(body.en);
    for (const alias of body.aliases) words.add(alias);
  }
  const shared = sharedWithAny([...words].map((w) => ctx.analyzer.analyze(w)));
  const statusSpans = f.cues.filter((c) => ['pending', 'ongoing', 'inProgress', 'done', 'addressee', 'results'].includes(c.feature));
  const typed = markedSyllables(f.topic);
  const query = ctx.analyzer.analyze(f.topic);
  // Topic positions are not question positions: match status words by text instead.
  const statusText = new Set(statusSpans.flatMap((c) => f.words.slice(c.from, c.to).map((w) => w.folded)));
  const rest = query.units
    .map((u, i) => ({ u, text: typed[i]?.text ?? u.syllable }))
    .map((x) => ({ ...x, counts: !x.u.stop && !x.u.generic && !x.u.place && !shared(x.u) && !statusText.has(x.u.syllable) }));
  const unknown = (x: (typeof rest)[number] | undefined) => x?.counts === true && isUnknown(x.u, ctx.index.knows);
  const novel = rest.some((x, i) => unknown(x) && unknown(rest[i + 1]));
  return {
    known: rest
      .filter((x) => x.counts && ctx.index.knows(x.u.syllable))
      .map((x) => x.text)
      .join(' '),
    novel,
  };
}

/** The statuses a list asks for; a list with no status word lists every commitment. */
function wantedStatuses(f: Frame): ReadonlySet<Status> | undefined {
  return f.statuses ? new Set(f.statuses) : undefined;
}

export function answerList(ctx: AskContext, f: Frame, question: string): Answer {
  const wanted = wantedStatuses(f);
  const areas = f.links.areas.length > 0 ? new Set(f.links.areas) : undefined;
  const rest = narrowingWords(ctx, f);
  if (rest.novel)
    return notFound(
      ctx,
      question,
      'status_list',
      t(ctx.lang, `Văn bản không có cam kết nào về “${f.topic.trim()}”.`, `The source has no commitment about “${f.topic.trim()}”.`),
    );
  // "những việc … dừng ở mức kiến nghị lên Bộ, ngành Trung ương": commitments that ask someone else
  // to act — when no area narrows the list ("giao thông, kèm cơ quan được đề nghị" lists transport,
  // showing them). The parties named then describe the addressees, and do not filter.
  const role: Role | undefined = f.features.has('addressee') && !areas ? 'addressee' : undefined;
  // Only a body named in full filters a list: "transport" alone is an area, not the Ministry of Transport.
  const bodies = role ? [] : f.links.bodies.filter((b) => b.exact);
  const bodyIds = new Map<string, Set<string>>();
  for (const b of bodies) bodyIds.set(b.agreement.id, (bodyIds.get(b.agreement.id) ?? new Set()).add(b.bodyId));
  /** Agreement id → the ids of its entries the topic words narrow the list to. */
  let allowed: Map<string, Set<string>> | undefined;
  if (rest.known && !role) {
    // Any entry about any of the words: "tuyến đường, cây cầu và đường sắt" lists all three kinds.
    const query = ctx.analyzer.analyze(rest.known);
    const about = ctx.index.search(query, { types: ['commitment', 'result'], limit: NARROWING_LIMIT }).filter((h) => {
      const c = coverage(query, h.matched, ctx.index.knows);
      // A lone word must match as typed: "cảng" (port) is no "càng".
      return c.topicsCovered > 0 && (c.phrase || (c.topics === 1 && c.ratio >= 0.75));
    });
    if (about.length > 0) {
      allowed = new Map();
      for (const h of about) allowed.set(h.agreement, (allowed.get(h.agreement) ?? new Set()).add(h.id));
    }
    // Words that find nothing do not narrow: they are more often the asker's wording than a topic;
    // but a phrase the knowledge uses elsewhere ("vị trí chiến lược"), or a word it has only in
    // another spelling ("cảng" for "càng"), is a topic no entry here is about.
    else if (namesTopic(ctx, query))
      return notFound(
        ctx,
        question,
        'status_list',
        t(ctx.lang, `Không có cam kết nào về “${rest.known}”.`, `No commitment is about “${rest.known}”.`),
      );
  }
  const withResults = wanted !== undefined && (wanted.has('done') || wanted.has('in_progress'));

  const matches: Row[] = [];
  const tally = new Map<string, Tally>();
  let fresh = 0;
  let continuing = 0;
  for (const { a, commitments, results } of ctx.items.agreements) {
    const mine = bodyIds.get(a.id);
    if (bodies.length > 0 && !mine) continue;
    const about = allowed?.get(a.id);
    if (allowed && !about) continue;
    let seen: Tally | undefined;
    for (const rows of withResults ? [commitments, results] : [commitments]) {
      for (const row of rows) {
        if (areas && !areas.has(row.area)) continue;
        if (mine && !row.parties.some((p) => mine.has(p))) continue;
        if (about && !about.has(row.id)) continue;
        if (role && !a.commitments.find((c) => c.id === row.id)?.responsible.some((r) => r.role === role)) continue;
        const status = ctx.statusOf(a.id, row.id, row.status);
        if (wanted && !wanted.has(status.status)) continue;
        matches.push(row);
        if (!seen) tally.set(a.id, (seen = { updated: 0, open: false }));
        if (status.update !== undefined) seen.updated++;
        if (row.type === 'commitment' && OPEN.has(status.status)) {
          seen.open = true;
          if (status.status === 'ongoing') continuing++;
          else fresh++;
        }
      }
    }
  }
  const areaText = [...(areas ?? [])]
    .map((id) => ctx.knowledge.glossary.areas.find((x) => x.id === id))
    .filter(isDefined)
    .map((x) => (ctx.lang === 'en' ? x.en : x.vi))
    .join(', ');
  if (matches.length === 0) {
    const what = [wanted ? [...wanted].map((s) => STATUS_LABEL[s][ctx.lang]).join(', ') : '', areaText].filter(Boolean).join(', ');
    return notFound(
      ctx,
      question,
      'status_list',
      t(
        ctx.lang,
        `Không có mục nào${what ? ` (${what})` : ''} khớp với câu hỏi.`,
        `No item${what ? ` (${what})` : ''} matches the question.`,
      ),
    );
  }
  const headline = listHeadline(ctx, matches.length, fresh, continuing, wanted, areaText);
  const { from, to, page } = pageOf(ctx, matches.length);
  const items: AnswerItem[] = matches
    .slice(from, to)
    .map((row) => itemView(ctx, { type: row.type, agreement: row.a.id, id: row.id }))
    .filter(isDefined);
  return answer(ctx, question, 'status_list', true, headline, items, {
    ...(page ? { page } : {}),
    notes: tallyNotes(ctx, tally, page ? new Set(items.map((v) => v.agreement)) : undefined),
    detail: 'brief',
  });
}

/** "34 cam kết chưa được báo cáo là hoàn thành: 26 mới, 8 tiếp tục — lĩnh vực Giao thông vận tải". */
function listHeadline(
  ctx: AskContext,
  total: number,
  fresh: number,
  continuing: number,
  wanted: ReadonlySet<Status> | undefined,
  areaText: string,
): string {
  const area = areaText ? t(ctx.lang, ` — lĩnh vực ${areaText}`, ` — ${areaText}`) : '';
  const open = wanted?.has('pending') === true && wanted.has('ongoing');
  if (open) {
    const split = continuing > 0 ? t(ctx.lang, `: ${fresh} mới, ${continuing} tiếp tục`, `: ${fresh} new, ${continuing} continuing`) : '';
    return t(
      ctx.lang,
      `${total} cam kết chưa được báo cáo là hoàn thành${split}${area}.`,
      `${total} commitment${total === 1 ? '' : 's'} not reported done${split}${area}.`,
    );
  }
  const label = wanted ? [...wanted].map((s) => STATUS_LABEL[s][ctx.lang]).join(', ') : t(ctx.lang, 'cam kết', 'commitments');
  return t(ctx.lang, `${total} mục — ${label}${area}.`, `${total} item${total === 1 ? '' : 's'} — ${label}${area}.`);
}
