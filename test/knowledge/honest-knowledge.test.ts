// The knowledge files must say only what the source says: every quote is verbatim on the line it
// cites, and the whole article is encoded. This reads the YAML directly, not through the loader,
// so a loader bug cannot hide a bad quote.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { AGREEMENT_DIR, KNOWLEDGE_DIR, shippedKnowledge } from '../helpers.ts';

const source = readFileSync(join(AGREEMENT_DIR, 'source.txt'), 'utf8').split('\n');

interface Cite {
  file: string;
  path: string;
  line: number;
  quote: string;
}

function collect(value: unknown, file: string, path: string, out: Cite[]): void {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) collect(v, file, `${path}[${i}]`, out);
  } else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.line === 'number' && typeof o.quote === 'string') out.push({ file, path, line: o.line, quote: o.quote });
    for (const [k, v] of Object.entries(o)) collect(v, file, path ? `${path}.${k}` : k, out);
  }
}

const files = readdirSync(AGREEMENT_DIR).filter((f) => f.endsWith('.yaml'));
const cites: Cite[] = [];
for (const f of files) collect(parse(readFileSync(join(AGREEMENT_DIR, f), 'utf8')), f, '', cites);

describe('every citation in knowledge/bg-tn-2023', () => {
  it('there are citations to check', () => {
    expect(cites.length).toBeGreaterThan(100);
  });

  it.each(cites.map((c) => [`${c.file} ${c.path} (line ${c.line})`, c] as const))('%s is verbatim on its line', (_, c) => {
    expect(c.line).toBeGreaterThanOrEqual(1);
    // Lines 38–39 are comment-box residue from the web page, not the article.
    expect(c.line).toBeLessThanOrEqual(37);
    expect(source[c.line - 1]).toContain(c.quote);
  });
});

describe('the article is encoded whole', () => {
  it('every content line (1–37) is cited by some entry', () => {
    const cited = new Set(cites.map((c) => c.line));
    const missing = Array.from({ length: 37 }, (_, i) => i + 1).filter((l) => !cited.has(l));
    expect(missing).toEqual([]);
  });

  it('each commitment, result and fact text is the source wording', async () => {
    const k = await shippedKnowledge();
    const article = source.slice(0, 37).join('\n');
    const a = k.agreements[0];
    if (!a) throw new Error('no agreement');
    for (const entry of [...a.commitments, ...a.results, ...a.facts]) {
      // Texts may join several passages with "…"; each passage must be verbatim.
      for (const part of entry.text.split(/\s*…\s*/).filter(Boolean)) expect(article, `${entry.id}`).toContain(part);
    }
  });

  it('names every person of the article', async () => {
    const a = (await shippedKnowledge()).agreements[0];
    const names = a?.people.map((p) => p.name) ?? [];
    for (const n of [
      'Dương Văn Thái',
      'Nguyễn Thanh Hải',
      'Lê Thị Thu Hồng',
      'Lê Ánh Dương',
      'Lâm Thị Hương Thành',
      'Trịnh Việt Hùng',
      'Phạm Hoàng Sơn',
      'Dương Thủy',
    ])
      expect(names).toContain(n);
  });

  it('names the bodies the issue lists', async () => {
    const a = (await shippedKnowledge()).agreements[0];
    const ids = new Set(a?.bodies.map((b) => b.id));
    for (const id of [
      'btv-tu-bg',
      'btv-tu-tn',
      'tu-bg',
      'tu-tn',
      'hdnd-bg',
      'hdnd-tn',
      'ubnd-bg',
      'ubnd-tn',
      'mttq-bg',
      'mttq-tn',
      'doan-dbqh-bg',
      'doan-dbqh-tn',
      'so-nganh-hai-tinh',
      'bcsd-ubnd-bg',
      'bcsd-ubnd-tn',
      'bo-gtvt',
      'tct-dsvn',
      'samsung',
      'samsung-tn',
      'quan-khu-1',
      'luc-luong-vu-trang-hai-tinh',
      'cong-an-hai-tinh',
      'bo-chinh-tri',
      'trung-uong',
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it('splits bundled lines into separate commitments (line 28 → 3, line 30 → 6)', async () => {
    const a = (await shippedKnowledge()).agreements[0];
    const onLine = (n: number) => a?.commitments.filter((c) => c.source.line === n).length;
    expect(onLine(28)).toBe(3);
    expect(onLine(30)).toBe(6);
  });

  it('marks every role stated (with a quote) or inferred (with a note), and states the explicit actors', async () => {
    const a = (await shippedKnowledge()).agreements[0];
    if (!a) throw new Error('no agreement');
    const roles = a.commitments.flatMap((c) => c.responsible.map((r) => ({ c: c.id, ...r })));
    for (const r of roles) expect(r.basis === 'stated' ? r.source : r.note, `${r.c} ${r.party}`).toBeTruthy();
    const stated = (c: string, party: string) => roles.some((r) => r.c === c && r.party === party && r.basis === 'stated');
    expect(stated('C16', 'bo-gtvt')).toBe(true);
    expect(stated('C18', 'tct-dsvn')).toBe(true);
    expect(stated('C35', 'cong-an-hai-tinh')).toBe(true);
    expect(stated('C21', 'tinh-bac-giang')).toBe(true);
    expect(roles.some((r) => r.basis === 'inferred')).toBe(true);
  });

  it('keeps the glossary at the knowledge root, shared by agreements', () => {
    expect(readdirSync(KNOWLEDGE_DIR)).toContain('glossary.yaml');
  });
});
