// Extraction per format: the .docx and .pdf of an invented agreement give back the paragraphs of its
// plain text, whatever the layout did to them (wrapped lines, two-column tables, page furniture).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DraftInputError, extractParagraphs } from '../../src/draft/extract/extract.ts';
import { kimSaHaiAu } from '../../testkit/formal/kim-sa-hai-au.ts';
import { renderAll, toText } from '../../testkit/formal/render.ts';

let dir: string;
let paths: { txt: string; docx: string; pdf: string };
const expected = toText(kimSaHaiAu).trim().split('\n');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mou-extract-'));
  paths = await renderAll(kimSaHaiAu, dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('extraction gives one paragraph or point per line, in NFC', () => {
  it('.txt', async () => {
    const r = await extractParagraphs(paths.txt);
    expect(r.format).toBe('txt');
    expect(r.paragraphs).toEqual(expected);
  });

  it('.docx: the header and signature tables are read column by column', async () => {
    const r = await extractParagraphs(paths.docx);
    expect(r.paragraphs).toEqual(expected);
    const sig = r.paragraphs.indexOf('ĐẠI DIỆN TỔNG CÔNG TY CẢNG BIỂN HẢI ÂU');
    expect(r.paragraphs.slice(sig, sig + 4)).toEqual([
      'ĐẠI DIỆN TỔNG CÔNG TY CẢNG BIỂN HẢI ÂU',
      'TỔNG GIÁM ĐỐC',
      '(Đã ký)',
      'Trịnh Quang Vĩnh',
    ]);
  });

  it('.pdf: wrapped lines joined, columns separated, running header and page numbers dropped', async () => {
    const r = await extractParagraphs(paths.pdf);
    expect(r.paragraphs).toEqual(expected);
    expect(r.paragraphs).not.toContain(kimSaHaiAu.runningHeader);
    expect(r.paragraphs.every((p) => !/^\d+$/.test(p))).toBe(true);
    expect(r.paragraphs.every((p) => p === p.normalize('NFC'))).toBe(true);
  });

  it('.md: marks removed, text kept', async () => {
    const md = join(dir, 'a.md');
    await writeFile(md, '# **Biên bản ghi nhớ**\n\nHai bên thống nhất\nhợp tác về *du lịch*.\n\n* Phối hợp [xúc tiến](http://x) đầu tư.\n');
    const r = await extractParagraphs(md);
    expect(r.paragraphs).toEqual(['Biên bản ghi nhớ', 'Hai bên thống nhất hợp tác về du lịch.', '- Phối hợp xúc tiến đầu tư.']);
  });

  it('a hard-wrapped .txt is unwrapped inside sentences only', async () => {
    const txt = join(dir, 'wrapped.txt');
    await writeFile(txt, 'Điều 1. Nội dung\n1. Phối hợp đầu tư xây dựng tuyến đường\nnối hai tỉnh.\n2. Tổ chức hội chợ.\n');
    const r = await extractParagraphs(txt);
    expect(r.paragraphs).toEqual(['Điều 1. Nội dung', '1. Phối hợp đầu tư xây dựng tuyến đường nối hai tỉnh.', '2. Tổ chức hội chợ.']);
  });
});

describe('files that cannot be drafted get a clear reason', () => {
  const reason = async (path: string) => {
    try {
      await extractParagraphs(path);
    } catch (err) {
      expect(err).toBeInstanceOf(DraftInputError);
      return (err as Error).message;
    }
    throw new Error('expected a DraftInputError');
  };

  it('missing, empty, unsupported, not really a PDF, a PDF without text', async () => {
    expect(await reason(join(dir, 'nope.pdf'))).toMatch(/no such file/);
    await writeFile(join(dir, 'empty.txt'), '');
    expect(await reason(join(dir, 'empty.txt'))).toMatch(/the file is empty/);
    await writeFile(join(dir, 'blank.txt'), '  \n\n \t\n');
    expect(await reason(join(dir, 'blank.txt'))).toMatch(/no text found/);
    await writeFile(join(dir, 'a.odt'), 'x');
    expect(await reason(join(dir, 'a.odt'))).toMatch(/unsupported file type ".odt"/);
    await writeFile(join(dir, 'fake.pdf'), 'this is not a PDF');
    expect(await reason(join(dir, 'fake.pdf'))).toMatch(/cannot read it as PDF/);
    await writeFile(join(dir, 'fake.docx'), 'this is not a zip');
    expect(await reason(join(dir, 'fake.docx'))).toMatch(/cannot read it as DOCX/);
    const scanned = await new Promise<Buffer>((resolve) => {
      const pdf = new PDFDocument();
      const chunks: Buffer[] = [];
      pdf.on('data', (c: Buffer) => chunks.push(c));
      pdf.on('end', () => resolve(Buffer.concat(chunks)));
      pdf.rect(50, 50, 100, 100).fill('#888');
      pdf.end();
    });
    await writeFile(join(dir, 'scan.pdf'), scanned);
    expect(await reason(join(dir, 'scan.pdf'))).toMatch(/no text found.*OCR/);
  });
});
