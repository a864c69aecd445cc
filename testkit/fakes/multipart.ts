// multipart/form-data as the fakes receive it: from grammY (which writes its part headers without
// spaces and leaves a file name unquoted, as Telegram accepts) and from fetch's FormData (Slack's
// Web API client). A small parser the fakes share, tolerant of both, exact about the bytes.

export interface Part {
  name: string;
  /** Set for a file part. */
  filename?: string;
  data: Buffer;
}

/** The boundary of a multipart Content-Type, or undefined for any other body. */
export function boundaryOf(contentType: string | undefined): string | undefined {
  if (!contentType?.toLowerCase().startsWith('multipart/form-data')) return undefined;
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m?.[1] ?? m?.[2];
}

/** The parts of a multipart body, in order. */
export function parseMultipart(body: Buffer, boundary: string): Part[] {
  const parts: Part[] = [];
  const delimiter = Buffer.from(`--${boundary}`);
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    let start = at + delimiter.length;
    // "--" after a delimiter ends the body.
    if (body.subarray(start, start + 2).toString() === '--') break;
    if (body.subarray(start, start + 2).toString() === '\r\n') start += 2;
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), start);
    if (next === -1) break;
    const part = body.subarray(start, next);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const disposition = /content-disposition:\s*form-data\s*;([^\r\n]*)/i.exec(headers)?.[1] ?? '';
      const value = (m: RegExpExecArray | null) => (m ? (m[1] ?? m[2]?.trim()) : undefined);
      const name = value(/(?:^|;)\s*name=(?:"([^"]*)"|([^;]*))/i.exec(disposition));
      const filename = value(/(?:^|;)\s*filename=(?:"([^"]*)"|([^;]*))/i.exec(disposition));
      if (name !== undefined)
        parts.push({ name, ...(filename !== undefined ? { filename } : {}), data: Buffer.from(part.subarray(headerEnd + 4)) });
    }
    at = next + 2;
  }
  return parts;
}
