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

/**
 * What parseMultipart throws for a body (or a content-type) that is not multipart/form-data: the
 * platform's parser throws a bare TypeError ("Failed to parse body as FormData", or an invalid
 * header value), which says nothing of where it came from and cannot be told from a bug.
 */
export class MalformedMultipartError extends Error {
  constructor(problem: string) {
    super(`malformed multipart/form-data body: ${problem}`);
    this.name = 'MalformedMultipartError';
  }
}

/** Parses a multipart/form-data body with the platform's own parser. Throws MalformedMultipartError, and only that, on malformed bodies. */
export async function parseMultipart(raw: Buffer, contentType: string): Promise<ParsedMultipart> {
  const body = raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength) as ArrayBuffer;
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  } catch (error) {
    throw new MalformedMultipartError(error instanceof Error ? error.message : String(error));
  }
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
