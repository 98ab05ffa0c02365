import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { CanceledError, mimeTypeForPath, sniffMedia, type ArtifactType, type ResolvedInput } from '@boards/core';
import { ArtifactNotFoundError, ArtifactResolveError, tooLarge } from './errors';
import { inspectLocalFile } from './input-check';

const CHUNK = 1024 * 1024;

/**
 * Reads a local file; `ref` is what the caller wrote, for error messages. The file is checked
 * first from `stat` and its first bytes (regular file, size cap, media type against `accepted`);
 * only a file that passes is read, and never past its cap, even if it grew since the check.
 */
export async function readLocalFile(path: string, ref: string, signal: AbortSignal, accepted: readonly ArtifactType[] = []): Promise<ResolvedInput> {
  const facts = await inspectLocalFile(path, ref, accepted);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    const file = await open(path, 'r');
    try {
      for (;;) {
        if (signal.aborted) throw new CanceledError('Reading the input was canceled');
        // The first read expects the size stat gave (one byte more shows the end); growth is read in chunks.
        const length = total === 0 ? facts.size + 1 : CHUNK;
        const chunk = Buffer.allocUnsafe(length);
        const { bytesRead } = await file.read(chunk, 0, length, total);
        if (bytesRead === 0) break;
        chunks.push(chunk.subarray(0, bytesRead));
        total += bytesRead;
        if (total > facts.maxBytes) throw tooLarge(ref, undefined, facts.maxBytes, facts.type);
      }
    } finally {
      await file.close();
    }
  } catch (error) {
    if (error instanceof ArtifactResolveError || error instanceof CanceledError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ArtifactNotFoundError(ref, { cause: error });
    throw new ArtifactResolveError(ref, `cannot read the file (${code ?? 'error'})`, { cause: error });
  }
  const buffer = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  // The bytes are more trustworthy than the name; the name covers what sniffing cannot (text).
  return { bytes, mimeType: sniffMedia(bytes)?.mimeType ?? facts.signature?.mimeType ?? mimeTypeForPath(path), fileName: basename(path) };
}
