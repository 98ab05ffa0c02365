/**
 * Replicate's Files API (openapi.json files.create / files.list / files.get / files.delete /
 * files.download): the uploads `replicate.files.create` makes, and `run()` makes for every Blob or
 * Buffer input (it then sends the file's `urls.get` as the input).
 */
import { createHash, randomBytes } from 'node:crypto';
import { send, sendJson, type Ctx } from '../../kernel/http';
import type { ProviderHost, Route } from '../../kernel/provider';
import { invalid, problem } from './replicate-errors';
import { page } from './replicate-pages';

/** "Files must be less than 100MB in size" (files.create 413). */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
/** Longest `filename`, bytes (files.create: "≤ 255 bytes, valid UTF-8"). */
const MAX_FILENAME_BYTES = 255;
/** How long an uploaded file lives (Replicate deletes API uploads after a day). */
const FILE_LIFETIME_MS = 24 * 60 * 60 * 1000;

interface FileEntry {
  id: string;
  name: string;
  content_type: string;
  size: number;
  etag: string;
  checksums: { sha256: string; md5: string };
  metadata: Record<string, unknown>;
  created_at: string;
  expires_at: string;
  /** Where the bytes are kept in the emulator's file store. */
  stored: string;
}

/** Replicate file ids are 26 characters of lower-case base32 (`cneqzikepnug6xezperrr4z55o`). */
function fileId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  return [...randomBytes(26)].map((b) => alphabet[b % 32]).join('');
}

const notFound = (ctx: Ctx) => problem(ctx, 404, 'File not found', { title: 'Not found' });

/** The routes of the Files API under the provider's prefix, and how prediction inputs naming an uploaded file reach its bytes. */
export function replicateFiles(host: ProviderHost, base: string): { routes: Route[]; resolveInput(input: unknown): unknown } {
  const files = new Map<string, FileEntry>();
  const render = ({ stored: _stored, ...file }: FileEntry) => ({ ...file, urls: { get: `${base}/files/${file.id}` } });
  const alive = (id: string): FileEntry | undefined => {
    const file = files.get(id);
    if (file && Date.parse(file.expires_at) <= host.lifetime.now()) files.delete(id);
    return files.get(id);
  };

  const create = (ctx: Ctx) => {
    if (!ctx.form) return problem(ctx, 400, 'The request body must be multipart/form-data with a `content` part.');
    const content = ctx.form.files.find((f) => f.field === 'content');
    if (!content) return invalid(ctx, [{ type: 'required', field: 'content', description: 'content is required' }], {});
    if (content.size >= MAX_FILE_BYTES) return problem(ctx, 413, 'Files must be less than 100MB in size', { title: 'Content Too Large' });
    const text = (field: string): string | undefined => {
      const value = ctx.form?.fields[field];
      if (value !== undefined) return [value].flat()[0];
      // The SDK sends `metadata` as a JSON part with a file name ("blob"), not as a text field.
      const part = ctx.form?.files.find((f) => f.field === field);
      return part ? part.bytes.toString('utf8') : undefined;
    };
    const name = text('filename') ?? content.fileName;
    if (!name || Buffer.byteLength(name) > MAX_FILENAME_BYTES) {
      const description = `filename must be 1 to ${MAX_FILENAME_BYTES} bytes`;
      return invalid(ctx, [{ type: 'string_lte', field: 'filename', description }], {});
    }
    let metadata: unknown = {};
    const rawMetadata = text('metadata');
    try {
      if (rawMetadata !== undefined && rawMetadata.trim() !== '') metadata = JSON.parse(rawMetadata);
    } catch {
      metadata = undefined;
    }
    if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
      return invalid(ctx, [{ type: 'invalid_type', field: 'metadata', description: 'metadata must be a JSON object' }], {});
    }
    const contentType = text('type') || content.contentType || 'application/octet-stream';
    const id = fileId();
    const now = host.lifetime.now();
    const md5 = createHash('md5').update(content.bytes).digest('hex');
    const stored = `replicate-files/${id}/${encodeURIComponent(name)}`;
    host.files.put(stored, content.bytes, contentType);
    const entry: FileEntry = {
      id,
      name,
      content_type: contentType,
      size: content.size,
      etag: md5,
      checksums: { sha256: createHash('sha256').update(content.bytes).digest('hex'), md5 },
      metadata: metadata as Record<string, unknown>,
      created_at: new Date(now).toISOString(),
      expires_at: new Date(now + FILE_LIFETIME_MS).toISOString(),
      stored,
    };
    files.set(id, entry);
    sendJson(ctx, 201, render(entry));
  };

  const routes: Route[] = [
    { operation: 'file-create', method: 'POST', path: 'files', handle: create },
    {
      operation: 'file-list',
      method: 'GET',
      path: 'files',
      handle: (ctx) => sendJson(ctx, 200, page([...files.keys()].flatMap((id) => alive(id) ?? []).map(render), `${base}/files`, ctx.query)),
    },
    {
      operation: 'file-get',
      method: 'GET',
      path: 'files/:id',
      handle(ctx, { id }) {
        const file = alive(id);
        if (!file) return notFound(ctx);
        sendJson(ctx, 200, render(file));
      },
    },
    {
      operation: 'file-delete',
      method: 'DELETE',
      path: 'files/:id',
      handle(ctx, { id }) {
        if (!alive(id)) return notFound(ctx);
        files.delete(id);
        send(ctx, 204, '', {});
      },
    },
    {
      // The signed download URL (owner, expiry, signature): the emulator serves the bytes without checking the signature.
      operation: 'file-download',
      method: 'GET',
      path: 'files/:id/download',
      auth: false,
      handle(ctx, { id }) {
        const file = alive(id);
        const bytes = file && host.files.get(file.stored);
        if (!file || !bytes) return notFound(ctx);
        send(ctx, 200, bytes.bytes, { 'content-type': file.content_type, etag: `"${file.etag}"` });
      },
    },
  ];

  /** A prediction input naming an uploaded file (its `urls.get`) reads as that file's bytes: the model gets what was uploaded. */
  const resolveInput = (input: unknown): unknown => {
    if (typeof input === 'string' && input.startsWith(`${base}/files/`)) {
      const file = alive(input.slice(`${base}/files/`.length).split(/[/?#]/)[0]);
      return file ? host.files.urlOf(file.stored) : input;
    }
    if (Array.isArray(input)) return input.map(resolveInput);
    if (input && typeof input === 'object') return Object.fromEntries(Object.entries(input).map(([k, v]) => [k, resolveInput(v)]));
    return input;
  };
  return { routes, resolveInput };
}
