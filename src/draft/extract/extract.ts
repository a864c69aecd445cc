// A document file → its paragraphs, by format. Failures become DraftInputError with a message an
// admin can act on; nothing here throws anything else for a bad file.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { docxParagraphs } from './docx.ts';
import { cleanParagraphs, unwrapLines } from './paragraphs.ts';
import { pdfParagraphs } from './pdf.ts';

export type Format = 'txt' | 'md' | 'docx' | 'pdf';

export class DraftInputError extends Error {}

const FORMATS: Record<string, Format> = { '.txt': 'txt', '.text': 'txt', '.md': 'md', '.markdown': 'md', '.docx': 'docx', '.pdf': 'pdf' };

/** Markdown's marks, not its text: headings, emphasis, links, table pipes. */
function stripMarkdown(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/^\s*[*]\s+/, '- ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|\s)[*_](\S(?:.*?\S)?)[*_](?=\s|$|[.,;:])/g, '$1$2')
    .replace(/^\s*\|?\s*:?-{3,}.*$/, '')
    .replace(/\s*\|\s*/g, ' | ')
    .replace(/^ \| | \| $/g, '');
}

function decodeText(buf: Buffer): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(buf);
  return text.replace(/^\uFEFF/, '');
}

export async function extractParagraphs(path: string): Promise<{ format: Format; paragraphs: string[] }> {
  const format = FORMATS[extname(path).toLowerCase()];
  if (!format) throw new DraftInputError(`${path}: unsupported file type "${extname(path) || '(none)'}"; use .txt, .md, .docx or .pdf`);
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new DraftInputError(
      `${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : `cannot read (${code ?? String(err)})`}`,
    );
  }
  if (data.length === 0) throw new DraftInputError(`${path}: the file is empty`);
  let raw: string[];
  try {
    if (format === 'docx') raw = await docxParagraphs(data);
    else if (format === 'pdf') raw = await pdfParagraphs(new Uint8Array(data));
    else {
      const lines = decodeText(data).split(/\r?\n/);
      raw = unwrapLines(format === 'md' ? lines.map(stripMarkdown) : lines);
    }
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new DraftInputError(`${path}: cannot read it as ${format.toUpperCase()} (${why})`);
  }
  const paragraphs = cleanParagraphs(raw);
  if (paragraphs.length === 0)
    throw new DraftInputError(
      `${path}: no text found${format === 'pdf' ? ' (a scanned PDF needs OCR first: the drafter reads the text layer)' : ''}`,
    );
  return { format, paragraphs };
}
