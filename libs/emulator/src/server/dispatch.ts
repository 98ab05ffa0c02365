import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { applyFault } from '../kernel/fault-response';
import { testIdOf } from '../kernel/faults';
import { BodyTooLargeError, cutAfterAnswer, matchPath, parseJson, readBody, sendJson, sendText, type Ctx } from '../kernel/http';
import { describeMultipart, parseMultipart, type ParsedMultipart } from '../kernel/multipart';
import type { ProviderDef, Route } from '../kernel/provider';
import { credentialFingerprint, redactHeaders, redactQuery } from '../kernel/recorder';
import type { UpstreamProxy } from './proxy';
import type { ReplayServer } from './replay';
import { EMULATOR_HEADER } from '../kernel/scrub';
import type { EmulatorState } from './state';

function findRoute(provider: ProviderDef | undefined, method: string, segments: string[]): [Route, Record<string, string>] | undefined {
  if (!provider || !provider.prefix.every((s, i) => segments[i] === s)) return undefined;
  const rest = segments.slice(provider.prefix.length);
  for (const route of provider.routes) {
    if (![route.method].flat().includes(method)) continue;
    const params = matchPath(route.path, rest);
    if (params) return [route, params];
  }
  return undefined;
}

function describeBody(raw: Buffer, json: unknown, form: ParsedMultipart | null | undefined): unknown {
  if (raw.length === 0) return undefined;
  if (form) return describeMultipart(form);
  return json !== undefined ? json : { size: raw.length };
}

const decode = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

/** Routes one request: record it, apply a matching fault, forward it to an upstream (proxy mode) or check credentials and run the handler. */
export async function dispatch(
  req: IncomingMessage,
  res: ServerResponse,
  state: EmulatorState,
  /** The provider mounted under a first path segment (built on first use), or undefined. */
  providerFor: (segment: string | undefined) => ProviderDef | undefined,
  log?: (line: string) => void,
  replay?: ReplayServer,
  proxy?: UpstreamProxy,
): Promise<void> {
  res.setHeader('x-request-id', `req_${randomUUID().replace(/-/g, '')}`);
  // Every answer the emulator gives itself says so: callers count a call as free only on this mark
  // (the proxy removes it from answers it forwards).
  res.setHeader(EMULATOR_HEADER, '1');
  // Split by hand: a WHATWG URL per request costs more than the rest of the routing.
  const target = req.url ?? '/';
  const q = target.indexOf('?');
  const url = { pathname: q < 0 ? target : target.slice(0, q), searchParams: new URLSearchParams(q < 0 ? '' : target.slice(q + 1)) };
  const segments = url.pathname.split('/').filter(Boolean).map(decode);
  const method = (req.method ?? 'GET').toUpperCase();
  const provider = providerFor(segments[0]);
  const found = findRoute(provider, method, segments);
  let raw: Buffer;
  let tooLarge: BodyTooLargeError | undefined;
  try {
    raw = await readBody(req, state.maxBodyBytes);
  } catch (err) {
    if (!(err instanceof BodyTooLargeError)) throw err;
    tooLarge = err;
    raw = Buffer.alloc(0);
  }
  const contentType = String(req.headers['content-type'] ?? '');
  const json = /json/i.test(contentType) || !contentType ? parseJson(raw) : undefined;
  const form = /^multipart\/form-data/i.test(contentType) ? await parseMultipart(raw, contentType).catch(() => null) : undefined;
  let testId: string | undefined;
  let badTestId: string | undefined;
  try {
    testId = testIdOf(req.headers);
  } catch (err) {
    badTestId = (err as Error).message;
  }
  const record = state.recorder.add({
    provider: provider?.id ?? 'control',
    operation: found?.[0].operation ?? 'unknown',
    method,
    path: url.pathname,
    query: redactQuery(url.searchParams),
    headers: redactHeaders(req.headers),
    ...(req.headers.authorization ? { credential: credentialFingerprint(req.headers) } : {}),
    ...(raw.length > 0 ? { body: describeBody(raw, json, form) } : {}),
    ...(testId !== undefined ? { testId } : {}),
    status: 0,
    at: Date.now(),
  });
  if (log) res.on('close', () => log(`${method} ${url.pathname} -> ${record.status || 'no answer'} (${record.provider}/${record.operation})`));
  const ctx: Ctx = { req, res, method, path: url.pathname, query: url.searchParams, raw, json, form, testId, record, truncate: false };
  if (tooLarge) {
    // An answer in the API's own error shape, not a cut connection: clients report a 413 for what it is.
    if (!tooLarge.drained) cutAfterAnswer(req, res);
    if (provider) return provider.error(ctx, 413, tooLarge.message);
    return sendJson(ctx, 413, { error: tooLarge.message });
  }
  if (replay && segments[0] !== '__emulator') return replay.handle(ctx);
  if (!provider) return sendText(ctx, 404, `Not found: no emulated API at ${url.pathname}`);
  // Every control path, known or not, is closed without the token: a 404 would tell what exists.
  if (provider.id === 'control' && !provider.authorize(ctx)) return provider.unauthorized(ctx);
  if (badTestId) return provider.error(ctx, 400, badTestId);
  try {
    const fault = state.faults.takeForRequest(provider.id, record.operation, testId);
    if (fault && (await applyFault(ctx, fault, provider, state.lifetime))) return;
    if (proxy && (await proxy.handle(ctx, provider))) return;
    if (!found) return provider.error(ctx, 404, `The emulator has no route for ${method} ${url.pathname}`);
    const [route, params] = found;
    if (route.auth !== false && !provider.authorize(ctx)) return provider.unauthorized(ctx);
    await route.handle(ctx, params);
  } catch (err) {
    provider.error(ctx, 500, `Emulator error: ${err instanceof Error ? err.message : String(err)}`);
  }
}
