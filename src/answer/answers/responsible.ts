// "Who is responsible for X?": the parties of the entry that answers X, the role asked about first,
// each role marked stated (with its line) or inferred. A question about the MoU as a whole, or about
// the speeches that assign its implementation, gets the general assignment of those speeches.
// A question that asks for a particular kind of party ("sở nào", "cơ quan cụ thể nào") is answered
// only if the source names one; otherwise it says so, and shows what the source does say.
import type { Agreement } from '../../knowledge/types.ts';
import type { AskContext } from '../context.ts';
import { agreementOf } from '../context.ts';
import { t } from '../i18n.ts';
import type { Answer, AnswerItem, CommitmentItem, RoleView } from '../types.ts';
import type { Frame } from '../understand/frame.ts';
import { isDefined, generalRoleView, itemView } from '../views.ts';
import { answer, notFound, orderRoles, pageOfItems, partyList, statusNotes } from './compose.ts';
import { retrieve } from './retrieve.ts';
import { unitsCovered } from '../entities.ts';
import { named, passage } from './topic.ts';

/** Most entries a responsibility answer shows. */
const RESPONSIBLE_ITEMS = 3;

/** The general assignment of these agreements (who advises, leads, directs), as roles. */
export function generalRoles(ctx: AskContext, agreements: Iterable<string>, party?: string, line?: number): RoleView[] {
  const out: RoleView[] = [];
  for (const id of new Set(agreements)) {
    const a = agreementOf(ctx, id);
    for (const r of a.meta.general_responsibility) {
      if (party && r.party !== party) continue;
      if (line && r.source?.line !== line) continue;
      out.push(generalRoleView(a, r, ctx.lang));
    }
  }
  return out;
}

/**
 * General assignments for the situation the question is in: only those for when problems arise
 * ("Khi gặp khó khăn thì báo cáo ai?"), or those for carrying out the agreement first.
 */
export function forSituation(ctx: AskContext, question: string, roles: readonly RoleView[]): RoleView[] {
  const problems = roles.filter((r) => r.applies === 'problems');
  if (problems.length > 0 && mentionsProblems(ctx, question)) return problems;
  return [...roles].sort((x, y) => Number(x.applies === 'problems') - Number(y.applies === 'problems'));
}

const PROBLEMS = 'khó khăn, vướng mắc';

function mentionsProblems(ctx: AskContext, question: string): boolean {
  return unitsCovered(ctx.analyzer.analyze(question), ctx.analyzer.analyze(PROBLEMS)).covered > 0;
}

/** "các sở, ngành … — tham mưu [nêu rõ] (dòng 18)": one role group in a sentence. */
export function roleSentence(ctx: AskContext, roles: readonly RoleView[], agreement: string): string {
  const first = roles[0] as RoleView;
  const basis = first.basis === 'stated' ? t(ctx.lang, 'nêu rõ', 'stated') : t(ctx.lang, 'suy luận', 'inferred');
  const where = first.citation ? `, ${t(ctx.lang, 'dòng', 'line')} ${first.citation.line}` : '';
  return `${partyList(
    ctx,
    roles.map((r) => r.party),
    agreement,
  )} — ${first.roleLabel} [${basis}${where}]`;
}

/** Roles grouped by role and basis, in the order given. */
export function roleGroups(roles: readonly RoleView[]): RoleView[][] {
  const groups = new Map<string, RoleView[]>();
  for (const r of roles) {
    const key = `${r.role}/${r.basis}/${r.citation?.line ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()];
}

/** What kind of party the question asks for, when it asks for a particular one. */
function kindAsked(f: Frame): ((a: Agreement, r: RoleView) => boolean) | undefined {
  const asked = f.cues
    .filter((c) => c.feature === 'whichParty' || c.feature === 'specific')
    .map((c) =>
      f.words
        .slice(c.from, c.to)
        .map((w) => w.folded)
        .join(' '),
    );
  const startsWith = (prefix: string) => (_a: Agreement, r: RoleView) =>
    r.party.kind === 'body' && r.party.name.toLowerCase().startsWith(prefix);
  // "sở nào", "which (Bac Giang) department": a department; "bộ nào", "which ministry": a ministry.
  if (asked.some((w) => w.startsWith('so ') || /\bdepartment/.test(w))) return startsWith('sở ');
  if (asked.some((w) => w.startsWith('bo ') || /\bministr/.test(w))) return startsWith('bộ ');
  if (f.features.has('specific')) {
    // A particular body: stated, and neither a whole province nor a loose group ("các cấp, ngành").
    return (a, r) => {
      const body = a.bodies.find((b) => b.id === r.party.id);
      return (
        r.basis === 'stated' && body !== undefined && body.kind !== 'group' && !a.meta.provinces.some((p) => body.name === `tỉnh ${p.name}`)
      );
    };
  }
  return undefined;
}

export function answerResponsible(ctx: AskContext, f: Frame, question: string): Answer {
  if (!f.hasTopic && f.links.ids.length === 0) return generalAnswer(ctx, f, question);
  const refs = f.links.ids.length > 0 ? f.links.ids : retrieve(ctx, f.topic, ['commitment', 'result', 'fact']).hits;
  if (refs.length === 0) {
    const { nearest } = retrieve(ctx, f.topic, ['commitment', 'result', 'fact']);
    return notFound(
      ctx,
      question,
      'responsibility',
      t(
        ctx.lang,
        `Văn bản không nêu ai chịu trách nhiệm về “${f.topic.trim()}”.`,
        `The source does not say who is responsible for “${f.topic.trim()}”.`,
      ),
      nearest ? [nearest] : [],
    );
  }
  const items = refs
    .slice(0, RESPONSIBLE_ITEMS)
    .map((r) => itemView(ctx, r))
    .filter(isDefined);
  const top = items[0] as AnswerItem;
  // A speech that assigns the implementation (lines 16, 18): its general assignment is the answer.
  if (top.type === 'fact') {
    const assignments = orderRoles(generalRoles(ctx, [top.agreement], undefined, top.citation.line), f.role);
    if (assignments.length > 0) {
      return answer(
        ctx,
        question,
        'responsibility',
        true,
        roleSentence(ctx, roleGroups(assignments)[0] as RoleView[], top.agreement),
        [top],
        { assignments },
      );
    }
  }
  const commitments = items.filter((i): i is CommitmentItem => i.type === 'commitment');
  const wanted = kindAsked(f);
  if (wanted) {
    // Among every entry found, not only the first few: "Which ministry is responsible for the
    // roads?" is answered by the clauses that name the Ministry, wherever they rank.
    const all = refs.map((r) => itemView(ctx, r)).filter((i): i is CommitmentItem => i?.type === 'commitment');
    const fitting = all.filter((c) => c.roles.some((r) => wanted(agreementOf(ctx, c.agreement), r)));
    if (fitting.length > 0) {
      for (const c of fitting)
        c.roles = [...c.roles].sort(
          (x, y) => Number(!wanted(agreementOf(ctx, y.agreement), y)) - Number(!wanted(agreementOf(ctx, x.agreement), x)),
        );
      const first = fitting[0] as CommitmentItem;
      const asked = first.roles.filter((r) => wanted(agreementOf(ctx, first.agreement), r));
      return answer(
        ctx,
        question,
        'responsibility',
        true,
        `${named(first)}: ${roleSentence(ctx, roleGroups(asked)[0] as RoleView[], first.agreement)}.`,
        fitting.slice(0, RESPONSIBLE_ITEMS),
        { notes: statusNotes(ctx, fitting.slice(0, RESPONSIBLE_ITEMS)) },
      );
    }
    // None names such a body: say so, and what the source does say of the first.
    const said = commitments[0]
      ? roleSentence(ctx, roleGroups(orderRoles(commitments[0].roles, f.role))[0] as RoleView[], commitments[0].agreement)
      : '';
    return notFound(
      ctx,
      question,
      'responsibility',
      t(
        ctx.lang,
        `Văn bản không giao việc này cho một cơ quan cụ thể như vậy.${said ? ` Văn bản chỉ nêu: ${said}.` : ''}`,
        `The source names no such particular body for this.${said ? ` It only says: ${said}.` : ''}`,
      ),
      items,
    );
  }
  // Neither a commitment with roles nor a result with parties: the entries found say nothing of who
  // is responsible ("Ai phụ trách vị trí chiến lược?" finds a passage of a speech). A passage does
  // answer who did what it tells, when that is what is asked ("Ai đã lựa chọn hai tỉnh làm nơi xây
  // dựng an toàn khu?"), not who is in charge.
  const inCharge =
    f.features.has('responsible') ||
    f.cues.some(
      (c) =>
        c.feature === 'doing' &&
        // "làm", "do" alone are any verb ("làm nơi xây dựng"), not being in charge.
        !/^(lam|lo|do|does)$/.test(
          f.words
            .slice(c.from, c.to)
            .map((w) => w.folded)
            .join(' '),
        ),
    );
  const withParties = items.some(
    (i) =>
      (i.type === 'commitment' && i.roles.length > 0) || (i.type === 'result' && i.parties.length > 0) || (i.type === 'fact' && !inCharge),
  );
  if (!withParties)
    return notFound(
      ctx,
      question,
      'responsibility',
      t(ctx.lang, 'Văn bản không nêu ai chịu trách nhiệm việc này.', 'The source does not say who is responsible for this.'),
      items,
    );
  for (const c of commitments) c.roles = orderRoles(c.roles, f.role);
  const headline = commitments[0]
    ? `${named(commitments[0])}: ${roleSentence(ctx, roleGroups(commitments[0].roles)[0] as RoleView[], commitments[0].agreement)}.`
    : top.type === 'result' && top.parties.length > 0
      ? `${named(top)}: ${partyList(ctx, top.parties, top.agreement)}.`
      : top.type === 'fact'
        ? passage(ctx, top)
        : named(top);
  const notes = statusNotes(ctx, items);
  if (commitments.some((c) => c.roles.some((r) => r.basis === 'inferred'))) {
    notes.unshift(
      t(
        ctx.lang,
        'Vai trò “suy luận” không được văn bản nêu rõ; vai trò “nêu rõ” có trích dẫn nguyên văn.',
        'Roles marked “inferred” are not stated in the source; “stated” roles quote it verbatim.',
      ),
    );
  }
  return answer(ctx, question, 'responsibility', true, headline, items, {
    generalRoles: generalRoles(
      ctx,
      commitments.map((c) => c.agreement),
    ),
    notes,
  });
}

/** "Ai chịu trách nhiệm triển khai biên bản?": the general assignment, paged by agreement when there are many. */
function generalAnswer(ctx: AskContext, f: Frame, question: string): Answer {
  const { items: shown, page } = pageOfItems(ctx, ctx.knowledge.agreements);
  const assignments = orderRoles(
    forSituation(
      ctx,
      f.text,
      generalRoles(
        ctx,
        shown.map((a) => a.id),
      ),
    ),
    f.role,
  );
  if (assignments.length === 0)
    return notFound(
      ctx,
      question,
      'responsibility',
      t(ctx.lang, 'Văn bản không nêu phân công chung cho việc triển khai.', 'The source gives no general assignment for implementing it.'),
    );
  const first = roleGroups(assignments)[0] as RoleView[];
  return answer(
    ctx,
    question,
    'responsibility',
    true,
    `${t(ctx.lang, 'Phân công chung', 'The general assignment')}: ${roleSentence(ctx, first, first[0]?.agreement as string)}.`,
    [],
    {
      assignments,
      ...(page ? { page: { ...page, of: 'agreements' as const } } : {}),
    },
  );
}
