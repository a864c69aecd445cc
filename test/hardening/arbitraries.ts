// fast-check arbitraries for hostile text: what users type and what admins might put in knowledge.
import fc from 'fast-check';
import type { Answer, AnswerItem, CitationView, RoleView, StatusView } from '../../src/answer/types.ts';
import type { Knowledge } from '../../src/knowledge/types.ts';

/** Pieces that have broken chat bots before: markup, mentions, entities, escapes, bidi, joiners. */
export const FRAGMENTS = [
  '<',
  '>',
  '&',
  '&amp;',
  '&lt;',
  '&#60;',
  '<b>',
  '</b>',
  '<i>',
  '<code>',
  '</code>',
  '<pre>',
  '<a href="x">',
  '<script>',
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<@U123>',
  '<#C1|general>',
  '<https://evil.example|click>',
  '*',
  '_',
  '~',
  '`',
  '```',
  '\\',
  '"',
  "'",
  '\n',
  '\r\n',
  '\t',
  ' ',
  '\u001b[31m',
  '\u001b]0;owned\u0007',
  '\u009b2J',
  '\u0000',
  '\u0007',
  '\u007f',
  '\u0085',
  '\u202e',
  '\u200b',
  '\u200d',
  '\u2066',
  '\ufeff',
  '\u00ad',
  'e\u0301',
  'Ho\u0300a',
  'đường',
  'Bắc Giang',
  'C18',
  'QL17',
  '😀',
  '👨‍👩‍👧',
  '🇻🇳',
  '\ud83d',
  '\ude00',
  '?!',
  '...',
  '((',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: user text that looks like a template must stay text
  '.*+?^${}()|[]',
  '%s',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: as above
  '${x}',
];

/** Any UTF-16 code unit, lone surrogates and controls included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));

/** A user's question: any Unicode text up to 10,000 code units, with the usual suspects over-represented. */
export function hostileInput(maxLength = 10_000): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: codeUnit, maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'grapheme', maxLength: Math.min(maxLength, 2000) }),
    fc
      .array(fc.constantFrom(...FRAGMENTS), { maxLength: 200 })
      .map((xs) => xs.join(''))
      .map((s) => s.slice(0, maxLength)),
    fc
      .tuple(fc.constantFrom(...FRAGMENTS, 'cầu Hòa Sơn ', 'ai phụ trách ', '😀', '?!'), fc.integer({ min: 1, max: 10_000 }))
      .map(([s, n]) => s.repeat(n).slice(0, maxLength)),
    fc.string({ unit: 'grapheme', maxLength: 300 }).map((s) => s.normalize('NFD')),
  );
}

/**
 * Knowledge text: what a YAML file can hold. No lone surrogates (a UTF-8 file cannot carry them),
 * but everything else, long runs included.
 */
export function hostileText(maxLength = 400): fc.Arbitrary<string> {
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .array(fc.constantFrom(...FRAGMENTS.filter((f) => !/^[\ud800-\udfff]$/.test(f))), { minLength: 1, maxLength: 40 })
        .map((xs) => xs.join('')),
    },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('&', '<', '>', '😀', 'Đường <i>dài</i> & rất dài. ', '<!channel> '), fc.integer({ min: 300, max: 900 }))
        .map(([s, n]) => s.repeat(n)),
    },
  );
}

const citation = (t: fc.Arbitrary<string>): fc.Arbitrary<CitationView> =>
  fc.record({ agreement: fc.constant('a1'), agreementTitle: t, file: t, line: fc.integer({ min: 1, max: 999 }), quote: t });

const status = (t: fc.Arbitrary<string>): fc.Arbitrary<StatusView> =>
  fc.record({
    status: fc.constantFrom('pending', 'in_progress', 'done', 'dropped' as const),
    label: t,
    asOf: fc.constant('2023-03-29'),
    asOfLabel: t,
  });

const role = (t: fc.Arbitrary<string>): fc.Arbitrary<RoleView> =>
  fc.record(
    {
      agreement: fc.constant('a1'),
      role: fc.constantFrom('direct', 'lead', 'advise', 'implement', 'invest', 'addressee', 'beneficiary' as const),
      roleLabel: t,
      party: fc.record({ kind: fc.constantFrom('person', 'body' as const), id: fc.constantFrom('p1', 'b1', 'b2'), name: t }),
      basis: fc.constantFrom('stated', 'inferred' as const),
      scope: fc.constantFrom('clause', 'general' as const),
      citation: citation(t),
      note: t,
    },
    { requiredKeys: ['agreement', 'role', 'roleLabel', 'party', 'basis', 'scope'] },
  );

function item(t: fc.Arbitrary<string>): fc.Arbitrary<AnswerItem> {
  const base = { agreement: fc.constant('a1'), id: fc.constantFrom('C1', 'R2', 'p1', 'b1', 'f1', 'a1'), title: t, citation: citation(t) };
  return fc.oneof(
    fc.record({
      ...base,
      type: fc.constant('commitment' as const),
      area: fc.constant('transport'),
      areaLabel: t,
      text: t,
      status: status(t),
      roles: fc.array(role(t), { maxLength: 6 }),
    }),
    fc.record({
      ...base,
      type: fc.constant('result' as const),
      areaLabel: t,
      text: t,
      status: status(t),
      parties: fc.array(fc.record({ kind: fc.constant('body' as const), id: fc.constant('b1'), name: t }), { maxLength: 3 }),
    }),
    fc.record({ ...base, type: fc.constant('fact' as const), text: t }),
    fc.record(
      {
        ...base,
        type: fc.constant('person' as const),
        name: t,
        province: t,
        titles: fc.array(fc.record({ text: t, original: t }), { maxLength: 4 }),
        eventRole: t,
        mentions: fc.array(fc.record({ about: t, citation: citation(t) }), { maxLength: 3 }),
      },
      { requiredKeys: ['agreement', 'id', 'title', 'citation', 'type', 'name', 'titles', 'eventRole', 'mentions'] },
    ),
    fc.record(
      { ...base, type: fc.constant('body' as const), name: t, otherName: t, description: t },
      { requiredKeys: ['agreement', 'id', 'title', 'citation', 'type', 'name'] },
    ),
    fc.record({
      ...base,
      type: fc.constant('agreement' as const),
      facts: fc.array(fc.record({ label: t, value: t, citation: citation(t) }, { requiredKeys: ['label', 'value'] }), { maxLength: 6 }),
    }),
  );
}

/**
 * Any Answer the core could build from hostile knowledge: every string in it is hostile. Some are
 * the answer to a message of several questions (`parts`, each an answer of its own).
 */
export function hostileAnswer(withParts = true): fc.Arbitrary<Answer> {
  const t = hostileText();
  return fc
    .record({
      intent: fc.constantFrom(
        'help',
        'agreement',
        'person',
        'role',
        'responsibility',
        'duties',
        'status_list',
        'clause',
        'topic',
        'unknown' as const,
      ),
      found: fc.boolean(),
      lang: fc.constantFrom('vi', 'en' as const),
      question: t,
      headline: t,
      items: fc.array(item(t), { maxLength: 8 }),
      assignments: fc.array(role(t), { maxLength: 3 }),
      generalRoles: fc.array(role(t), { maxLength: 4 }),
      nearest: fc.array(item(t), { maxLength: 3 }),
      parts: withParts
        ? fc.option(fc.array(hostileAnswer(false), { minLength: 2, maxLength: 3 }), { nil: undefined })
        : fc.constant(undefined),
      view: fc.constantFrom(undefined, 'short', 'full', 'quotes', 'general' as const),
      page: fc.record({
        index: fc.integer({ min: 1, max: 5 }),
        size: fc.constant(8),
        total: fc.integer({ min: 1, max: 40 }),
        pages: fc.integer({ min: 1, max: 5 }),
      }),
      notes: fc.array(t, { maxLength: 3 }),
      suggestions: fc.array(t, { maxLength: 4 }),
      detail: fc.constantFrom('full', 'brief' as const),
    })
    .map(({ parts, view, ...a }) => ({ ...a, ...(parts ? { parts } : {}), ...(view ? { view } : {}) }) as Answer);
}

/** Keys of knowledge entries that hold display text (never ids or references). */
const TEXT_KEYS = new Set(['vi', 'en', 'text', 'quote', 'name', 'description', 'about']);

/**
 * A copy of the knowledge with every display text replaced by one of `texts`, in turn. Ids and
 * references are kept, so the engine still finds C1, the pending list, the agreement's facts.
 */
export function withTexts(k: Knowledge, texts: readonly string[]): Knowledge {
  let n = 0;
  const next = () => texts[n++ % texts.length] as string;
  const walk = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string') return key && TEXT_KEYS.has(key) ? next() : v;
    if (Array.isArray(v)) return v.map((x) => walk(x, key === 'aliases' ? 'name' : undefined));
    if (v instanceof Date) return v;
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k2, x]) => [k2, walk(x, k2)]));
    return v;
  };
  return {
    ...k,
    agreements: k.agreements.map((a) => ({
      ...a,
      meta: walk(a.meta) as typeof a.meta,
      people: walk(a.people) as typeof a.people,
      bodies: walk(a.bodies) as typeof a.bodies,
      commitments: walk(a.commitments) as typeof a.commitments,
      results: walk(a.results) as typeof a.results,
      facts: walk(a.facts) as typeof a.facts,
    })),
    glossary: { ...k.glossary, areas: k.glossary.areas.map((ar) => ({ ...ar, vi: next(), en: next() })) },
  };
}
