import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { CanceledError, mimeTypeForPath, sniffMedia, type ResolvedInput } from '@boards/core';
import { ArtifactNotFoundError, ArtifactResolveError } from './errors';

/** Reads a local file; `ref` is what the caller wrote, for error messages. */
export async function readLocalFile(path: string, ref: string, signal: AbortSignal): Promise<ResolvedInput> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path, { signal });
  } catch (error) {
    if (signal.aborted) throw new CanceledError('Reading the input was canceled');
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ArtifactNotFoundError(ref, { cause: error });
    throw new ArtifactResolveError(ref, code === 'EISDIR' ? 'is a directory' : `cannot read the file (${code ?? 'error'})`, {
      cause: error,
    });
  }
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  // The bytes are more trustworthy than the name; the name covers what sniffing cannot (text, flac).
  return { bytes, mimeType: sniffMedia(bytes)?.mimeType ?? mimeTypeForPath(path), fileName: basename(path) };
}
