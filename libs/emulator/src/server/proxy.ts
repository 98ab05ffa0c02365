/**
 * Proxy record mode: requests for a provider with an upstream are forwarded to it with the
 * caller's own credentials, the upstream's answer is returned, and (with a record folder) a
 * scrubbed recording is saved that the emulator replays later (`loadRecording`, `replay`).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { send, type Ctx } from '../kernel/http';
import type { Lifetime } from '../kernel/lifetime';
import { pngSize } from '../kernel/media/png';
import { wavDurationSeconds } from '../kernel/media/wav';
import { describeMultipart } from '../kernel/multipart';
import type { ProviderDef } from '../kernel/provider';
import { SECRET_HEADERS, SECRET_QUERY } from '../kernel/recorder';
import { ORIGIN_PLACEHOLDER, type RecordedApi, type RecordedBody, type RecordedExchange, type Recording } from '../kernel/recording';
import type { ApiTable } from './apis';
import { EMULATOR_HEADER, keptHeaders, provenanceOf, scrubRecordingText, scrubStrings, SecretFragments } from '../kernel/scrub';

/** The APIs a proxy can forward (every recorded API but output files). */
export type UpstreamApi = RecordedApi;
/** Upstream base URL per API, e.g. `{acme: 'https://api.acme.test/v1'}`. */
export type Upstreams = Record<UpstreamApi, string>;

/** Default deadline of one upstream call, ms (a held `Prefer: wait` may last 60 s). */
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 90_000;
/** Largest upstream answer forwarded, bytes. */
const MAX_UPSTREAM_BYTES = 512 * 1024 * 1024;
/** A recording keeps at most this many exchanges; later ones are forwarded but not recorded. */
export const MAX_RECORDED_EXCHANGES = 2_000;
/** At most this many recordings (test id x provider) per emulator. */
export const MAX_RECORDINGS = 1_000;
/** Media up to this size is kept as a file beside the recording; larger media becomes a stand-in. */
const KEEP_MEDIA_BYTES = 64 * 1024;
/** Request headers never forwarded (hop-by-hop, or the emulator's own). */
const DROPPED_REQUEST = new Set([
  'host',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'upgrade',
  'te',
  'trailer',
  'accept-encoding',
  'x-boards-test-id',
]);
/** Upstream answer headers never returned (hop-by-hop, or no longer true of the decoded body). */
const DROPPED_RESPONSE = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'upgrade', 'trailer']);
/** JSON fields whose string values are credentials. */
const SECRET_FIELD = /^(api[_-]?key|key|token|access[_-]?token|secret|client[_-]?secret|password|auth|authorization|credentials?)$/i;
/**
 * Parses upstreams given as `name=URL` (`--upstream`) or a `{name: URL}` object. Names: each API a
 * provider module lists (its base URL), or a module's group name standing for several of them
 * (the module lays them out from the URL given).
 */
export function parseUpstreams(specs: readonly string[] | Record<string, string>, apis: ApiTable): Upstreams {
  const names = apis.upstreamNames;
  const pairs = Array.isArray(specs)
    ? specs.map((spec) => {
        const at = spec.indexOf('=');
        if (at <= 0) throw new TypeError(`upstream must be provider=URL (provider: ${names.join(', ')}), not "${spec}"`);
        return [spec.slice(0, at).trim(), spec.slice(at + 1).trim()] as const;
      })
    : Object.entries(specs);
  const out: Upstreams = {};
  for (const [name, value] of pairs) {
    if (!names.includes(name)) throw new TypeError(`upstream provider must be one of ${names.join(', ')}, not "${name}"`);
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new TypeError(`upstream ${name} must be an http(s) URL, not "${value}"`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError(`upstream ${name} must be an http(s) URL, not "${value}"`);
    if (url.username || url.password || url.search || url.hash) {
      throw new TypeError(`upstream ${name} must be a plain base URL (no credentials, query or fragment): callers send their own credentials`);
    }
    const group = apis.modules.find((m) => m.upstreamGroup?.name === name)?.upstreamGroup;
    if (group) Object.assign(out, group.expand(url));
    else out[name] = url.toString().replace(/\/+$/, '');
  }
  return out;
}

/** What one proxied request and its upstream answer were, before scrubbing. */
interface Exchange {
  api: UpstreamApi;
  path: string;
  target: string;
  ctx: Ctx;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  secrets: string[];
}

/** Forwards requests for the APIs that have an upstream; see the file comment. */
export class UpstreamProxy {
  private readonly recorder: ProxyRecorder | undefined;

  constructor(
    readonly upstreams: Upstreams,
    private readonly apis: ApiTable,
    private readonly origin: string,
    private readonly lifetime: Lifetime,
    private readonly timeoutMs = DEFAULT_UPSTREAM_TIMEOUT_MS,
    recordTo?: string,
    private readonly log?: (line: string) => void,
  ) {
    this.recorder = recordTo ? new ProxyRecorder(recordTo, upstreams, apis, log) : undefined;
  }

  /** Forwards the request when its API has an upstream (true), or leaves it to the emulator (false). */
  async handle(ctx: Ctx, provider: ProviderDef): Promise<boolean> {
    // The best API of the path that has an upstream (an API sharing its path with another falls back to the other's upstream).
    const api = this.apis.candidates(ctx.path).find((e) => this.upstreams[e.api] !== undefined);
    if (!api) return false;
    const route = { prefix: api.path, api: api.api, base: this.upstreams[api.api] };
    const path = ctx.path.slice(route.prefix.length) || '/';
    const search = new URL(ctx.req.url ?? '/', 'http://emulator.invalid').search;
    const target = `${route.base}${path === '/' ? '' : path}${search}`;
    const headers = new Headers();
    for (const [name, value] of Object.entries(ctx.req.headers)) {
      if (value === undefined || DROPPED_REQUEST.has(name.toLowerCase())) continue;
      headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const clientGone = new AbortController();
    ctx.res.on('close', () => clientGone.abort());
    const signal = AbortSignal.any([AbortSignal.timeout(this.timeoutMs), this.lifetime.signal, clientGone.signal]);
    let status: number;
    let answerHeaders: Record<string, string>;
    let body: Buffer;
    try {
      const hasBody = ctx.method !== 'GET' && ctx.method !== 'HEAD' && ctx.raw.length > 0;
      const response = await fetch(target, { method: ctx.method, headers, body: hasBody ? new Uint8Array(ctx.raw) : undefined, redirect: 'manual', signal });
      status = response.status;
      answerHeaders = {};
      response.headers.forEach((value, name) => {
        if (!DROPPED_RESPONSE.has(name)) answerHeaders[name] = value;
      });
      body = await readCapped(response);
    } catch (err) {
      const timedOut = (err as Error).name === 'TimeoutError';
      const reason = timedOut ? `no answer within ${this.timeoutMs} ms` : (err as Error).cause ? String((err as Error).cause) : (err as Error).message;
      // The path and the reason may carry what the caller sent (a key in a path segment): none of it reaches the log.
      this.log?.(scrubRecordingText(`proxy: ${ctx.method} ${route.base}${path} failed: ${reason}`, requestSecrets(ctx)));
      provider.error(ctx, timedOut ? 504 : 502, `The emulator's upstream ${route.base} did not answer ${ctx.method} ${path}: ${reason}`);
      return true;
    }
    const secrets = requestSecrets(ctx);
    const exchange: Exchange = { api: route.api, path, target, ctx, status, headers: answerHeaders, body, secrets };
    try {
      this.recorder?.add(exchange);
    } catch (err) {
      this.log?.(scrubRecordingText(`proxy: could not record ${ctx.method} ${path}: ${(err as Error).message}`, secrets));
    }
    // Upstream base URLs in the answer become the emulator's, so a client following them stays on the proxy.
    const text = isText(answerHeaders['content-type'], body) ? relocate(body.toString('utf8'), this.upstreams, this.apis, this.origin) : undefined;
    // The answer is the upstream's: it carries the emulator's mark only if the upstream is an emulator.
    ctx.res.removeHeader(EMULATOR_HEADER);
    send(ctx, status, text ?? body, answerHeaders);
    return true;
  }
}

async function readCapped(response: Response): Promise<Buffer> {
  if (!response.body) return Buffer.alloc(0);
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += part.length;
    if (size > MAX_UPSTREAM_BYTES) throw new Error(`the answer is larger than ${MAX_UPSTREAM_BYTES} bytes`);
    parts.push(Buffer.from(part));
  }
  return Buffer.concat(parts);
}

function isText(contentType: string | undefined, body: Buffer): boolean {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type.includes('json') || type.startsWith('text/') || type === 'application/problem+json') return true;
  return type === '' && body.length > 0 && !body.includes(0);
}

/** Replaces each upstream base (and each real service base a module names) with `origin` + the emulator's prefix of that API. */
function relocate(text: string, upstreams: Upstreams, apis: ApiTable, origin: string): string {
  const real = apis.entries.flatMap((e): Array<[UpstreamApi, string]> => (e.real ? [[e.api, e.real]] : []));
  const bases = [...(Object.entries(upstreams) as Array<[UpstreamApi, string]>), ...real];
  let out = text;
  for (const [api, base] of bases.sort((a, b) => b[1].length - a[1].length)) out = out.split(base).join(`${origin}${apis.prefixOf(api)}`);
  return out;
}

/** Every credential the request carried: header values, token-like query values, secret JSON fields. */
function requestSecrets(ctx: Ctx): string[] {
  const out = new Set<string>();
  const add = (value: string) => {
    out.add(value);
    for (const part of value.split(/[\s:]+/)) out.add(part);
  };
  for (const [name, value] of Object.entries(ctx.req.headers)) {
    if (value !== undefined && SECRET_HEADERS.has(name.toLowerCase())) add(String(value).replace(/^(Bearer|Key|Token|Basic)\s+/i, ''));
  }
  for (const [name, value] of ctx.query) if (SECRET_QUERY.test(name)) add(value);
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, field] of Object.entries(value)) {
        if (typeof field === 'string' && SECRET_FIELD.test(key)) add(field);
        else walk(field);
      }
    }
  };
  walk(ctx.json);
  for (const [key, field] of Object.entries(ctx.form?.fields ?? {})) if (SECRET_FIELD.test(key)) [field].flat().forEach(add);
  return [...out].filter((s) => s.length >= 8).sort((a, b) => b.length - a.length);
}

/** Replaces the string values of secret JSON fields. */
function scrubFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrubFields);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, field]) => [key, typeof field === 'string' && SECRET_FIELD.test(key) ? '[SCRUBBED]' : scrubFields(field)]),
    );
  }
  return value;
}

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'audio/wav': 'wav',
  'audio/mpeg': 'mp3',
  'video/mp4': 'mp4',
};

interface Session {
  file: string;
  mediaDir: string;
  recording: Recording;
  /** The headers of every upstream answer: the recording's provenance. */
  answers: Array<Record<string, string>>;
  /** Every credential the session's requests carried so far: none of their runs of 8 characters is written. */
  secrets: SecretFragments;
  /** The media files kept beside the recording, checked again when a later request brings a new credential. */
  media: Array<{ index: number; path: string; mimeType: string }>;
}

/** Keeps one recording per test id (`x-boards-test-id`, else "proxy") and provider, rewritten after each exchange. */
class ProxyRecorder {
  private readonly sessions = new Map<string, Session>();
  private full = false;

  constructor(
    private readonly dir: string,
    private readonly upstreams: Upstreams,
    private readonly apis: ApiTable,
    private readonly log?: (line: string) => void,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  add(e: Exchange): void {
    const provider = this.apis.entries.find((entry) => entry.api === e.api)?.module?.id ?? e.api;
    const session = this.session(e.ctx.testId, provider, e.ctx.req.headers['user-agent'], e.secrets);
    if (!session) return;
    if (session.recording.exchanges.length >= MAX_RECORDED_EXCHANGES) {
      this.log?.(scrubRecordingText(`proxy: ${session.file} holds ${MAX_RECORDED_EXCHANGES} exchanges; ${e.ctx.method} ${e.path} is not recorded`, e.secrets));
      return;
    }
    // A credential first seen now may have been echoed by an earlier answer (the upstream knew it): scrub what is kept again.
    if (session.secrets.addAll(e.secrets)) this.scrubAgain(session);
    // Scrubbed before the upstream's base URLs become the placeholder: the emulator's own path words stay intact.
    const scrub = (text: string) => relocate(scrubRecordingText(text, session.secrets), this.upstreams, this.apis, ORIGIN_PLACEHOLDER);
    const request = requestOf(e.ctx, scrub);
    const { recording } = session;
    if (recording.provenance.model === 'unknown') {
      const module = this.apis.entries.find((entry) => entry.api === e.api)?.module;
      const found = e.ctx.method === 'POST' ? module?.modelOf?.(e.api, e.path, isRecord(request) ? request : {}) : undefined;
      if (found) {
        recording.provenance.model = found.model;
        recording.input = found.input;
      }
    }
    const exchange: RecordedExchange = {
      api: e.api,
      method: e.ctx.method,
      path: scrub(e.path),
      ...(request === undefined ? {} : { request }),
      status: e.status,
      headers: keptHeaders(e.headers, scrub, this.apis.keptHeaders),
      body: this.body(e, scrub, session, recording.exchanges.length + 1),
    };
    recording.exchanges.push(exchange);
    session.answers.push(e.headers);
    recording.provenance.mode = provenanceOf(session.answers);
    writeFileSync(session.file, `${JSON.stringify(recording, null, 2)}\n`);
  }

  /** Scrubs the session's kept exchanges, provenance and input with its secrets, and drops kept media that holds a run of one. */
  private scrubAgain(session: Session): void {
    const scrub = (text: string) => session.secrets.scrub(text);
    const { recording } = session;
    recording.provenance = scrubStrings(recording.provenance, scrub);
    recording.input = scrubStrings(recording.input, scrub);
    recording.exchanges = recording.exchanges.map((exchange) => scrubStrings(exchange, scrub));
    session.media = session.media.filter(({ index, path, mimeType }) => {
      const bytes = readFileSync(path);
      if (!session.secrets.foundIn(bytes)) return true;
      unlinkSync(path);
      recording.exchanges[index].body = standInOf(mimeType, bytes);
      this.log?.(`proxy: a kept media file of ${session.file} held part of a credential; it is recorded as a stand-in`);
      return false;
    });
  }

  private session(testId: string | undefined, provider: string, userAgent: string | undefined, secrets: readonly string[]): Session | undefined {
    const key = `${testId ?? ''}\n${provider}`;
    const found = this.sessions.get(key);
    if (found) return found;
    if (this.sessions.size >= MAX_RECORDINGS) {
      if (!this.full) this.log?.(`proxy: ${MAX_RECORDINGS} recordings in ${this.dir}; further tests are forwarded but not recorded`);
      this.full = true;
      return undefined;
    }
    // The test id names the file: a credential in it must not (the header is the caller's to fill).
    const fragments = new SecretFragments(secrets);
    const generator = testId === undefined ? 'proxy' : scrubRecordingText(testId, fragments);
    const name = fileSafe(generator);
    const session: Session = {
      file: join(this.dir, `${name}.${provider}.json`),
      mediaDir: `${name}.${provider}`,
      answers: [],
      secrets: fragments,
      media: [],
      recording: {
        format: 'boards-recording/1',
        provenance: {
          generator,
          provider,
          model: 'unknown',
          sdk: scrubRecordingText(sdkOf(userAgent), fragments),
          recordedAt: new Date().toISOString().slice(0, 10),
          mode: 'emulator',
        },
        input: undefined,
        exchanges: [],
      },
    };
    this.sessions.set(key, session);
    return session;
  }

  private body(e: Exchange, scrub: (text: string) => string, session: Session, n: number): RecordedBody {
    if (e.body.length === 0) return { empty: true };
    if (isText(e.headers['content-type'], e.body)) {
      const text = e.body.toString('utf8');
      // JSON is scrubbed value by value: a scrubbed run must never cut an escape sequence of the text.
      try {
        return { json: scrubStrings(JSON.parse(text) as unknown, scrub) };
      } catch {
        return { text: scrub(text) };
      }
    }
    const mimeType = (e.headers['content-type'] ?? 'application/octet-stream').split(';')[0].trim();
    if (e.body.length > KEEP_MEDIA_BYTES) return standInOf(mimeType, e.body);
    // Bytes are not scrubbed (that would break the media): media holding part of a credential becomes a stand-in.
    if (session.secrets.foundIn(e.body)) {
      this.log?.(`proxy: the answer to ${e.ctx.method} ${scrub(e.path)} held part of a credential; it is recorded as a stand-in`);
      return standInOf(mimeType, e.body);
    }
    mkdirSync(join(this.dir, session.mediaDir), { recursive: true });
    const file = `${session.mediaDir}/${n}.${EXTENSIONS[mimeType] ?? 'bin'}`;
    writeFileSync(join(this.dir, file), e.body);
    session.media.push({ index: n - 1, path: join(this.dir, file), mimeType });
    return { file, mimeType };
  }
}

/** A generated stand-in of the same kind and size as `bytes` (PNG size and WAV duration kept). */
function standInOf(mimeType: string, bytes: Buffer): RecordedBody {
  const png = mimeType === 'image/png' ? pngSize(bytes) : undefined;
  const seconds = mimeType.startsWith('audio/wav') ? wavDurationSeconds(bytes) : undefined;
  return { standIn: { mimeType, ...png, ...(seconds === undefined ? {} : { durationSeconds: seconds }) }, sizeBytes: bytes.length };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What was sent, scrubbed: JSON (secret fields replaced), multipart fields and file facts, or the size of other bytes. */
function requestOf(ctx: Ctx, scrub: (text: string) => string): unknown {
  if (ctx.raw.length === 0) return undefined;
  const described = ctx.form ? describeMultipart(ctx.form) : ctx.json !== undefined ? ctx.json : { size: ctx.raw.length };
  return scrubStrings(scrubFields(described), scrub);
}

/** `name@version` of the first product of a User-Agent (`acme-javascript/1.4.0` -> `acme-javascript@1.4.0`). */
function sdkOf(userAgent: string | undefined): string {
  const product = /^([A-Za-z0-9@._+-]+)\/([A-Za-z0-9._+-]+)/.exec(userAgent?.trim() ?? '');
  return product ? `${product[1]}@${product[2]}` : 'unknown';
}

/** A file name for a test id: safe characters kept, a short hash added when any were replaced. */
function fileSafe(id: string): string {
  const safe = id.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100);
  return safe === id ? safe : `${safe}-${createHash('sha256').update(id).digest('hex').slice(0, 8)}`;
}
