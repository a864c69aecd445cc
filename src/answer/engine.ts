// The answering engine: one per Knowledge value. `ask()` never throws on user input; every
// question gets an Answer, with `found: false` and suggestions when nothing matches.
import type { Knowledge } from '../knowledge/types.ts';
import { createAnalyzer, type Analyzer } from '../search/analyzer.ts';
import { createSearchIndex, type SearchIndex } from '../search/index.ts';
import { cleanInput } from '../text/normalize.ts';
import { detectIntent, type Detected } from './intents.ts';
import { detectLang } from './lang.ts';
import { itemIndex } from './item-index.ts';
import { peopleIndex, prepare } from './match-index.ts';
import type { Answer, AskAs, AskOptions, StatusOverlay } from './types.ts';
import { fileStatus } from './views.ts';
import {
  answerAgreement,
  answerClause,
  answerDuties,
  answerHelp,
  answerResponsibility,
  answerSearch,
  answerStatusList,
  answerWho,
  findClauseIds,
} from './handlers.ts';

/** A command's intent wins over the wording, but keeps what the wording adds (a status, an area). */
function forced(d: Detected, question: string, as: AskAs | undefined): Detected {
  switch (as) {
    case undefined:
      return d;
    case 'who':
      return d.intent === 'who' ? d : { intent: 'who', subject: question };
    case 'responsibility':
      return d.intent === 'responsibility' ? d : { intent: 'responsibility', subject: question };
    case 'pending':
      return d.intent === 'status_list' ? d : { intent: 'status_list', statuses: ['pending'], subject: question, includeResults: false };
    case 'clause':
    case 'search':
      return d.intent === 'help' ? d : { intent: 'search', subject: d.intent === 'search' ? d.subject : question };
    default: {
      const never: never = as;
      return never;
    }
  }
}

export interface Engine {
  readonly knowledge: Knowledge;
  ask(question: string, options?: AskOptions): Answer;
}

/** Shared by the handlers: the knowledge, its analyser and index, and the clock. */
export interface Context {
  knowledge: Knowledge;
  analyzer: Analyzer;
  index: SearchIndex;
  now: () => Date;
  /** The effective status of an item (a chat update, or the file's). */
  overlay: StatusOverlay;
  page: number;
  pageSize: number;
}

export interface EngineOptions {
  /** The clock used for "as of" and "period ended" notes. Default: the system clock. */
  now?: () => Date;
  /** Statuses updated in chat since the files were written. Default: none, every status is the file's. */
  overlay?: StatusOverlay;
  /** Told about internal errors (the adapter logs them); the user gets an apology either way. */
  onError?: (error: unknown, question: string) => void;
}

/** Builds the analyser and index for one Knowledge value. The result is immutable, so a reload can swap engines atomically. */
export function createEngine(knowledge: Knowledge, options: EngineOptions = {}): Engine {
  const analyzer = createAnalyzer(knowledge.glossary);
  const index = createSearchIndex(knowledge, analyzer);
  // Name, title and body matching data: built now, so the first question does not wait for it.
  prepare(knowledge, analyzer);
  peopleIndex(knowledge);
  itemIndex(knowledge);
  analyzer.ready();
  const now = options.now ?? (() => new Date());

  /** Answers any string. A bug in a handler becomes a plain apology, never an exception for the adapter to catch. */
  function ask(raw: string, opts: AskOptions = {}): Answer {
    try {
      return answer(raw, opts);
    } catch (err) {
      options.onError?.(err, raw);
      const lang = detectLang(cleanInput(String(raw)));
      return {
        intent: 'unknown',
        found: false,
        lang,
        question: cleanInput(String(raw)),
        headline:
          lang === 'vi'
            ? 'Xin lỗi, đã có lỗi khi trả lời câu hỏi này. Bạn hãy thử hỏi cách khác.'
            : 'Sorry, something went wrong answering this. Please try asking another way.',
        items: [],
        generalRoles: [],
        notes: [],
        suggestions: [],
        detail: 'full',
      };
    }
  }

  function answer(raw: string, opts: AskOptions): Answer {
    const question = cleanInput(typeof raw === 'string' ? raw : '');
    const lang = opts.lang ?? detectLang(question);
    const ctx: Context = {
      knowledge,
      analyzer,
      index,
      now,
      overlay: options.overlay ?? fileStatus,
      page: Math.max(1, Math.floor(opts.page ?? 1)),
      pageSize: Math.max(1, Math.floor(opts.pageSize ?? 8)),
    };
    // A bare /cancho lists everything pending; any other empty question gets help.
    if (!/[\p{L}\p{N}]/u.test(question) && opts.as !== 'pending')
      return answerHelp(ctx, question, lang, question.length > 0 ? 'no-words' : 'empty');

    const ids = findClauseIds(knowledge, question);
    if (ids.length > 0) return answerClause(ctx, question, lang, ids);

    const d = forced(detectIntent(question), question, opts.as);
    switch (d.intent) {
      case 'help':
        return answerHelp(ctx, question, lang, 'asked');
      case 'agreement':
        return answerAgreement(ctx, question, lang, d.focus, d.subject);
      case 'status_list':
        return answerStatusList(ctx, question, lang, d.statuses, d.subject, d.includeResults);
      case 'responsibility':
        return answerResponsibility(ctx, question, lang, d.subject);
      case 'duties':
        return answerDuties(ctx, question, lang, d.subject);
      case 'who':
        return answerWho(ctx, question, lang, d.subject);
      case 'search':
        return answerSearch(ctx, question, lang, d.subject);
      default: {
        const never: never = d;
        throw new Error(`unhandled intent ${JSON.stringify(never)}`);
      }
    }
  }

  return { knowledge, ask };
}
