import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CanceledError, MAX_MEDIA_BYTES, type ArtifactType, type ResolvedInput } from '@boards/core';
import { decodeDataUrl } from './data-url';
import { download } from './download';
import { ArtifactResolveError, tooLarge } from './errors';
import { readLocalFile } from './read-file';

/**
 * Reads an input ref: a local path (relative to the current directory, or absolute), a
 * file:// URL (which is what this store's storageUrls are), a data: URL, or an http(s):// URL.
 */
export async function resolveRef(
  ref: string,
  options: { signal: AbortSignal; timeoutMs: number; accept?: ArtifactType | readonly ArtifactType[] },
): Promise<ResolvedInput> {
  const accepted = options.accept === undefined ? [] : ([] as ArtifactType[]).concat(options.accept);
  const input = await readRef(ref, { ...options, maxBytes: maxInputBytes(accepted) });
  if (accepted.length > 0 && !accepted.includes('text') && !accepted.some((type) => input.mimeType.startsWith(`${type}/`))) {
    // /etc/passwd given as an image is refused here, before it is uploaded or billed.
    throw new ArtifactResolveError(
      ref,
      `is not ${accepted.map((t) => (t === 'image' || t === 'audio' ? `an ${t}` : `a ${t}`)).join(' or ')} (its content is ${input.mimeType})`,
    );
  }
  return input;
}

/** The size cap of an input: the largest of its accepted media types, else the largest one. */
export function maxInputBytes(accepted: readonly ArtifactType[]): number {
  return Math.max(...(accepted.length ? accepted : (Object.keys(MAX_MEDIA_BYTES) as ArtifactType[])).map((t) => MAX_MEDIA_BYTES[t]));
}

async function readRef(ref: string, options: { signal: AbortSignal; timeoutMs: number; maxBytes: number }): Promise<ResolvedInput> {
  if (options.signal.aborted) throw new CanceledError('Reading the input was canceled');
  // Two or more letters, so a Windows drive ("C:\\in.png") stays a path.
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]+):/.exec(ref)?.[1].toLowerCase();
  switch (scheme) {
    case undefined:
      return readLocalFile(resolve(ref), ref, options.signal, options.maxBytes);
    case 'file':
      return readLocalFile(filePath(ref), ref, options.signal, options.maxBytes);
    case 'data':
      return capped(ref, decodeDataUrl(ref), options.maxBytes);
    case 'http':
    case 'https':
      return download(ref, options.signal, options.timeoutMs, options.maxBytes);
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

function capped(ref: string, input: ResolvedInput, maxBytes: number): ResolvedInput {
  if (input.bytes.byteLength > maxBytes) throw tooLarge(ref, input.bytes.byteLength, maxBytes);
  return input;
}
