/**
 * The one check of an input artifact before it is read whole or uploaded: a size cap per media
 * type, and the type read from the content's signature (its first bytes), never from its name
 * or a declared Content-Type. `resolveRef` runs it on every input a generator reads; the CLI
 * runs it on local files before the estimate, so a bad file exits 2 naming its field.
 */
import { open, stat } from 'node:fs/promises';
import { mediaSignature, type ArtifactType, type MediaSignature } from '@boards/core';
import { ArtifactNotFoundError, ArtifactResolveError, tooLarge } from './errors';
import { MAX_INPUT_BYTES } from './input-limits';

export { MAX_INPUT_BYTES } from './input-limits';

/** How much of a local file is read to type it: the signatures need a few bytes, 64 KiB is plenty. */
export const INPUT_HEAD_BYTES = 64 * 1024;

/** The cap of an input before its type is known: the largest of its accepted types (of all, without any). */
export function maxInputBytes(accepted: readonly ArtifactType[]): number {
  return Math.max(...(accepted.length > 0 ? accepted : (Object.keys(MAX_INPUT_BYTES) as ArtifactType[])).map((t) => MAX_INPUT_BYTES[t]));
}

export interface InputKind {
  /** The accepted type the content is (the first in `accepted` its container may hold); undefined when no type was asked for. */
  type?: ArtifactType;
  signature?: MediaSignature;
  /** The cap that applies to it. */
  maxBytes: number;
}

/**
 * Which accepted type `head` (the first bytes of an input) is, or the problem. Without
 * `accepted`, or when text is accepted, anything goes: a text model has no signature to check.
 */
export function inputKind(head: Uint8Array, accepted: readonly ArtifactType[]): InputKind | { problem: string } {
  const signature = mediaSignature(head);
  if (accepted.length === 0 || accepted.includes('text')) return { signature, maxBytes: maxInputBytes(accepted) };
  const wanted = accepted.map(article).join(' or ');
  if (!signature) {
    // Text gets a name of its own: "/etc/passwd is not an image (its content is text/plain)".
    const what = looksLikeText(head) ? 'its content is text/plain' : `no known ${accepted.join(' or ')} signature`;
    return { problem: `is not ${wanted} (${what})` };
  }
  const type = accepted.find((t) => (signature.kinds as readonly ArtifactType[]).includes(t));
  if (!type) return { problem: `is not ${wanted} (its content is ${signature.mimeType})` };
  return { type, signature, maxBytes: MAX_INPUT_BYTES[type] };
}

/** "an image", "audio", "a video". */
function article(type: ArtifactType): string {
  if (type === 'image') return 'an image';
  if (type === 'video') return 'a video';
  return type;
}

/** UTF-8 without control characters other than tab and line breaks. */
function looksLikeText(head: Uint8Array): boolean {
  if (head.length === 0) return false;
  let text: string;
  try {
    // The head may end inside a multi-byte character: drop up to 3 trailing bytes before decoding.
    text = new TextDecoder('utf-8', { fatal: true }).decode(trimPartialUtf8(head));
  } catch {
    return false;
  }
  return !/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(text);
}

function trimPartialUtf8(bytes: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back];
    if ((byte & 0xc0) === 0xc0) {
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return needed > back ? bytes.subarray(0, bytes.length - back) : bytes;
    }
    if ((byte & 0x80) === 0) return bytes;
  }
  return bytes;
}

/** Checks bytes already in memory (a data: URL, a download) as `inspectLocalFile` checks a file. */
export function checkInputBytes(ref: string, bytes: Uint8Array, accepted: readonly ArtifactType[]): InputKind {
  const kind = inputKind(bytes.subarray(0, INPUT_HEAD_BYTES), accepted);
  if ('problem' in kind) throw new ArtifactResolveError(ref, kind.problem);
  if (bytes.byteLength > kind.maxBytes) throw tooLarge(ref, bytes.byteLength, kind.maxBytes, kind.type ?? accepted);
  return kind;
}

export interface LocalInputFacts extends InputKind {
  size: number;
}

/**
 * Checks a local input file without reading it whole: a regular file (a FIFO or device would
 * never end), its size from `stat` against the cap, its type from its first INPUT_HEAD_BYTES,
 * then its size against its type's cap. Throws ArtifactNotFoundError or ArtifactResolveError.
 */
export async function inspectLocalFile(path: string, ref: string, accepted: readonly ArtifactType[]): Promise<LocalInputFacts> {
  let head: Uint8Array;
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new ArtifactResolveError(ref, 'is a directory');
    if (!info.isFile()) throw new ArtifactResolveError(ref, 'is not a regular file (a pipe, device or socket)');
    size = info.size;
    // Before any read: a 300 MiB file given as audio is refused from its size alone.
    const cap = maxInputBytes(accepted);
    if (size > cap) throw tooLarge(ref, size, cap, accepted);
    head = await readHead(path, Math.min(size, INPUT_HEAD_BYTES));
  } catch (error) {
    if (error instanceof ArtifactResolveError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ArtifactNotFoundError(ref, { cause: error });
    throw new ArtifactResolveError(ref, `cannot read the file (${code ?? 'error'})`, { cause: error });
  }
  const kind = inputKind(head, accepted);
  if ('problem' in kind) throw new ArtifactResolveError(ref, kind.problem);
  if (size > kind.maxBytes) throw tooLarge(ref, size, kind.maxBytes, kind.type);
  return { ...kind, size };
}

async function readHead(path: string, length: number): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const head = new Uint8Array(length);
    let filled = 0;
    while (filled < length) {
      const { bytesRead } = await file.read(head, filled, length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return head.subarray(0, filled);
  } finally {
    await file.close();
  }
}
