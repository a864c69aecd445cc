// What every extractor ends with: paragraphs, NFC, one per entry, and the rule that tells a wrapped
// line from a new paragraph when only the text is left (plain text, Markdown).

/**
 * A line that opens a unit of a formal text: Điều (with its title: "Điều 2." alone ends a wrapped
 * reference to it), Chương, khoản "1.", điểm "a)", a bullet, a signature line.
 */
export const STRUCTURAL =
  /^(?:(?:Điều|ĐIỀU)\s+\d+[.:]?\s+\p{Lu}|(?:Chương|Mục|Phần|CHƯƠNG|MỤC|PHẦN)\s+[\dIVXLC]+|[IVXLC]+\.\s|\d+(?:\.\d+)*[.)]\s|[a-zđ]\)\s|[-–+•]\s|(?:Căn cứ|Nơi nhận|TM\.|T\/M|KT\.|Q\.|TL\.|Bên [A-Z]:))/u;

/** NFC, single spaces, no invisible marks; empty paragraphs dropped. */
export function cleanParagraphs(paragraphs: readonly string[]): string[] {
  return paragraphs
    .map((p) =>
      p
        .normalize('NFC')
        .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '')
        .replace(/[\s\u00A0]+/g, ' ')
        .trim(),
    )
    .filter((p) => /[\p{L}\p{N}]/u.test(p));
}

/**
 * Joins lines of a hard-wrapped text. When blank lines separate paragraphs, the lines inside a block
 * are one paragraph unless a line opens a unit; otherwise a line is a paragraph of its own unless it
 * starts in lower case after a line with no closing punctuation (a wrap inside a sentence).
 */
export function unwrapLines(lines: readonly string[]): string[] {
  const blocks: string[][] = [[]];
  for (const l of lines) {
    if (l.trim() === '') blocks.push([]);
    else (blocks.at(-1) as string[]).push(l.trim());
  }
  const nonEmpty = blocks.filter((b) => b.length > 0);
  const wrapped = nonEmpty.length > 1 && nonEmpty.some((b) => b.length > 1) && nonEmpty.flat().every((l) => l.length <= 120);
  const out: string[] = [];
  for (const block of nonEmpty) {
    let current: string | undefined;
    for (const line of block) {
      const continues =
        current !== undefined && !STRUCTURAL.test(line) && (wrapped || (/^[\p{Ll}\d]/u.test(line) && !/[.;:!?…]["”)]?$/u.test(current)));
      if (continues) current = `${current} ${line}`;
      else {
        if (current !== undefined) out.push(current);
        current = line;
      }
    }
    if (current !== undefined) out.push(current);
  }
  return out;
}
