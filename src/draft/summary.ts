// The one-screen summary `mou-bot draft` prints: what was found, what is doubtful, what to do next.
import type { KnowledgeError } from '../knowledge/types.ts';
import { formatKnowledgeError } from '../knowledge/types.ts';
import type { Draft } from './draft.ts';

export interface SummaryFacts {
  draft: Draft;
  source: string;
  format: string;
  out: string;
  seconds: number;
  errors: readonly KnowledgeError[];
}

const MAX_DOUBTS = 12;

export function draftCounts(d: Draft) {
  const c = d.files.commitments.commitments;
  const roles = c.flatMap((x) => x.responsible);
  const by = (s: string) => c.filter((x) => x.status === s).length;
  return {
    commitments: c.length,
    stated: roles.filter((r) => r.basis === 'stated').length,
    inferred: roles.filter((r) => r.basis === 'inferred').length,
    general: d.files.agreement.general_responsibility.length,
    deadlines: c.filter((x) => x.due).length,
    status: { pending: by('pending'), ongoing: by('ongoing'), in_progress: by('in_progress'), done: by('done') },
    people: d.files.people.people.length,
    bodies: d.files.bodies.bodies.length,
    linked: d.files.bodies.bodies.filter((b) => b.aliases.length > 0).length,
    results: d.files.results.results.length,
    facts: d.files.results.facts.length,
  };
}

export function formatSummary(s: SummaryFacts): string {
  const a = s.draft.files.agreement;
  const n = draftCounts(s.draft);
  const bodies = new Map(s.draft.files.bodies.bodies.map((b) => [b.id, b.name]));
  const out = [
    `Draft "${a.id}" from ${s.source} (${s.format}, ${s.seconds.toFixed(1)} s) → ${s.out}`,
    `  ${a.title.vi}`,
    `  Signed ${a.signed.date} at ${a.signed.place.vi}; period ${a.period.from}–${a.period.to}${a.effective ? `; in effect ${a.effective.date ?? a.effective.text}` : ''}`,
    `  Parties: ${a.parties.map((p) => bodies.get(p) ?? p).join('; ')}`,
    `  Commitments: ${n.commitments} (pending ${n.status.pending}, ongoing ${n.status.ongoing}, in progress ${n.status.in_progress}, done ${n.status.done}); deadlines: ${n.deadlines}`,
    `  Roles: ${n.stated} stated, ${n.inferred} inferred; ${n.general} for the whole agreement`,
    `  People: ${n.people} · Bodies: ${n.bodies} (${n.linked} with other written forms linked) · Results: ${n.results} · Facts: ${n.facts}`,
  ];
  if (s.errors.length === 0) out.push('  Check: ok (loads with the knowledge glossary as it is)');
  else {
    out.push(`  Check: ${s.errors.length} error(s) — the draft needs fixing before it can be promoted:`);
    for (const e of s.errors.slice(0, 5)) out.push(`    ${formatKnowledgeError(e)}`);
  }
  const doubts = s.draft.doubts;
  out.push(doubts.length === 0 ? '  Doubts: none' : `  Doubts (${doubts.length}), marked \`review:\` in the files:`);
  for (const d of doubts.slice(0, MAX_DOUBTS)) out.push(`    ${d.file} ${d.entry}: ${d.why}`);
  if (doubts.length > MAX_DOUBTS) out.push(`    … ${doubts.length - MAX_DOUBTS} more (grep -n "review:" ${s.out}/*.yaml)`);
  out.push(`  Next: review the doubts, then rename the folder to <KNOWLEDGE_DIR>/${a.id}/ to put it live.`);
  return out.join('\n');
}
