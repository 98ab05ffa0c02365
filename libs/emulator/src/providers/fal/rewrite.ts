/**
 * Maps a real fal URL to the emulator's equivalent, for @fal-ai/client's requestMiddleware:
 * - https://queue.fal.run/...                       -> `${falBaseUrl}/queue/...`
 * - https://fal.run/...                             -> `${falBaseUrl}/run/...`
 * - https://rest.fal.ai/... , https://rest.alpha.fal.ai/... -> `${falBaseUrl}/rest/...`
 * - any other *.fal.ai / *.fal.run host             -> `${falBaseUrl}/_host/<host>/...` (answered 404, never the network)
 * Other URLs (including the emulator's own) are returned unchanged.
 */
export function rewriteFalUrl(url: string, falBaseUrl: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const host = parsed.hostname.toLowerCase();
  if (!/(^|\.)fal\.(ai|run)$/.test(host)) return url;
  const mount =
    host === 'queue.fal.run' ? '/queue' : host === 'fal.run' ? '/run' : host === 'rest.fal.ai' || host === 'rest.alpha.fal.ai' ? '/rest' : `/_host/${host}`;
  return `${falBaseUrl.replace(/\/+$/, '')}${mount}${parsed.pathname === '/' ? '' : parsed.pathname}${parsed.search}`;
}
