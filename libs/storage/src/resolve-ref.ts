import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CanceledError, type ArtifactType, type ResolvedInput } from '@boards/core';
import { decodeDataUrl } from './data-url';
import { download } from './download';
import { ArtifactResolveError } from './errors';
import { checkInputBytes, maxInputBytes } from './input-check';
import { readLocalFile } from './read-file';

/**
 * Reads an input ref: a local path (relative to the current directory, or absolute), a
 * file:// URL (which is what this store's storageUrls are), a data: URL, or an http(s):// URL.
 * With `accept`, every kind of ref passes input-check.ts before it is returned (and so before
 * it is uploaded or billed): its type from its signature and its type's size cap. A local file
 * is checked from stat and its first bytes before it is read.
 */
export async function resolveRef(
  ref: string,
  options: { signal: AbortSignal; timeoutMs: number; accept?: ArtifactType | readonly ArtifactType[] },
): Promise<ResolvedInput> {
  const accepted = options.accept === undefined ? [] : ([] as ArtifactType[]).concat(options.accept);
  if (options.signal.aborted) throw new CanceledError('Reading the input was canceled');
  // Two or more letters, so a Windows drive ("C:\\in.png") stays a path.
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]+):/.exec(ref)?.[1].toLowerCase();
  switch (scheme) {
    case undefined:
      return readLocalFile(resolve(ref), ref, options.signal, accepted);
    case 'file':
      return readLocalFile(filePath(ref), ref, options.signal, accepted);
    case 'data':
      return checked(ref, decodeDataUrl(ref), accepted);
    case 'http':
    case 'https':
      return checked(ref, await download(ref, options.signal, options.timeoutMs, maxInputBytes(accepted), accepted), accepted);
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

function checked(ref: string, input: ResolvedInput, accepted: readonly ArtifactType[]): ResolvedInput {
  checkInputBytes(ref, input.bytes, accepted);
  return input;
}
