import type { FileStore } from '../kernel/files';
import { send, sendText } from '../kernel/http';
import type { ProviderDef } from '../kernel/provider';

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
