// Who does what, from the wording around each named body: "Giao X chủ trì", "phối hợp với Y, Z",
// "X là cơ quan đầu mối", "X có trách nhiệm", "X tham mưu", "X chỉ đạo", "kiến nghị/đề nghị Bộ X",
// "tạo điều kiện cho X", and X as the subject of the sentence. These are the stated roles; the
// quote is the stretch of the line that says it.
import type { Role } from '../knowledge/schema.ts';

/** A body mention with the ids it resolved to, offsets relative to the line. */
export interface Named {
  start: number;
  end: number;
  ids: string[];
}

export interface StatedRole {
  role: Role;
  party: string;
  /** Offsets in the line of the words that state it. */
  from: number;
  to: number;
}

const before = (text: string, at: number) => text.slice(Math.max(0, at - 60), at);

/** Words after a name that give it a role, checked in order. */
const AFTER: [RegExp, Role][] = [
  [/^\s*(?:làm\s+|là\s+)?(?:cơ quan\s+)?chủ trì/u, 'lead'],
  [/^\s*(?:là|làm)\s+(?:cơ quan\s+|đơn vị\s+)?(?:đầu mối|thường trực)/u, 'lead'],
  [/^\s*(?:có|chịu)\s+trách nhiệm/u, 'implement'],
  [/^\s*(?:chủ động\s+|tiếp tục\s+|có trách nhiệm\s+)?tham mưu/u, 'advise'],
  [/^\s*(?:tập trung\s+)?(?:lãnh đạo,\s*)?chỉ đạo/u, 'direct'],
  [/^\s*(?:\(?\s*)?(?:đang\s+|sẽ\s+|cùng\s+)?(?:bố trí vốn\s+)?đầu tư/u, 'invest'],
];

/** Words before a name that give it a role (the name may be one of a list after them). */
const BEFORE: [RegExp, Role][] = [
  [/phối hợp (?:với|cùng)\s+$/u, 'coordinate'],
  [/(?:kiến nghị|đề nghị|đề xuất|báo cáo, đề xuất|trình)(?:\s+với)?\s+$/iu, 'addressee'],
  [/(?:tạo điều kiện(?: thuận lợi)?|hỗ trợ)\s+cho\s+$/u, 'beneficiary'],
  [/phục vụ [^;.]*?của\s+$/u, 'beneficiary'],
];

/**
 * Roles stated in one part of a line (a sentence or a ";"-separated piece): `text` is the whole
 * line, [from, to) the part, `named` the bodies in it. `hasLead` says whether the unit already has
 * a lead, which turns "X phối hợp" at the end of a part into coordination rather than execution.
 */
export function statedRoles(text: string, from: number, to: number, named: readonly Named[], hasLead: boolean): StatedRole[] {
  const out: StatedRole[] = [];
  const inPart = named.filter((n) => n.start >= from && n.end <= to).sort((a, b) => a.start - b.start);
  const partStart = text.slice(from, to).search(/\S/u) + from;
  // Names joined by "," or "và" share one role: "phối hợp với Sở A, Sở B và Sở C", "Công an tỉnh A và Công an tỉnh B duy trì…".
  const groups: Named[][] = [];
  for (const n of inPart) {
    const last = groups.at(-1);
    const prev = last?.at(-1);
    if (last && prev && /^\s*(?:,|và|, và)\s*$/u.test(text.slice(prev.end, n.start))) last.push(n);
    else groups.push([n]);
  }
  for (const [k, group] of groups.entries()) {
    const first = group[0] as Named;
    const last = group.at(-1) as Named;
    const after = text.slice(last.end, to);
    let role: Role | undefined;
    let start = first.start;
    let end = last.end;
    // A cue just before the names wins: "phối hợp với X chỉ đạo…" makes X a coordinator, not the director.
    const b = before(text, first.start);
    for (const [re, r] of BEFORE) {
      const m = re.exec(b);
      if (m && first.start - m[0].length >= from - 1) {
        role = r;
        start = first.start - m[0].length;
        break;
      }
    }
    for (const [re, r] of role ? [] : AFTER) {
      const m = re.exec(after);
      if (m) {
        role = r;
        end = last.end + m[0].length;
        break;
      }
    }
    // "đề nghị các sở, ngành … trên cơ sở … sẽ chủ động tham mưu": the verb may come later in the clause.
    const later = /^[^;.]{0,90}?\s(?:sẽ\s+)?(?:chủ động\s+)?tham mưu/u.exec(after);
    const nextStart = groups[k + 1]?.[0]?.start ?? Number.POSITIVE_INFINITY;
    // An addressee asked to advise ("đề nghị X … tham mưu") has the role of adviser.
    if ((!role || role === 'addressee') && later && last.end + later[0].length < nextStart) {
      role = 'advise';
      end = last.end + later[0].length;
    }
    if (!role && /^\s*phối hợp(?:\s+thực hiện)?\s*[.;,]?\s*$/u.test(after)) {
      role = hasLead ? 'coordinate' : 'implement';
      end = to;
    }
    // The subject of the part: the first words, or after "Giao": "Giao Sở X triển khai…", "Công an hai tỉnh phối hợp…".
    const lead = text.slice(partStart, first.start);
    if (
      !role &&
      /^(?:\d+[.)]\s*|[a-zđ]\)\s*|[-–+]\s*)?(?:Giao\s+(?:cho\s+)?|Theo đó,\s*)?$/iu.test(lead) &&
      /^\s+(?:\(?[^)]*\)\s*)?\p{Ll}/u.test(after)
    ) {
      role = 'implement';
      end = Math.min(to, last.end + (after.match(/^\s+\S+(?:\s+\S+){0,6}/u)?.[0].length ?? 0));
    }
    if (!role) continue;
    for (const n of group) for (const id of n.ids) out.push({ role, party: id, from: start, to: end });
  }
  return out;
}

/** "Hai tỉnh …", "Hai bên …", "thống nhất hai địa phương …": the parties as the subject of a part. */
export function bothSidesSubject(text: string, from: number, to: number): { from: number; to: number } | undefined {
  const part = text.slice(from, to);
  const m =
    /^(?:\s*(?:\d+[.)]|[a-zđ]\)|[-–+])?\s*)(?:Theo đó,\s*)?(?:thống nhất\s+)?(?:(?:Hai|hai|Ba|ba|Các|các) (?:bên|tỉnh|địa phương))\s+\S+(?:\s+\S+){0,6}/u.exec(
      part,
    );
  if (!m) return undefined;
  return { from: from + m[0].search(/\S/u), to: from + m[0].length };
}
