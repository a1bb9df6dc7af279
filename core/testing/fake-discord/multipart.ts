export interface UploadedFile {
  /** Form field name, e.g. `files[0]`. */
  field: string;
  /** File name as sent. */
  name: string;
  contentType?: string;
  data: Buffer;
}

export interface ParsedMultipart {
  fields: Record<string, string>;
  files: UploadedFile[];
}

/** Parses a multipart/form-data body (what @discordjs/rest sends with attachments). */
export function parseMultipart(body: Buffer, contentType: string): ParsedMultipart {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!match) throw new Error(`multipart body without a boundary: ${contentType}`);
  const boundary = Buffer.from(`--${match[1] ?? match[2]}`);
  const result: ParsedMultipart = { fields: {}, files: [] };
  let start = body.indexOf(boundary);
  while (start !== -1) {
    const partStart = start + boundary.length;
    // `--` after the boundary closes the body.
    if (body.subarray(partStart, partStart + 2).toString() === '--') break;
    const next = body.indexOf(boundary, partStart);
    if (next === -1) break;
    // Each part: CRLF, headers, CRLF CRLF, content, CRLF, next boundary.
    const part = body.subarray(partStart + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const content = part.subarray(headerEnd + 4);
    const disposition = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? '';
    const field = /\bname="([^"]*)"/i.exec(disposition)?.[1] ?? '';
    const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
    const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1];
    if (filename !== undefined) result.files.push({ field, name: filename, contentType: type, data: Buffer.from(content) });
    else result.fields[field] = content.toString('utf8');
    start = next;
  }
  return result;
}
