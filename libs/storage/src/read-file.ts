import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { CanceledError, mimeTypeForPath, sniffMedia, type ResolvedInput } from '@boards/core';
import { ArtifactNotFoundError, ArtifactResolveError, tooLarge } from './errors';

/** Reads a local file; `ref` is what the caller wrote, for error messages. */
export async function readLocalFile(path: string, ref: string, signal: AbortSignal, maxBytes = Number.POSITIVE_INFINITY): Promise<ResolvedInput> {
  let buffer: Buffer;
  try {
    // A FIFO, a device (/dev/zero) or a socket would block or never end: only regular files.
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (!info.isFile()) throw new ArtifactResolveError(ref, 'is not a regular file (a pipe, device or socket)');
    if (info.size > maxBytes) throw tooLarge(ref, info.size, maxBytes);
    buffer = await readFile(path, { signal });
    if (buffer.byteLength > maxBytes) throw tooLarge(ref, buffer.byteLength, maxBytes);
  } catch (error) {
    if (error instanceof ArtifactResolveError) throw error;
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
