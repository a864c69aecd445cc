// How good a draft is: against the curated knowledge of the seed article, and against the answers
// written down with each invented formal agreement. Shared by `npm run bench:draft` and the tests
// (which assert floors, never exact counts).
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../src/answer/engine.ts';
import type { Answer, AskAs, CommitmentItem } from '../src/answer/types.ts';
import type { Draft } from '../src/draft/draft.ts';
import { writeDraft } from '../src/draft/write.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';
import type { Body, Commitment } from '../src/knowledge/schema.ts';
import type { Agreement, Knowledge } from '../src/knowledge/types.ts';
import { fold } from '../src/text/normalize.ts';
import type { Gold, Question } from './formal/types.ts';

export interface Ratio {
  hit: number;
  of: number;
}

export const pct = (r: Ratio) => (r.of === 0 ? 1 : r.hit / r.of);
export const fmt = (r: Ratio) => `${(pct(r) * 100).toFixed(1)}% (${r.hit}/${r.of})`;

/** Every {line, quote} in a value. */
function* citations(value: unknown): Generator<{ line: number; quote: string }> {
  if (Array.isArray(value)) for (const v of value) yield* citations(v);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.line === 'number' && typeof o.quote === 'string') yield { line: o.line, quote: o.quote };
    for (const v of Object.values(o)) yield* citations(v);
  }
}

/** Quotes found verbatim on the line they cite. */
export function verbatim(d: Draft): Ratio {
  const all = [...citations(d.files)];
  return { hit: all.filter((c) => (d.lines[c.line - 1] ?? '').includes(c.quote)).length, of: all.length };
}

/** The character range of a piece of a line, or undefined when it is not on it. */
function range(line: string, piece: string): [number, number] | undefined {
  const at = line.indexOf(piece);
  return at < 0 ? undefined : [at, at + piece.length];
}

const overlap = (a: [number, number], b: [number, number]) => Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));

export interface SeedScore {
  commitments: { recall: Ratio; precision: Ratio; oneToOne: Ratio };
  people: { recall: Ratio; precision: Ratio; missed: string[] };
  bodies: { recall: Ratio; precision: Ratio; missed: string[] };
  verbatim: Ratio;
}

/** A curated commitment is found when a drafted one on its line covers at least half of its quote. */
export function scoreSeed(d: Draft, curated: Agreement): SeedScore {
  const drafted = d.files.commitments.commitments;
  const match = (c: Commitment, x: Commitment) => {
    if (c.source.line !== x.source.line) return false;
    const line = d.lines[c.source.line - 1] ?? '';
    const q = range(line, c.source.quote);
    const t = range(line, x.text);
    return q !== undefined && t !== undefined && overlap(q, t) >= (q[1] - q[0]) / 2;
  };
  const recall = curated.commitments.filter((c) => drafted.some((x) => match(c, x))).length;
  const precise = drafted.filter((x) => curated.commitments.some((c) => match(c, x))).length;
  // One-to-one: each drafted entry may stand for one curated entry only (greedy, in text order).
  const used = new Set<string>();
  let pairs = 0;
  for (const c of curated.commitments) {
    const x = drafted.find((y) => !used.has(y.id) && match(c, y));
    if (x) {
      used.add(x.id);
      pairs++;
    }
  }
  const names = (p: { name: string }) => fold(p.name);
  const draftedPeople = new Set(d.files.people.people.map(names));
  const curatedPeople = new Set(curated.people.map(names));
  const forms = (b: Pick<Body, 'name' | 'aliases'>) => new Set([b.name, ...b.aliases].map((x) => fold(x)));
  const sameBody = (a: Pick<Body, 'name' | 'aliases'>, b: Pick<Body, 'name' | 'aliases'>) => {
    const fa = forms(a);
    return [...forms(b)].some((f) => fa.has(f));
  };
  const draftedBodies = d.files.bodies.bodies;
  return {
    commitments: {
      recall: { hit: recall, of: curated.commitments.length },
      precision: { hit: precise, of: drafted.length },
      oneToOne: { hit: pairs, of: curated.commitments.length },
    },
    people: {
      recall: { hit: curated.people.filter((p) => draftedPeople.has(names(p))).length, of: curated.people.length },
      precision: { hit: d.files.people.people.filter((p) => curatedPeople.has(names(p))).length, of: d.files.people.people.length },
      missed: curated.people.filter((p) => !draftedPeople.has(names(p))).map((p) => p.name),
    },
    bodies: {
      recall: { hit: curated.bodies.filter((b) => draftedBodies.some((x) => sameBody(b, x))).length, of: curated.bodies.length },
      precision: { hit: draftedBodies.filter((x) => curated.bodies.some((b) => sameBody(b, x))).length, of: draftedBodies.length },
      missed: curated.bodies.filter((b) => !draftedBodies.some((x) => sameBody(b, x))).map((b) => b.name),
    },
    verbatim: verbatim(d),
  };
}

export interface FormalScore {
  points: Ratio;
  precision: Ratio;
  assignments: Ratio;
  deadlines: Ratio;
  /** Questions as worded, through the engine's own intent detection. */
  questions: Ratio;
  /** The same questions through the command that names their intent (/phutrach, /camket, /ai), as the bots offer. */
  commands: Ratio;
  verbatim: Ratio;
  misses: string[];
}

/** The command a bot user would pick for a question: /phutrach for who leads, /camket for a deadline, /ai for a person. */
export function commandFor(q: Question): AskAs | undefined {
  return q.kind === 'lead' ? 'responsibility' : q.kind === 'due' ? 'clause' : q.kind === 'who' ? 'who' : undefined;
}

const contains = (c: Commitment, snippet: string) => fold(c.text).includes(fold(snippet));

function bodyNamed(d: Draft, name: string): Body | undefined {
  const f = fold(name);
  return d.files.bodies.bodies.find((b) => [b.name, ...b.aliases].some((x) => fold(x) === f));
}

/** Loads a draft as a promoted folder (renamed, nothing edited) beside the knowledge glossary. */
export async function promoted(d: Draft, knowledgeDir: string): Promise<Knowledge> {
  const root = await mkdtemp(join(tmpdir(), 'mou-promoted-'));
  try {
    await copyFile(join(knowledgeDir, 'glossary.yaml'), join(root, 'glossary.yaml'));
    await writeDraft(d, join(root, d.id), 'test');
    const outcome = await loadKnowledge(root);
    if (!outcome.ok) throw new Error(`promoted draft does not load: ${JSON.stringify(outcome.errors.slice(0, 3))}`);
    return outcome.knowledge;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** Whether the engine's answer to a question is right, checked on the structured answer. */
export function answerIsRight(q: Question, a: Answer, d: Draft): boolean {
  const commitments = a.items.filter((i): i is CommitmentItem => i.type === 'commitment');
  const about = (snippet: string) => commitments.filter((c) => fold(c.text).includes(fold(snippet)));
  switch (q.kind) {
    case 'lead':
      return about(q.point).some((c) =>
        c.roles.some(
          (r) => r.role === q.role && r.basis === 'stated' && fold(r.party.name) === fold(bodyNamed(d, q.party)?.name ?? q.party),
        ),
      );
    case 'due': {
      const ids = new Set(about(q.point).map((c) => c.id));
      return d.files.commitments.commitments.some((c) => ids.has(c.id) && c.due?.by === q.by);
    }
    case 'signers':
      return q.parties.every((p) => a.items.some((i) => i.type === 'body' && fold(i.title) === fold(bodyNamed(d, p)?.name ?? p)));
    case 'who':
      return a.items.some((i) => i.type === 'person' && fold(i.name) === fold(q.person));
    case 'overdue':
      // Asked on q.asOf (see scoreFormal): exactly the points overdue that day, each listed.
      return a.found && commitments.length === q.points.length && q.points.every((p) => about(p).length > 0);
    default:
      return false;
  }
}

export async function scoreFormal(d: Draft, gold: Gold, knowledgeDir: string): Promise<FormalScore> {
  const cs = d.files.commitments.commitments;
  const misses: string[] = [];
  const points = gold.points.filter((p) => {
    const ok = cs.some((c) => contains(c, p));
    if (!ok) misses.push(`point: ${p}`);
    return ok;
  }).length;
  const precise = cs.filter((c) => gold.points.some((p) => contains(c, p))).length;
  const assignments = gold.assignments.filter((g) => {
    const body = bodyNamed(d, g.party);
    const roles =
      g.point === 'general'
        ? d.files.agreement.general_responsibility
        : cs.filter((c) => contains(c, g.point)).flatMap((c) => c.responsible);
    const ok = body !== undefined && roles.some((r) => r.party === body.id && r.role === g.role && r.basis === 'stated');
    if (!ok) misses.push(`assignment: ${g.role} ${g.party} → ${g.point}${body ? '' : ' (body not found)'}`);
    return ok;
  }).length;
  const deadlines = gold.deadlines.filter((g) => {
    const c = cs.find((x) => contains(x, g.point));
    const ok =
      c?.due !== undefined && (g.by === undefined || c.due.by === g.by) && (g.recurring === undefined || c.due.recurring === g.recurring);
    if (!ok)
      misses.push(`deadline: ${g.point} → ${g.by ?? g.recurring} (got ${c?.due ? `${c.due.by ?? ''} ${c.due.recurring ?? ''}` : 'none'})`);
    return ok;
  }).length;
  const knowledge = await promoted(d, knowledgeDir);
  // The day each question is asked: an overdue question names its own.
  let today = '2025-01-15';
  const engine = createEngine(knowledge, { now: () => new Date(`${today}T05:00:00Z`) });
  const askOn = (q: Question, text: string, options = {}) => {
    today = q.kind === 'overdue' ? q.asOf : '2025-01-15';
    return engine.ask(text, options);
  };
  const questions = gold.questions.filter((q) => {
    const ok = answerIsRight(q, askOn(q, q.q), d);
    if (!ok) misses.push(`question: ${q.q}`);
    return ok;
  }).length;
  const commands = gold.questions.filter((q) => {
    const as = commandFor(q);
    // A command takes the topic, as a user types it: /phutrach <topic>, /camket <topic>. /ai takes the
    // question as it is.
    const asked = q.kind === 'due' || q.kind === 'lead' ? q.point : q.q;
    const ok = answerIsRight(q, askOn(q, asked, as ? { as } : {}), d);
    if (!ok) misses.push(`command (${as ?? 'none'}): ${q.q}`);
    return ok;
  }).length;
  return {
    points: { hit: points, of: gold.points.length },
    precision: { hit: precise, of: cs.length },
    assignments: { hit: assignments, of: gold.assignments.length },
    deadlines: { hit: deadlines, of: gold.deadlines.length },
    questions: { hit: questions, of: gold.questions.length },
    commands: { hit: commands, of: gold.questions.length },
    verbatim: verbatim(d),
    misses,
  };
}
