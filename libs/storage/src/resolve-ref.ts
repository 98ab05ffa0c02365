import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CanceledError, type ResolvedInput } from '@boards/core';
import { decodeDataUrl } from './data-url';
import { download } from './download';
import { ArtifactResolveError } from './errors';
import { readLocalFile } from './read-file';

/**
 * Reads an input ref: a local path (relative to the current directory, or absolute), a
 * file:// URL (which is what this store's storageUrls are), a data: URL, or an http(s):// URL.
 */
export async function resolveRef(ref: string, options: { signal: AbortSignal; timeoutMs: number }): Promise<ResolvedInput> {
  if (options.signal.aborted) throw new CanceledError('Reading the input was canceled');
  // Two or more letters, so a Windows drive ("C:\\in.png") stays a path.
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]+):/.exec(ref)?.[1].toLowerCase();
  switch (scheme) {
    case undefined:
      return readLocalFile(resolve(ref), ref, options.signal);
    case 'file':
      return readLocalFile(filePath(ref), ref, options.signal);
    case 'data':
      return decodeDataUrl(ref);
    case 'http':
    case 'https':
      return download(ref, options.signal, options.timeoutMs);
    default:
      throw new ArtifactResolveError(ref, `unsupported scheme "${scheme}:" (use a path, file://, data: or http(s):// URL)`, {
        code: 'UNSUPPORTED',
      });
  }
}

function filePath(ref: string): string {
  try {
    return fileURLToPath(ref);
  } catch (error) {
    throw new ArtifactResolveError(ref, 'not a valid local file:// URL', { cause: error });
  }
}
