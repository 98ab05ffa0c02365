import {
  BoardsError,
  CanceledError,
  TimeoutError,
  extensionFor,
  mimeTypeForPath,
  networkFailure,
  readBodyCapped,
  sniffMedia,
  type ArtifactType,
  type ResolvedInput,
} from '@boards/core';
import { describeRef } from './describe-ref';
import { ArtifactNotFoundError, ArtifactResolveError, tooLarge } from './errors';

const GENERIC_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

/**
 * Downloads an http(s) input with the caller's signal and a deadline. The caller aborting is a
 * CanceledError, the deadline a TimeoutError, a non-2xx answer an ArtifactResolveError
 * (ArtifactNotFoundError for 404/410).
 */
export async function download(
  url: string,
  signal: AbortSignal,
  timeoutMs: number,
  maxBytes = Number.POSITIVE_INFINITY,
  limitFor: readonly ArtifactType[] = [],
): Promise<ResolvedInput> {
  const deadline = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, { signal: AbortSignal.any([signal, deadline]), redirect: 'follow' });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw statusError(url, response.status);
    }
    const bytes = await readBodyCapped(response, maxBytes);
    if (!bytes) throw tooLarge(url, undefined, maxBytes, limitFor);
    const pathname = new URL(response.url || url).pathname;
    const declared = (response.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
    const mimeType = sniffMedia(bytes)?.mimeType ?? (GENERIC_TYPES.has(declared) ? mimeTypeForPath(pathname) : declared);
    return { bytes, mimeType, fileName: fileNameOf(pathname) ?? `input.${extensionFor(mimeType)}` };
  } catch (error) {
    if (BoardsError.isInstance(error)) throw error;
    if (signal.aborted) throw new CanceledError('Downloading the input was canceled');
    if (deadline.aborted) throw new TimeoutError(`download of ${describeRef(url)}`, timeoutMs);
    // Not the error's message: for a bad URL it quotes the whole URL, query string included.
    const network = networkFailure(error, url);
    throw new ArtifactResolveError(url, `download failed (${network.reason})`, { retryable: network.retryable, cause: error });
  }
}

function statusError(url: string, status: number): ArtifactResolveError {
  if (status === 404 || status === 410) return new ArtifactNotFoundError(url, { status });
  const retryable = status === 408 || status === 429 || status >= 500;
  return new ArtifactResolveError(url, `HTTP ${status}`, { status, retryable });
}

function fileNameOf(pathname: string): string | undefined {
  const last = pathname.split('/').pop() ?? '';
  let name: string;
  try {
    name = decodeURIComponent(last);
  } catch {
    name = last;
  }
  return name.replace(/[/\\]/g, '_') || undefined;
}
