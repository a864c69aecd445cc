// Two readings of an undertaking's own words: its area (by the glossary's area words) and its
// status (by the aspect words Vietnamese puts before a verb).
import type { Glossary } from '../knowledge/schema.ts';
import { fold } from './vn.ts';

/**
 * The glossary area whose words the text uses most. A word counts for its length in syllables,
 * divided among the areas that share it ("kinh tế" belongs to several), so a specific word
 * ("khai thác cát") outweighs a general one. Undefined when no area word occurs.
 */
export function areaOf(text: string, glossary: Glossary): string | undefined {
  const t = ` ${fold(text).replace(/[^a-z0-9]+/g, ' ')} `;
  const owners = new Map<string, number>();
  for (const a of glossary.areas) for (const w of new Set(a.words.map(fold))) owners.set(w, (owners.get(w) ?? 0) + 1);
  let best: { id: string; score: number } | undefined;
  for (const a of glossary.areas) {
    let score = 0;
    for (const w of new Set(a.words.map(fold))) {
      const key = w.replace(/[^a-z0-9]+/g, ' ').trim();
      if (!key || !/[a-z]/.test(key)) continue;
      // English area words do not occur in Vietnamese text; skipping them keeps "rail" out of "trai".
      if (t.includes(` ${key} `)) score += key.split(' ').length / (owners.get(w) ?? 1);
    }
    if (score > 0 && (!best || score > best.score)) best = { id: a.id, score };
  }
  return best?.id;
}

export interface StatusFound {
  status: 'ongoing' | 'done' | 'in_progress' | 'pending';
  /** The words that say so, verbatim, and where they start in the text. */
  cue?: { text: string; at: number };
}

/** "tiếp tục", "duy trì" → ongoing; "đã" → done; "đang" → in progress; otherwise pending. */
export function statusOf(text: string): StatusFound {
  const rules: [RegExp, StatusFound['status']][] = [
    [/(?<![\p{L}])(?:tiếp tục|duy trì)(?![\p{L}])/iu, 'ongoing'],
    [/(?<![\p{L}])đang(?![\p{L}])/iu, 'in_progress'],
    // "đã ký kết" describes the agreement itself, not progress on the undertaking.
    [/(?<![\p{L}])đã(?![\p{L}])(?!\s+(?:ký|thống nhất|được ký))/iu, 'done'],
  ];
  for (const [re, status] of rules) {
    const m = re.exec(text);
    if (m) {
      // The cue with the words it governs: "tiếp tục phối hợp đầu tư xây dựng mới".
      const after = text.slice(m.index).split(/[;.,(]/u)[0] ?? m[0];
      const cue = after.split(/\s+/).slice(0, 8).join(' ').trim();
      return { status, cue: { text: cue.length >= 3 ? cue : m[0], at: m.index } };
    }
  }
  return { status: 'pending' };
}
