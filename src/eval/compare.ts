// Ours beside the baseline, per category and per style, for one evaluation set: `npm run eval`
// prints it as text, `npm run bench` writes it to BENCHMARKS.md as markdown.
import type { Engine } from '../answer/engine.ts';
import { createBaseline } from './baseline.ts';
import { evaluate, rate, readEvalSet, type EvalReport, type Tally, type Verdict } from './evaluate.ts';

export interface Comparison {
  file: string;
  ours: EvalReport;
  baseline: EvalReport;
}

/** Scores our engine and the baseline on the same questions and the same knowledge. */
export function compare(engine: Engine, file: string): Comparison {
  const questions = readEvalSet(file);
  const baseline = createBaseline(engine.knowledge);
  return { file, ours: evaluate((q) => engine.ask(q), questions), baseline: evaluate((q) => baseline.ask(q), questions) };
}

// Rows in a fixed order, so tables from different runs line up; unknown keys follow, sorted.
const CATEGORIES = ['person', 'role', 'responsibility', 'duties', 'pending', 'clause', 'topic', 'meta', 'help', 'negative'];
const STYLES: [string, string][] = [
  ['vi', 'Vietnamese'],
  ['nodiac', 'no diacritics'],
  ['en', 'English'],
  ['typo', 'typo'],
  ['abbrev', 'abbreviation'],
  ['nfd', 'NFD'],
  ['tone', 'old tone placement'],
];
/** "Unicode variant": the same text in another Unicode spelling (decomposed, or the tone mark on the other vowel). */
const UNICODE = ['nfd', 'tone'];

interface Row {
  label: string;
  ours: Tally;
  baseline: Tally;
}

const zero: Tally = { pass: 0, total: 0 };
const sum = (m: Map<string, Tally>, keys: string[]): Tally =>
  keys.reduce((t, k) => ({ pass: t.pass + (m.get(k)?.pass ?? 0), total: t.total + (m.get(k)?.total ?? 0) }), zero);
const ordered = (keys: Iterable<string>, order: string[]) => {
  const present = [...keys];
  return [...order.filter((k) => present.includes(k)), ...present.filter((k) => !order.includes(k)).sort()];
};

export function rows(c: Comparison): { overall: Row; byCat: Row[]; byStyle: Row[] } {
  const row = (label: string, keys: string[], pick: (r: EvalReport) => Map<string, Tally>): Row => ({
    label,
    ours: sum(pick(c.ours), keys),
    baseline: sum(pick(c.baseline), keys),
  });
  const styleLabel = new Map(STYLES);
  const byStyle = ordered(
    c.ours.byStyle.keys(),
    STYLES.map(([k]) => k),
  ).map((k) => row(styleLabel.get(k) && styleLabel.get(k) !== k ? `${k} (${styleLabel.get(k)})` : k, [k], (r) => r.byStyle));
  if (UNICODE.some((k) => c.ours.byStyle.has(k))) byStyle.push(row('Unicode variant (nfd + tone)', UNICODE, (r) => r.byStyle));
  return {
    overall: { label: 'overall', ours: c.ours.overall, baseline: c.baseline.overall },
    byCat: ordered(c.ours.byCat.keys(), CATEGORIES).map((k) => row(k, [k], (r) => r.byCat)),
    byStyle,
  };
}

const pct = (t: Tally) => `${(rate(t) * 100).toFixed(1).padStart(5)}%  ${String(t.pass).padStart(3)}/${t.total}`;

function failureLines(v: Verdict): string[] {
  return [
    `✗ ${v.question.id} [${v.question.cat}/${v.question.style}] ${v.question.q}`,
    `  ${v.reasons.join('; ')}`,
    `  → intent=${v.answer.intent} items=${v.answer.items.map((i) => i.id).join(',')}`,
    `  ${v.text.split('\n').slice(0, 3).join(' | ')}`,
  ];
}

/** Plain text for the terminal; `showFailures` lists our failures (not the baseline's) with the answer given. */
export function formatComparison(c: Comparison, showFailures: boolean): string {
  const r = rows(c);
  const line = (x: Row, indent = '') => `${indent}${x.label.padEnd(34 - indent.length)} ${pct(x.ours).padEnd(18)} ${pct(x.baseline)}`;
  const out = [
    `${c.file} (${c.ours.overall.total} questions)`,
    `${''.padEnd(34)} ${'ours'.padEnd(18)} baseline (MiniSearch defaults)`,
    line(r.overall),
    '',
    'by category',
  ];
  out.push(...r.byCat.map((x) => line(x, '  ')), '', 'by style', ...r.byStyle.map((x) => line(x, '  ')));
  if (showFailures) for (const v of c.ours.verdicts.filter((x) => !x.pass)) out.push('', ...failureLines(v));
  return out.join('\n');
}

/** The same table in markdown, for BENCHMARKS.md. */
export function comparisonMarkdown(c: Comparison): string {
  const r = rows(c);
  const cell = (t: Tally) => `${(rate(t) * 100).toFixed(1)}% (${t.pass}/${t.total})`;
  const line = (x: Row, bold = false) => {
    const b = (s: string) => (bold ? `**${s}**` : s);
    return `| ${b(x.label)} | ${b(cell(x.ours))} | ${b(cell(x.baseline))} | ${((rate(x.ours) - rate(x.baseline)) * 100).toFixed(1)} |`;
  };
  return [
    `| ${c.file} | ours | baseline | gain (points) |`,
    '| --- | --- | --- | --- |',
    line(r.overall, true),
    ...r.byCat.map((x) => line({ ...x, label: `category: ${x.label}` })),
    ...r.byStyle.map((x) => line({ ...x, label: `style: ${x.label}` })),
  ].join('\n');
}
