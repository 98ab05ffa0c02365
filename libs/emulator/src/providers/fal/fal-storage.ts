import { randomBytes } from 'node:crypto';
import { isObject, send, sendJson } from '../../kernel/http';
import type { Route } from '../../kernel/provider';
import type { ProviderHost } from '../../kernel/provider';

interface PendingUpload {
  name: string;
  contentType: string;
  parts: Map<number, Buffer>;
}

/**
 * fal storage: `POST /rest/storage/upload/initiate[-multipart]` returns an upload_url on this
 * emulator and a file_url under /files; `PUT upload_url` (no credentials, like a signed URL)
 * stores the bytes. Multipart: `PUT upload_url/<n>` per part, then `POST upload_url/complete`.
 */
export function falStorageRoutes(state: ProviderHost): Route[] {
  const uploads = new Map<string, PendingUpload>();

  const initiate: Route['handle'] = (ctx) => {
    const body = isObject(ctx.json) ? ctx.json : {};
    if (typeof body.content_type !== 'string' || !body.content_type) {
      return sendJson(ctx, 422, { detail: [{ loc: ['body', 'content_type'], msg: 'Field required', type: 'missing' }] });
    }
    const token = randomBytes(12).toString('hex');
    const fileName =
      String(body.file_name ?? 'upload.bin')
        .replace(/[^A-Za-z0-9._-]/g, '_')
        .slice(-100) || 'upload.bin';
    const name = `${token}-${fileName}`;
    uploads.set(token, { name, contentType: body.content_type, parts: new Map() });
    sendJson(ctx, 200, { upload_url: `${state.url}/fal/upload/${token}`, file_url: state.files.urlOf(name) });
  };

  const pending = (token: string) => uploads.get(token);

  return [
    { operation: 'upload-initiate', method: 'POST', path: 'rest/storage/upload/initiate', handle: initiate },
    { operation: 'upload-initiate', method: 'POST', path: 'rest/storage/upload/initiate-multipart', handle: initiate },
    {
      operation: 'upload',
      method: 'PUT',
      path: 'upload/:token',
      auth: false,
      handle(ctx, { token }) {
        const upload = pending(token);
        if (!upload) return sendJson(ctx, 404, { detail: 'Upload URL not found or expired' });
        state.files.put(upload.name, ctx.raw, upload.contentType);
        send(ctx, 200, '', {});
      },
    },
    {
      operation: 'upload',
      method: 'PUT',
      path: 'upload/:token/:part',
      auth: false,
      handle(ctx, { token, part }) {
        const upload = pending(token);
        const partNumber = Number(part);
        if (!upload || !Number.isInteger(partNumber) || partNumber < 1) return sendJson(ctx, 404, { detail: 'Upload URL not found or expired' });
        upload.parts.set(partNumber, ctx.raw);
        sendJson(ctx, 200, { partNumber, etag: `"${randomBytes(8).toString('hex')}"` });
      },
    },
    {
      operation: 'upload-complete',
      method: 'POST',
      path: 'upload/:token/complete',
      auth: false,
      handle(ctx, { token }) {
        const upload = pending(token);
        if (!upload) return sendJson(ctx, 404, { detail: 'Upload URL not found or expired' });
        const ordered = [...upload.parts.entries()].sort(([a], [b]) => a - b).map(([, bytes]) => bytes);
        state.files.put(upload.name, Buffer.concat(ordered), upload.contentType);
        sendJson(ctx, 200, { file_url: state.files.urlOf(upload.name) });
      },
    },
  ];
}
