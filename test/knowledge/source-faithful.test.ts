// The shipped knowledge must claim no more than the article says (issue 12). Like
// honest-knowledge.test.ts, this reads the YAML directly, so a loader bug cannot hide a bad entry.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { AGREEMENT_DIR } from '../helpers.ts';

interface Citation {
  line: number;
  quote: string;
}
interface Entry {
  id: string;
  status: string;
  status_source?: Citation;
  status_note?: { vi: string; en?: string };
  text: string;
}

const yaml = (file: string) => parse(readFileSync(join(AGREEMENT_DIR, file), 'utf8'));
const commitments: Entry[] = yaml('commitments.yaml').commitments;
const results: Entry[] = yaml('results.yaml').results;
const byId = (id: string) => [...commitments, ...results].find((e) => e.id === id);

describe('statuses say no more than the source', () => {
  it('every status other than pending cites what supports it', () => {
    const unsupported = [...commitments, ...results].filter((e) => e.status !== 'pending' && !e.status_source).map((e) => e.id);
    expect(unsupported).toEqual([]);
  });

  it('R6 (line 11 has no "đã") is not reported done, and cites line 11', () => {
    const r6 = byId('R6');
    expect(r6?.status).not.toBe('done');
    expect(r6?.status_source?.line).toBe(11);
    expect(r6?.status_note?.vi).toContain('không có “đã”');
  });

  it('R4 says its status is inferred from line 30, where Bắc Giang alone is investing', () => {
    const r4 = byId('R4');
    expect(r4?.status_source).toEqual({ line: 30, quote: '(tỉnh Bắc Giang đang đầu tư)' });
    expect(r4?.status_note?.vi).toMatch(/chỉ tỉnh Bắc Giang là bên đang đầu tư/);
    expect(r4?.status_note?.en).toMatch(/Bắc Giang alone is investing/);
  });
});
