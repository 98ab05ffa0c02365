/** A file part of a multipart body. */
export interface MultipartFile {
  field: string;
  fileName: string;
  size: number;
  contentType: string;
  bytes: Buffer;
}

export interface ParsedMultipart {
  /** Text fields; a repeated field (e.g. `timestamp_granularities[]`) becomes an array. */
  fields: Record<string, string | string[]>;
  files: MultipartFile[];
}

/** Parses a multipart/form-data body with the platform's own parser. Throws on malformed bodies. */
export async function parseMultipart(raw: Buffer, contentType: string): Promise<ParsedMultipart> {
  const body = raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength) as ArrayBuffer;
  const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  const entries: [string, FormDataEntryValue][] = [];
  form.forEach((value, field) => entries.push([field, value]));
  const fields: Record<string, string | string[]> = {};
  const files: MultipartFile[] = [];
  for (const [field, value] of entries) {
    if (typeof value === 'string') {
      const previous = fields[field];
      fields[field] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
    } else {
      const bytes = Buffer.from(await value.arrayBuffer());
      files.push({ field, fileName: value.name, size: bytes.length, contentType: value.type, bytes });
    }
  }
  return { fields, files };
}

/** The loggable description of a multipart body: fields and file metadata, never file bytes. */
export function describeMultipart(parsed: ParsedMultipart): unknown {
  return { fields: parsed.fields, files: parsed.files.map(({ field, fileName, size, contentType }) => ({ field, fileName, size, contentType })) };
}
