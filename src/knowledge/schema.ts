// zod schemas for every knowledge file. These are the contract admins edit against:
// README "Knowledge format" documents the same shapes with an example.
import { z } from 'zod';

/** An id scoped to one agreement: lower-case letters, digits and dashes, or an upper-case code such as C12. */
export const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, 'ids use letters, digits and dashes only');

/** Text in both languages. English may be missing for proper names; answers then fall back to Vietnamese. */
export const Bilingual = z.object({
  vi: z.string().min(1),
  en: z.string().min(1).optional(),
});

/** Where a statement comes from: a line of the agreement's source text and a quote found verbatim on it. */
export const Citation = z.object({
  line: z.number().int().positive(),
  quote: z.string().min(3),
});

/**
 * `pending`: new work, not reported started. `ongoing`: work the source words as continuing
 * ("tiếp tục…", "duy trì…"), so not "not started". `in_progress`: reported under way. `done`, `dropped`.
 */
export const Status = z.enum(['pending', 'ongoing', 'in_progress', 'done', 'dropped']);
export const Basis = z.enum(['stated', 'inferred']);

/**
 * What a party does for a commitment. `stated` roles carry the quote that states them;
 * `inferred` roles carry a note explaining the inference, and may cite the passage they rest on.
 */
export const Role = z.enum(['direct', 'lead', 'coordinate', 'advise', 'implement', 'invest', 'addressee', 'beneficiary']);

/** Why a drafted entry needs a person's look before it goes live (`mou-bot draft` sets it); answers ignore it. */
export const Review = z.string().min(1);

const responsibilityFields = {
  role: Role,
  party: Id,
  basis: Basis,
  source: Citation.optional(),
  /** Why an inferred role is inferred, in both languages, since answers show it. */
  note: Bilingual.optional(),
  review: Review.optional(),
};

function checkBasis(r: { basis: Basis; source?: Citation | undefined; note?: Bilingual | undefined }, ctx: z.RefinementCtx) {
  if (r.basis === 'stated' && !r.source) {
    ctx.addIssue({ code: 'custom', path: ['source'], message: 'a stated role needs the source quote that states it' });
  }
  if (r.basis === 'inferred' && !r.note) {
    ctx.addIssue({ code: 'custom', path: ['note'], message: 'an inferred role needs a note saying what it is inferred from' });
  }
}

export const Responsibility = z.object(responsibilityFields).superRefine(checkBasis);

/** Who made a request in a speech: a person id, and the line and words of the request (checked verbatim). */
export const SpeechRequest = Citation.extend({ speaker: Id });

/**
 * A role for the agreement as a whole, shown once beside each clause's own roles. `scope` is what it
 * covers: `implementation`, carrying out the agreement in general; `problems`, only when difficulties
 * or obstacles arise. `requested_by` is set when the assignment is a request made in a speech at the
 * signing ("đề nghị…") rather than a term of the agreement; the speaker must be recorded as speaking
 * on that line (a mention in people.yaml).
 */
export const GeneralAssignment = z
  .object({
    ...responsibilityFields,
    scope: z.enum(['implementation', 'problems']),
    requested_by: SpeechRequest.optional(),
  })
  .superRefine(checkBasis);

export const Province = z.object({
  id: Id,
  name: z.string().min(1),
  en: z.string().min(1).optional(),
});

export const AgreementFile = z.object({
  id: Id,
  title: Bilingual,
  short_title: Bilingual.optional(),
  kind: Bilingual,
  parties: z.array(Id).min(2),
  provinces: z.array(Province).min(1),
  signed: z.object({
    date: z.iso.date(),
    /** When the signing line gives no year ("Chiều 29/3"): the line the year is inferred from. */
    year_inferred_from: z.number().int().positive().optional(),
    time_of_day: Bilingual.optional(),
    place: Bilingual,
    source: Citation,
  }),
  period: z.object({
    from: z.number().int(),
    to: z.number().int(),
    text: Bilingual,
    source: Citation,
  }),
  /** When the agreement takes effect, as the source words it ("có hiệu lực kể từ ngày ký"). */
  effective: z
    .object({
      date: z.iso.date().optional(),
      text: z.string().min(1),
      source: Citation,
    })
    .optional(),
  co_chairs: z.array(Id).min(1),
  co_chairs_source: Citation,
  /** Who else attended, as the source says it without names ("lãnh đạo HĐND, UBND, …"): its words and line. */
  attendance: z.object({ text: Bilingual, source: Citation }).optional(),
  /** Other names the source uses for the document: the words as written (`quote`) and their line. */
  aliases: z.array(Citation).default([]),
  source_document: z.object({
    /** A file in the agreement's own folder: a plain name, never a path (answers quote its lines). */
    file: z
      .string()
      .regex(/^[\p{L}\p{N}_-][\p{L}\p{N}._-]*$/u, 'a file name in the agreement folder, without a path')
      .refine((f) => !f.includes('..'), 'a file name in the agreement folder, without a path'),
    title: Bilingual,
    author: Id.optional(),
    /** Lines after this one are not article text (for example comment-box residue). */
    content_lines: z.number().int().positive(),
  }),
  /** Roles for the agreement as a whole (who advises, who directs), each with its scope and, for a speech, who asked. */
  general_responsibility: z.array(GeneralAssignment).default([]),
  summary: Bilingual.optional(),
  review: Review.optional(),
});

export const Title = z.object({
  vi: z.string().min(1),
  en: z.string().min(1),
  body: Id.optional(),
});

export const Person = z.object({
  id: Id,
  name: z.string().min(1),
  province: Id.optional(),
  titles: z.array(Title).default([]),
  event_role: Bilingual,
  source: Citation,
  mentions: z.array(Citation.extend({ about: Bilingual })).default([]),
  review: Review.optional(),
});

export const Body = z.object({
  id: Id,
  name: z.string().min(1),
  en: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  /** One province, several, or none for national bodies and companies. */
  provinces: z.array(Id).default([]),
  kind: z.enum(['party', 'state', 'people', 'national', 'military', 'police', 'company', 'group']),
  description: Bilingual.optional(),
  source: Citation,
  review: Review.optional(),
});

/** What the source leaves open about a commitment or result, for answers to say. */
const openFields = {
  /** True when the entry belongs to a list the source ends with "…" (so the list is not complete); its line must have one. */
  incomplete_list: z.boolean().default(false),
  /** Anything else the source leaves open or words two ways (a place called "TP" on one line, "thị xã" on another). */
  note: Bilingual.optional(),
};

/**
 * The status fields of a commitment or result. Any status but `pending` is a claim about the work,
 * so it needs `status_source`, the words that support it. When those words imply the status rather
 * than state it, `status_note` says what the inference rests on.
 */
const statusFields = {
  /** The quote that supports the status; required for every status except `pending`. */
  status_source: Citation.optional(),
  /** Set when the status is inferred, not stated: why, in both languages, for answers to show beside the status. */
  status_note: Bilingual.optional(),
};

function checkStatus(
  e: { status: string; status_source?: Citation | undefined; status_note?: Bilingual | undefined },
  ctx: z.RefinementCtx,
) {
  if (e.status !== 'pending' && !e.status_source) {
    ctx.addIssue({
      code: 'custom',
      path: ['status_source'],
      message: `status "${e.status}" needs a status_source quoting what supports it`,
    });
  }
  if (e.status_note && !e.status_source) {
    ctx.addIssue({ code: 'custom', path: ['status_note'], message: 'a status_note explains a status_source, so it needs one' });
  }
}

/**
 * When a commitment is due, as the source words it, with the part a program can compare against a date.
 * `by` is the last day the wording covers: "trước ngày 30/6/2024" → 2024-06-30, "trong quý III/2024" →
 * 2024-09-30, "năm 2025" → 2025-12-31. With `recurring`, `by` is the first occurrence and the next ones
 * follow every year, quarter or month ("hằng năm" alone: the end of the first year).
 */
export const Due = z
  .object({
    /** The wording as written, found verbatim in `source.quote`. */
    text: z.string().min(1),
    by: z.iso.date().optional(),
    recurring: z.enum(['yearly', 'quarterly', 'monthly']).optional(),
    source: Citation,
  })
  .superRefine((d, ctx) => {
    if (!d.by && !d.recurring) ctx.addIssue({ code: 'custom', path: ['by'], message: 'a due needs `by` (a date), `recurring`, or both' });
    if (!d.source.quote.includes(d.text))
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'the due wording must appear in its source quote' });
  });

export const Commitment = z
  .object({
    id: Id,
    area: Id,
    title: Bilingual,
    text: z.string().min(1),
    status: Status,
    ...statusFields,
    ...openFields,
    due: Due.optional(),
    responsible: z.array(Responsibility).default([]),
    keywords: z.array(z.string().min(1)).default([]),
    source: Citation,
    review: Review.optional(),
  })
  .superRefine(checkStatus);

export const Result = z
  .object({
    id: Id,
    area: Id,
    title: Bilingual,
    text: z.string().min(1),
    status: z.enum(['done', 'in_progress']),
    ...statusFields,
    ...openFields,
    parties: z.array(Id).default([]),
    keywords: z.array(z.string().min(1)).default([]),
    source: Citation,
    review: Review.optional(),
  })
  .superRefine(checkStatus);

export const Fact = z.object({
  id: Id,
  kind: z.enum(['background', 'figure', 'assessment', 'statement']),
  /** Who said it, when the source attributes the passage to a speaker. */
  speaker: Id.optional(),
  /**
   * When the passage's own line names no speaker but continues a speech begun earlier ("Phát biểu
   * khai mạc, … cho biết" on line 6, then lines 7–13 in the same voice): the line the speech begins
   * on. The speaker is then inferred, and answers say so.
   */
  speaker_inferred_from: z.number().int().positive().optional(),
  title: Bilingual,
  text: z.string().min(1),
  parties: z.array(Id).default([]),
  keywords: z.array(z.string().min(1)).default([]),
  source: Citation,
  review: Review.optional(),
});

export const Area = z.object({
  id: Id,
  vi: z.string().min(1),
  en: z.string().min(1),
  /** Words (either language) that name this area in a question, e.g. "railway" for transport. */
  words: z.array(z.string().min(1)).default([]),
});

export const PeopleFile = z.object({ people: z.array(Person) });
export const BodiesFile = z.object({ bodies: z.array(Body) });
export const CommitmentsFile = z.object({ commitments: z.array(Commitment) });
export const ResultsFile = z.object({ results: z.array(Result).default([]), facts: z.array(Fact).default([]) });

/** The glossary is shared by all agreements: it lives at the knowledge root. */
export const GlossaryFile = z.object({
  /** Abbreviation ↔ long form; both directions are searched ("QL" = "quốc lộ"). */
  abbreviations: z.array(z.object({ short: z.string().min(1), long: z.string().min(1), en: z.string().min(1).optional() })),
  /**
   * Groups of interchangeable phrases, in any language (English topic words map to the Vietnamese vocabulary
   * here). Generic words only: a group never holds a proper name (see `works`), and its phrases mean the
   * same thing, not a kind of it ("road" is not "ring road").
   */
  synonyms: z.array(z.array(z.string().min(1)).min(2)),
  areas: z.array(Area),
  /** Place names: a question about a place but an uncovered topic must not match on the place alone. */
  places: z.array(z.string().min(1)).default([]),
  /**
   * Proper names of works, waters and documents the agreements are about ("cầu Hòa Sơn", "hồ Núi Cốc",
   * "sông Cầu", "QL17"). Unlike places they are topics, so they are not in `places`. No synonym group
   * may hold one of these, a place or a person's name: the group would make other things match it.
   */
  works: z.array(z.string().min(1)).default([]),
  /** Words too general to make a match on their own ("hợp tác", "tỉnh"). */
  generic: z.array(z.string().min(1)).default([]),
});

export type Citation = z.infer<typeof Citation>;
export type Due = z.infer<typeof Due>;
export type Status = z.infer<typeof Status>;
export type Basis = z.infer<typeof Basis>;
export type Role = z.infer<typeof Role>;
export type Responsibility = z.infer<typeof Responsibility>;
export type GeneralAssignment = z.infer<typeof GeneralAssignment>;
export type Bilingual = z.infer<typeof Bilingual>;
export type AgreementFile = z.infer<typeof AgreementFile>;
export type Person = z.infer<typeof Person>;
export type Body = z.infer<typeof Body>;
export type Commitment = z.infer<typeof Commitment>;
export type Result = z.infer<typeof Result>;
export type Fact = z.infer<typeof Fact>;
export type Area = z.infer<typeof Area>;
export type Glossary = z.infer<typeof GlossaryFile>;

/** The file names an agreement folder holds. Every one is required, so a typo in a name is an error, not a silent gap. */
export const AGREEMENT_FILES = {
  agreement: 'agreement.yaml',
  people: 'people.yaml',
  bodies: 'bodies.yaml',
  commitments: 'commitments.yaml',
  results: 'results.yaml',
} as const;
export const GLOSSARY_FILE = 'glossary.yaml';
