import { randomUUID } from 'node:crypto';
import { sendText, send } from './http';
import type { ProviderDef } from './provider';

export interface StoredFile {
  name: string;
  bytes: Buffer;
  contentType: string;
}

/** Generated and uploaded files, served under `${url}/files/<name>`. */
export class FileStore {
  private readonly files = new Map<string, StoredFile>();

  constructor(private readonly baseUrl: string) {}

  /** Stores bytes under a fresh unique name ending in `suffix` (e.g. '.png' or '-photo.jpg'); returns the file and its URL. */
  add(suffix: string, bytes: Buffer, contentType: string): StoredFile & { url: string } {
    const name = `${randomUUID().replace(/-/g, '').slice(0, 20)}${suffix}`;
    this.files.set(name, { name, bytes, contentType });
    return { name, bytes, contentType, url: this.urlOf(name) };
  }

  /** Stores bytes under a chosen name (replacing any file of that name). */
  put(name: string, bytes: Buffer, contentType: string): StoredFile {
    const file = { name, bytes, contentType };
    this.files.set(name, file);
    return file;
  }

  get(name: string): StoredFile | undefined {
    return this.files.get(name);
  }

  urlOf(name: string): string {
    return `${this.baseUrl}/files/${encodeURIComponent(name)}`;
  }

  /** The stored file a URL of this store points to, or undefined for other URLs. */
  fromUrl(url: string): StoredFile | undefined {
    const prefix = `${this.baseUrl}/files/`;
    return url.startsWith(prefix) ? this.files.get(decodeURIComponent(url.slice(prefix.length).split(/[?#]/)[0])) : undefined;
  }
}

/** `GET|HEAD /files/<name>`: no credentials needed, like a CDN URL. */
export function createFilesProvider(store: FileStore): ProviderDef {
  return {
    id: 'files',
    internal: true,
    prefix: ['files'],
    authorize: () => true,
    error: (ctx, status, message, headers) => sendText(ctx, status, message, headers),
    unauthorized: (ctx) => sendText(ctx, 401, 'Unauthorized'),
    routes: [
      {
        operation: 'download',
        method: ['GET', 'HEAD'],
        path: '*name',
        auth: false,
        handle(ctx, { name }) {
          const file = store.get(name);
          if (!file) return sendText(ctx, 404, 'Not found');
          send(ctx, 200, file.bytes, { 'content-type': file.contentType, 'cache-control': 'public, max-age=3600' });
        },
      },
    ],
  };
}
