import { randomBytes } from 'node:crypto';
import { isObject, sendJson, type Ctx } from '../../kernel/http';
import type { Route } from '../../kernel/provider';
import type { ProviderHost } from '../../kernel/provider';
import { kieError } from './kie-envelope';

const MIME_BY_EXTENSION: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  mp4: 'video/mp4',
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
};
const EXTENSION_BY_MIME: Record<string, string> = { 'image/jpeg': 'jpg', 'audio/mpeg': 'mp3' };

const extensionOf = (name: string) => /\.([A-Za-z0-9]+)$/.exec(name)?.[1].toLowerCase() ?? '';
const safeSegment = (text: string) => text.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100);

interface Upload {
  bytes: Buffer;
  uploadPath: unknown;
  fileName?: unknown;
  mimeType?: string;
}

/**
 * The file upload API (https://kieai.redpandaai.co, served here under the same `/kie` prefix):
 * `POST /api/file-stream-upload` (multipart: file, uploadPath, fileName?),
 * `POST /api/file-base64-upload` ({base64Data, uploadPath, fileName?}; a data: URL or bare base64),
 * `POST /api/file-url-upload` ({fileUrl, uploadPath, fileName?}). Each answers
 * `{success, code, msg, data: {fileName, filePath, downloadUrl, fileSize, mimeType, uploadedAt}}`;
 * the downloadUrl is an emulator file URL. A repeated fileName under one uploadPath replaces the file.
 */
export function kieUploadRoutes(state: ProviderHost): Route[] {
  const store = (ctx: Ctx, upload: Upload) => {
    if (typeof upload.uploadPath !== 'string' || !upload.uploadPath.trim()) return kieError(ctx, 400, 'Missing required parameter: uploadPath');
    const uploadPath = upload.uploadPath
      .replace(/^\/+|\/+$/g, '')
      .split('/')
      .map(safeSegment)
      .join('/');
    const given = typeof upload.fileName === 'string' && upload.fileName.trim() ? safeSegment(upload.fileName.trim()) : undefined;
    const mimeType = upload.mimeType || MIME_BY_EXTENSION[extensionOf(given ?? '')] || 'application/octet-stream';
    const fileName = given ?? `${randomBytes(8).toString('hex')}.${EXTENSION_BY_MIME[mimeType] ?? mimeType.split('/')[1] ?? 'bin'}`;
    const filePath = `${uploadPath}/${fileName}`;
    state.files.put(`kie-uploads/${filePath}`, upload.bytes, mimeType);
    sendJson(ctx, 200, {
      success: true,
      code: 200,
      msg: 'File uploaded successfully',
      data: {
        fileName,
        filePath,
        downloadUrl: state.files.urlOf(`kie-uploads/${filePath}`),
        fileSize: upload.bytes.length,
        mimeType,
        uploadedAt: new Date().toISOString(),
      },
    });
  };

  const streamUpload = (ctx: Ctx) => {
    if (!ctx.form) return kieError(ctx, 400, 'Missing required parameter: file (send multipart/form-data)');
    const file = ctx.form.files.find((f) => f.field === 'file');
    if (!file) return kieError(ctx, 400, 'Missing required parameter: file');
    const { uploadPath, fileName } = ctx.form.fields;
    store(ctx, { bytes: file.bytes, uploadPath, fileName: fileName ?? file.fileName, mimeType: file.contentType || undefined });
  };

  const base64Upload = (ctx: Ctx) => {
    const body = isObject(ctx.json) ? ctx.json : {};
    if (typeof body.base64Data !== 'string' || !body.base64Data) return kieError(ctx, 400, 'Missing required parameter: base64Data');
    const dataUrl = /^data:([^;,]*);base64,(.*)$/s.exec(body.base64Data);
    const text = (dataUrl ? dataUrl[2] : body.base64Data).replace(/\s/g, '');
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return kieError(ctx, 400, 'Base64 decoding failed: Invalid Base64 format');
    store(ctx, { bytes: Buffer.from(text, 'base64'), uploadPath: body.uploadPath, fileName: body.fileName, mimeType: dataUrl?.[1] || undefined });
  };

  const urlUpload = async (ctx: Ctx) => {
    const body = isObject(ctx.json) ? ctx.json : {};
    if (typeof body.fileUrl !== 'string' || !body.fileUrl) return kieError(ctx, 400, 'Missing required parameter: fileUrl');
    let bytes: Buffer;
    try {
      bytes = await state.buildContext(body.fileUrl).fetchInput(body.fileUrl);
    } catch {
      return kieError(ctx, 400, `File download failed: ${body.fileUrl.slice(0, 120)}`);
    }
    const fromUrl = decodeURIComponent(new URL(body.fileUrl, 'http://emulator.invalid').pathname).split('/').pop() ?? '';
    store(ctx, {
      bytes,
      uploadPath: body.uploadPath,
      fileName: body.fileName ?? (fromUrl || undefined),
      mimeType: state.files.fromUrl(body.fileUrl)?.contentType,
    });
  };

  return [
    { operation: 'upload', method: 'POST', path: 'api/file-stream-upload', handle: streamUpload },
    { operation: 'upload', method: 'POST', path: 'api/file-base64-upload', handle: base64Upload },
    { operation: 'upload', method: 'POST', path: 'api/file-url-upload', handle: urlUpload },
  ];
}
