// What answering needs, built once per Knowledge value by createEngine and passed to every step
// explicitly: the knowledge, its analyser and indexes, the effective status of each item, and the
// clock. The few memos kept beside it (analyses' coverage facts, merged area words, date
// formatters) are keyed by the objects they describe, so they never mix two knowledge versions.
import type { Status } from '../knowledge/schema.ts';
import type { Agreement, Knowledge } from '../knowledge/types.ts';
import type { Analyzer } from '../search/analyzer.ts';
import type { ItemType, SearchIndex } from '../search/index.ts';
import type { Vocabulary } from '../search/typos.ts';
import type { ItemIndex } from './party-rows.ts';
import type { PeopleIndex, Prepared } from './entity-index.ts';
import type { Lang, StatusUpdateView } from './types.ts';

/** A commitment, result or fact named by its id ("C17", "R2"), in one agreement. */
export interface ClauseRef {
  agreement: string;
  id: string;
  type: ItemType;
}

/** The status to show for an item, and the update made in chat it comes from, if any. */
export interface EffectiveStatus {
  status: Status;
  update?: StatusUpdateView;
}

export interface EngineContext {
  knowledge: Knowledge;
  analyzer: Analyzer;
  index: SearchIndex;
  /** Titles, bodies and areas, grouped for matching. */
  matching: Prepared;
  people: PeopleIndex;
  items: ItemIndex;
  /** Id → where it exists, in agreement order. */
  clauses: Map<string, ClauseRef[]>;
  agreements: Map<string, Agreement>;
  /** The words the knowledge and the question lexicon use, for the typo rule. */
  vocabulary: Vocabulary;
  /**
   * The capitalised syllables of proper names (people, places, named works), folded, with the
   * spellings they are written in: a typo may be corrected toward one of these.
   */
  nameWords: ReadonlyMap<string, ReadonlySet<string>>;
  /** Two syllables side by side in a proper name ("bac_giang", "luu_xa"), folded. */
  namePairs: ReadonlySet<string>;
  /** Whether a word typed with diacritics is known in that spelling (see understand/spelling.ts). */
  knowsMarked: (marked: string) => boolean;
  /** Whether some known word has these letters and vowel marks, whatever its tone ("tinh" of "tỉnh" for a typed "tĩnh"). */
  knowsToneless: (marked: string) => boolean;
  /** The one effective status of an item: the file's, or a later update's (see status.ts). */
  statusOf: (agreement: string, item: string, fileStatus: Status) => EffectiveStatus;
  now: () => Date;
  /** Today's date (YYYY-MM-DD) where the users are: deadlines are read against it. */
  today: () => string;
}

/** One question's view: the engine's context, the answer's language and the page asked for. */
export interface AskContext extends EngineContext {
  lang: Lang;
  page: number;
  pageSize: number;
  /**
   * Entries a follow-up points back to ("tuyến đó", "NQ đó", "trong đó"), as "agreement/type/id":
   * searches look among them first.
   */
  within?: ReadonlySet<string>;
}

export function agreementOf(ctx: EngineContext, id: string): Agreement {
  const a = ctx.agreements.get(id);
  if (!a) throw new Error(`no agreement ${id}`);
  return a;
}
