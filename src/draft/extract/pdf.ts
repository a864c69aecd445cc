// PDF → paragraphs, from the positions of the text on the page (unpdf: PDF.js built for servers).
// Office PDFs are laid out, not written as paragraphs: lines wrap inside sentences, the header and
// the signature block sit in two columns, and pages carry running headers and page numbers. This
// file undoes that layout with geometry alone, so it works whatever words the document uses.
import { getDocumentProxy } from 'unpdf';
import { STRUCTURAL } from './paragraphs.ts';

interface Seg {
  x0: number;
  x1: number;
  text: string;
  size: number;
}

interface Row {
  page: number;
  /** Baseline, from the top of the page. */
  y: number;
  segs: Seg[];
}

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
}

async function readRows(data: Uint8Array): Promise<{ rows: Row[]; pageHeight: number; pages: number }> {
  // Verbosity 0: PDF.js warnings about a damaged file would reach the CLI's stderr; the error itself is reported.
  const pdf = await getDocumentProxy(data, { verbosity: 0 });
  const rows: Row[] = [];
  let pageHeight = 842;
  for (let p = 1; p <= pdf.numPages; p++) {
    const page = await pdf.getPage(p);
    pageHeight = page.getViewport({ scale: 1 }).height;
    const content = await page.getTextContent();
    const items = (content.items as TextItemLike[])
      .filter((it) => typeof it.str === 'string' && it.str.trim() !== '')
      .map((it) => ({
        text: it.str,
        x0: it.transform[4] as number,
        x1: (it.transform[4] as number) + it.width,
        y: pageHeight - (it.transform[5] as number),
        size: Math.abs(it.transform[3] as number) || 10,
      }))
      .sort((a, b) => a.y - b.y || a.x0 - b.x0);
    const pageRows: { y: number; items: typeof items }[] = [];
    for (const it of items) {
      const row = pageRows.find((r) => Math.abs(r.y - it.y) < it.size * 0.4);
      if (row) row.items.push(it);
      else pageRows.push({ y: it.y, items: [it] });
    }
    for (const r of pageRows.sort((a, b) => a.y - b.y)) {
      const segs: Seg[] = [];
      for (const it of r.items.sort((a, b) => a.x0 - b.x0)) {
        const last = segs.at(-1);
        const gap = last ? it.x0 - last.x1 : Number.POSITIVE_INFINITY;
        // A gap wider than two characters separates columns; a small one is a space between words.
        if (last && gap < it.size * 1.5) {
          const space = gap > it.size * 0.15 && !last.text.endsWith(' ') && !it.text.startsWith(' ') ? ' ' : '';
          last.text += space + it.text;
          last.x1 = Math.max(last.x1, it.x1);
        } else segs.push({ x0: it.x0, x1: it.x1, text: it.text, size: it.size });
      }
      rows.push({ page: p, y: r.y, segs });
    }
  }
  return { rows, pageHeight, pages: pdf.numPages };
}

const BLOCK_START =
  /^(?:ỦY BAN|UBND|HỘI ĐỒNG|HĐND|TỔNG CÔNG TY|CÔNG TY|TẬP ĐOÀN|SỞ|BỘ|BAN|TỈNH ỦY|THÀNH ỦY|ĐẢNG|CỘNG HÒA|CỘNG HOÀ|Độc lập|SỐ|Số|TM\.|T\/M|KT\.|Q\.|TL\.|CHỦ TỊCH|PHÓ|BÍ THƯ|GIÁM ĐỐC|TỔNG GIÁM ĐỐC|ĐẠI DIỆN|\(|\p{Lu}[^,]{1,40}, ngày \d)/u;

const rowText = (r: Row) => r.segs.map((s) => s.text.trim()).join(' ');
const PAGE_NUMBER = /^[-–\s]*(?:trang\s*)?\d{1,4}(?:\s*\/\s*\d{1,4})?[-–\s]*$/iu;

/**
 * Page numbers, and running headers and footers: lines near a page edge that are bare numbers, that
 * recur on other pages, or that are set smaller than the body text (a header printed on one page only).
 */
function dropFurniture(rows: Row[], pageHeight: number, pages: number): Row[] {
  const edge = (r: Row) => r.y < pageHeight * 0.09 || r.y > pageHeight * 0.91;
  const key = (r: Row) => rowText(r).replace(/\d+/g, '#').toLowerCase();
  const seenOn = new Map<string, Set<number>>();
  for (const r of rows.filter(edge)) {
    const k = key(r);
    seenOn.set(k, (seenOn.get(k) ?? new Set()).add(r.page));
  }
  const sizes = new Map<number, number>();
  for (const r of rows) for (const s of r.segs) sizes.set(Math.round(s.size), (sizes.get(Math.round(s.size)) ?? 0) + s.text.length);
  const body = [...sizes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
  const small = (r: Row) => r.segs.every((s) => s.size < body * 0.85);
  return rows.filter((r) => !(edge(r) && (PAGE_NUMBER.test(rowText(r)) || small(r) || (pages > 1 && (seenOn.get(key(r))?.size ?? 0) > 1))));
}

interface Frame {
  left: number;
  right: number;
}

/** The text block: the most common left edge and the right edge most full lines reach. */
function bodyFrame(rows: Row[]): Frame {
  const count = new Map<number, number>();
  for (const r of rows) for (const s of r.segs) count.set(Math.round(s.x0), (count.get(Math.round(s.x0)) ?? 0) + 1);
  const left = [...count].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
  const rights = rows
    .flatMap((r) => r.segs.map((s) => s.x1))
    .sort((a, b) => a - b)
    .reverse();
  const right = rights[Math.floor(rights.length * 0.1)] ?? left + 400;
  return { left, right: Math.max(right, left + 100) };
}

type Piece = { kind: 'row'; row: Row; seg: Seg } | { kind: 'columns'; left: { row: Row; seg: Seg }[]; right: { row: Row; seg: Seg }[] };

/** Splits rows into full-width lines and two-column blocks (the header, the signatures). */
function layout(rows: Row[], frame: Frame): Piece[] {
  const mid = (frame.left + frame.right) / 2;
  const oneSide = (s: Seg) => s.x1 < mid + 5 || s.x0 > mid - 5;
  const pieces: Piece[] = [];
  let block: Extract<Piece, { kind: 'columns' }> | undefined;
  for (const [i, row] of rows.entries()) {
    const next = rows[i + 1];
    const twoCol = row.segs.length >= 2 && row.segs.every(oneSide);
    // A lone half-width line belongs to a two-column block it sits in (or starts one with the next row).
    const prev = rows[i - 1];
    const seg = row.segs[0] as Seg;
    const close = (a: Row | undefined, b: Row | undefined) =>
      a !== undefined && b !== undefined && a.page === b.page && b.y - a.y < seg.size * 1.7;
    const loneInBlock =
      row.segs.length === 1 &&
      oneSide(seg) &&
      ((block !== undefined && close(prev, row)) ||
        (close(row, next) && (next as Row).segs.length >= 2 && (next as Row).segs.every(oneSide)));
    if (twoCol || loneInBlock) {
      if (!block) pieces.push((block = { kind: 'columns', left: [], right: [] }));
      for (const seg of row.segs) ((seg.x0 + seg.x1) / 2 < mid ? block.left : block.right).push({ row, seg });
      continue;
    }
    block = undefined;
    for (const seg of row.segs) pieces.push({ kind: 'row', row, seg });
  }
  return pieces;
}

/** Joins the lines of one stream into paragraphs: a line continues the previous one when it wraps it. */
function joinLines(lines: { row: Row; seg: Seg }[], frame: Frame, centred: boolean): string[] {
  const width = frame.right - frame.left;
  const out: string[] = [];
  let prev: { row: Row; seg: Seg } | undefined;
  let pitch = 0;
  for (const line of lines) {
    const text = line.seg.text.trim();
    let wraps = false;
    if (prev) {
      const p = prev.seg;
      const s = line.seg;
      const prevText = p.text.trim();
      const full = centred ? p.x1 - p.x0 >= width * 0.7 : p.x1 >= frame.right - width * 0.08;
      const isCentred = Math.abs((s.x0 + s.x1) / 2 - (frame.left + frame.right) / 2) < s.size && s.x0 > frame.left + s.size;
      const indented = !centred && !isCentred && s.x0 > frame.left + s.size * 0.5;
      const gap = line.row.page === prev.row.page ? line.row.y - prev.row.y : 0;
      const spaced = pitch > 0 && gap > pitch * 1.45;
      // A heading in capitals after ordinary text starts anew ("III/2024." is not a heading).
      const capsAfterText = /\p{Ll}/u.test(prevText) && text === text.toUpperCase() && (text.match(/\p{Lu}{2,}/gu) ?? []).length >= 2;
      // In a header or signature column every body name, title and "(Đã ký)" starts its own line.
      const opensBlock = centred && BLOCK_START.test(text);
      // A line that starts in lower case (or with a number) after one with no closing punctuation goes on with it.
      const goesOn = /^[\p{Ll}\d]/u.test(text) && !/[.;:!?]["”)]?$/u.test(prevText) && !spaced;
      wraps = (goesOn || (full && !indented && !spaced && !capsAfterText && !opensBlock)) && !STRUCTURAL.test(text);
      if (line.row.page === prev.row.page && gap > 0) pitch = pitch === 0 ? gap : Math.min(pitch, gap);
    }
    if (wraps) out[out.length - 1] = `${out.at(-1)} ${text}`;
    else out.push(text);
    prev = line;
  }
  return out;
}

export async function pdfParagraphs(data: Uint8Array): Promise<string[]> {
  const { rows, pageHeight, pages } = await readRows(data);
  const kept = dropFurniture(rows, pageHeight, pages);
  const frame = bodyFrame(kept);
  const out: string[] = [];
  let run: { row: Row; seg: Seg }[] = [];
  const flush = () => {
    out.push(...joinLines(run, frame, false));
    run = [];
  };
  for (const piece of layout(kept, frame)) {
    if (piece.kind === 'row') {
      run.push({ row: piece.row, seg: piece.seg });
      continue;
    }
    flush();
    const half = (frame.right - frame.left) / 2;
    const leftFrame = { left: frame.left, right: frame.left + half };
    const rightFrame = { left: frame.left + half, right: frame.right };
    out.push(...joinLines(piece.left, leftFrame, true), ...joinLines(piece.right, rightFrame, true));
  }
  flush();
  return out;
}
