// .docx → paragraphs, through mammoth's HTML (it keeps tables, which its raw-text output flattens).
// Word documents put the header and the signature block in borderless two-column tables: those are
// read column by column, so "TM. …", the title, "(Đã ký)" and the name of one signer stay together.
import mammoth from 'mammoth';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
      if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(Number.parseInt(e.slice(2), 16));
      if (e.startsWith('#')) return String.fromCodePoint(Number.parseInt(e.slice(1), 10));
      return ENTITIES[e.toLowerCase()] ?? m;
    });
}

const BLOCK = /<(p|h[1-6]|li)\b[^>]*>([\s\S]*?)<\/\1>/gi;

function blocks(html: string): string[] {
  return [...html.matchAll(BLOCK)].map((m) => decode(m[2] ?? ''));
}

function table(html: string): string[] {
  const rows = [...html.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi)].map((r) =>
    [...(r[1] ?? '').matchAll(/<t[dh]\b[^>]*>([\s\S]*?)<\/t[dh]>/gi)].map((c) => {
      const inner = c[1] ?? '';
      const b = blocks(inner);
      return b.length > 0 ? b : [decode(inner)];
    }),
  );
  const columns = Math.max(0, ...rows.map((r) => r.length));
  // A two-column table is layout (header, signatures): read down each column. Others row by row.
  if (columns === 2) return [0, 1].flatMap((c) => rows.flatMap((r) => r[c] ?? []));
  return rows.flatMap((r) => r.flat());
}

export async function docxParagraphs(data: Buffer): Promise<string[]> {
  const { value: html } = await mammoth.convertToHtml({ buffer: data });
  const out: string[] = [];
  // Tables are not nested in agreements; split the HTML into tables and what lies between them.
  let at = 0;
  for (const m of html.matchAll(/<table\b[\s\S]*?<\/table>/gi)) {
    out.push(...blocks(html.slice(at, m.index)), ...table(m[0]));
    at = (m.index ?? 0) + m[0].length;
  }
  out.push(...blocks(html.slice(at)));
  return out;
}
