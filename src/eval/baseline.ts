// The baseline that `npm run eval` and `npm run bench` measure us against: MiniSearch with its
// default options (its own tokenizer, lower-casing only, no fuzzy, no prefix, no boosts) over the
// same documents our index holds. No folding, no glossary, no intents, no relevance check: the top
// hit is the answer and `found` means "any hit". The difference between the two columns is what
// our Vietnamese processing and answer logic are worth.
import MiniSearch from 'minisearch';
import { detectLang } from '../answer/lang.ts';
import type { Answer, AnswerItem, Lang } from '../answer/types.ts';
import { itemView } from '../answer/views.ts';
import type { Knowledge } from '../knowledge/types.ts';
import { documents, type Doc, type ItemType } from '../search/index.ts';

export interface Baseline {
  readonly knowledge: Knowledge;
  ask(question: string): Answer;
  readonly size: number;
}

export function createBaseline(knowledge: Knowledge): Baseline {
  const docs = documents(knowledge);
  const mini = new MiniSearch<Doc>({
    idField: 'key',
    fields: ['name', 'keywords', 'text', 'context'],
    storeFields: ['type', 'agreement', 'itemId'],
  });
  mini.addAll(docs);
  const agreements = new Map(knowledge.agreements.map((a) => [a.id, a]));

  function render(type: ItemType, agreement: string, itemId: string, lang: Lang): AnswerItem | undefined {
    // Every status is the file's: the baseline has no chat updates.
    return itemView(
      { lang, knowledge, agreements, statusOf: (_a, _i, status) => ({ status }), today: () => new Date().toISOString().slice(0, 10) },
      { type, agreement, id: itemId },
    );
  }

  return {
    knowledge,
    size: docs.length,
    ask(question) {
      // The raw question goes to MiniSearch. The language is detected only to render the hit in
      // the same language as ours, so the judge compares content, not wording.
      const lang = detectLang(question);
      const hits = mini.search(question);
      const top = hits[0];
      const item = top ? render(top.type as ItemType, top.agreement as string, top.itemId as string, lang) : undefined;
      return {
        intent: 'topic',
        found: hits.length > 0,
        lang,
        question,
        headline: item?.title ?? (lang === 'en' ? 'No match.' : 'Không có kết quả.'),
        items: item ? [item] : [],
        generalRoles: [],
        notes: [],
        suggestions: [],
        detail: 'full',
      };
    },
  };
}
