// The platform-neutral Answer. The core fills it with localised strings; each adapter only lays
// them out (plain text, Telegram HTML, Slack Block Kit). No markup ever goes in here.
import type { Basis, Role, Status } from '../knowledge/schema.ts';

export type Lang = 'vi' | 'en';

/** What kind of question the answer answers (see understand/frame.ts for how it is decided). */
export type Intent =
  | 'help'
  | 'agreement'
  | 'person'
  | 'role'
  | 'statement'
  | 'responsibility'
  | 'duties'
  | 'status'
  | 'status_list'
  | 'results'
  | 'figure'
  | 'count'
  | 'date'
  | 'clause'
  | 'topic'
  | 'unknown';

/** Where a statement comes from: agreement, file, line and the verbatim quote. */
export interface CitationView {
  agreement: string;
  agreementTitle: string;
  file: string;
  line: number;
  quote: string;
}

export interface PartyRef {
  kind: 'person' | 'body';
  id: string;
  name: string;
}

export interface RoleView {
  agreement: string;
  role: Role;
  /** "chỉ đạo" / "directs" in the answer's language. */
  roleLabel: string;
  party: PartyRef;
  basis: Basis;
  /** 'clause' roles are stated for this commitment; 'general' ones apply to the whole agreement. */
  scope: 'clause' | 'general';
  citation?: CitationView;
  note?: string;
  /**
   * For a general assignment: when it applies (carrying out the agreement, or only when problems
   * arise), and, when a speech made the request rather than the agreement's own terms, who asked:
   * "theo đề nghị của Dương Văn Thái (phát biểu, dòng 18); khi gặp khó khăn, vướng mắc".
   */
  applies?: 'implementation' | 'problems';
  context?: string;
}

export interface StatusView {
  status: Status;
  label: string;
  /** The date the status is known as of (ISO), and who said so: the source, or a later update. */
  asOf: string;
  asOfLabel: string;
  citation?: CitationView;
  /** Set when the status comes from an update made in chat, not from the knowledge files. */
  update?: { by: string; note: string };
}

interface ItemBase {
  agreement: string;
  id: string;
  /** Headline in the answer's language. */
  title: string;
  /** In an English answer, the Vietnamese title, so a reader can find it in the source. */
  original?: string;
  citation: CitationView;
  /** The entry belongs to a list the source ends with "…": the source does not list everything. */
  incompleteList?: true;
}

export interface CommitmentItem extends ItemBase {
  type: 'commitment';
  area: string;
  areaLabel: string;
  text: string;
  status: StatusView;
  roles: RoleView[];
  due?: DueView;
}

/** A deadline as the source words it, and whether it has passed with the work not reported done. */
export interface DueView {
  /** "hạn: trước ngày 30/6/2024" / "due: by 30 June 2024"; "hằng năm" for a recurring one. */
  label: string;
  /** The wording as written ("trước ngày 30/6/2024"). */
  text: string;
  by?: string;
  recurring?: 'yearly' | 'quarterly' | 'monthly';
  overdue: boolean;
  citation: CitationView;
}

export interface ResultItem extends ItemBase {
  type: 'result';
  areaLabel: string;
  text: string;
  status: StatusView;
  parties: PartyRef[];
}

export interface FactItem extends ItemBase {
  type: 'fact';
  text: string;
}

export interface PersonItem extends ItemBase {
  type: 'person';
  name: string;
  province?: string;
  /** Each title in the answer's language, with the Vietnamese original when that differs. */
  titles: { text: string; original: string }[];
  eventRole: string;
  mentions: { about: string; citation: CitationView }[];
}

export interface BodyItem extends ItemBase {
  type: 'body';
  name: string;
  otherName?: string;
  description?: string;
}

export interface AgreementItem extends ItemBase {
  type: 'agreement';
  facts: { label: string; value: string; citation?: CitationView }[];
}

export type AnswerItem = CommitmentItem | ResultItem | FactItem | PersonItem | BodyItem | AgreementItem;

export interface Page {
  /** 1-based page number. */
  index: number;
  size: number;
  /** Total items across all pages. */
  total: number;
  pages: number;
  /** What the pages count, when not list items: the general assignment is paged by agreement. */
  of?: 'agreements';
}

export interface Answer {
  intent: Intent;
  found: boolean;
  lang: Lang;
  /** The question as we understood it (cleaned). */
  question: string;
  /**
   * The question made standalone: a follow-up ("còn Thái Nguyên thì sao?") with what it leans on
   * filled in. Asking it again, with no conversation, gives this answer (buttons do that).
   */
  resolved?: string;
  /** The answer itself, in a sentence: the name, the party and role, the status, the number. */
  headline: string;
  items: AnswerItem[];
  /** Roles that are themselves the answer ("what must X do" when X has a general assignment). */
  assignments?: RoleView[];
  /** Shared roles that apply to every commitment in the answer (lines 16/18), listed once; a detail. */
  generalRoles: RoleView[];
  /** When nothing answers: the nearest thing the source does say, shown as such, never as the answer. */
  nearest?: AnswerItem[];
  /** A message with several questions: each one's answer, in order (this answer then only wraps them). */
  parts?: Answer[];
  page?: Page;
  /** Caveats: "as of", "period ended", "ambiguous name", "no commitment names this person". */
  notes: string[];
  /** Example questions to try next. */
  suggestions: string[];
  /** 'brief' for lists: one line per item with its status and source; 'full' shows roles and text. */
  detail: 'full' | 'brief';
  /**
   * How the answer asks to be shown when it was itself a request for more ("chi tiết" → full,
   * "trích dẫn" → quotes). Unset: the short form. Renderers use it unless told otherwise.
   */
  view?: AnswerView;
}

/** The forms an answer is shown in: short (the default), full, its quotes, or the general assignment. */
export type AnswerView = 'short' | 'full' | 'quotes' | 'general';

/** A status update made in chat, as the core needs it (see src/state/status-log.ts for the rule). */
export interface StatusUpdateView {
  status: Status;
  /** The file's status when the update was made. */
  baseStatus: Status;
  at: string;
  userName: string;
  note: string;
}

/** The effective status of an item: the file's, or a later update's. */
export type StatusOverlay = (agreement: string, item: string, fileStatus: Status) => { status: Status; update?: StatusUpdateView };

/** What a platform command asks for, whatever the wording of its argument. */
export type AskAs = 'who' | 'responsibility' | 'pending' | 'clause' | 'search';

/** Options that come from the conversation, not from the question text. */
export interface AskOptions {
  /** Set by commands such as /ai or /cancho: the intent is known, the text is its subject. */
  as?: AskAs;
  /** The answer's language when the platform knows it better than the text (an English command name). */
  lang?: Lang;
  /** 1-based page of a long list. Default 1. */
  page?: number;
  /** Items per page. Default 8. */
  pageSize?: number;
}
