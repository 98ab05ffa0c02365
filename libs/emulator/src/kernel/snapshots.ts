/**
 * Snapshots: a provider's own published document of one model (`packages/<gen>/snapshot.json`'s
 * `{provider, model, document}`), handed to the emulator so the model works without registration
 * and is validated, defaulted and answered as the document says. Each provider reads its own
 * document format (providers/<id>/<id>-snapshot.ts); this file holds what they share.
 */
import type { EmulatorSnapshot, OutputKind } from './types';

export type { EmulatorSnapshot };
import type { MediaFile } from './outputs';
import { resolved } from './schema-check';

type Json = Record<string, unknown>;

/**
 * Models of `provider` from the snapshots `host` holds, each built once by `build` (a snapshot
 * handed in later for the same model is built afresh): undefined for a model without one.
 */
export function snapshotModels<T>(
  host: { snapshotOf(provider: string, model: string): EmulatorSnapshot | undefined },
  provider: string,
  build: (snapshot: EmulatorSnapshot) => T,
): (model: string) => T | undefined {
  const built = new WeakMap<EmulatorSnapshot, T>();
  return (model) => {
    const snapshot = host.snapshotOf(provider, model);
    if (!snapshot) return undefined;
    if (!built.has(snapshot)) built.set(snapshot, build(snapshot));
    return built.get(snapshot);
  };
}

/** Snapshots by provider and model; a later one for the same model replaces the earlier. */
export class SnapshotStore {
  private readonly byKey = new Map<string, EmulatorSnapshot>();

  add(snapshot: EmulatorSnapshot): void {
    for (const key of ['provider', 'model'] as const)
      if (typeof snapshot[key] !== 'string' || snapshot[key] === '') throw new TypeError(`snapshot ${key}: a non-empty string is required`);
    if (!snapshot.document || typeof snapshot.document !== 'object') throw new TypeError(`snapshot document of ${snapshot.model}: an object is required`);
    this.byKey.set(`${snapshot.provider} ${snapshot.model}`, snapshot);
  }

  get(provider: string, model: string): EmulatorSnapshot | undefined {
    return this.byKey.get(`${provider} ${model}`);
  }

  /** Every snapshot held. */
  all(): EmulatorSnapshot[] {
    return [...this.byKey.values()];
  }

  /** Every snapshot of `provider`, in the order given. */
  of(provider: string): EmulatorSnapshot[] {
    return [...this.byKey.values()].filter((s) => s.provider === provider);
  }

  get size(): number {
    return this.byKey.size;
  }
}

const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The media kind of an output schema: from its field names, else `fallback`. */
export function kindOfOutput(schema: unknown, root: unknown, fallback: OutputKind = 'image'): OutputKind {
  const text = (JSON.stringify(resolvedDeep(schema, root, 0)) ?? '').toLowerCase();
  if (/"video"|video_url|"videos"|\.mp4/.test(text)) return 'video';
  if (/"audio"|audio_url|audio_file|\.wav|\.mp3/.test(text)) return 'audio';
  if (/"image"|"images"|image_url/.test(text)) return 'image';
  return fallback;
}

function resolvedDeep(node: unknown, root: unknown, depth: number): unknown {
  if (depth > 8) return {};
  if (Array.isArray(node)) return node.map((n) => resolvedDeep(n, root, depth + 1));
  if (!isObject(node)) return node;
  const r = resolved(node, root);
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k === 'description' ? undefined : resolvedDeep(v, root, depth + 1)]));
}

/** What synthesis needs of the job: the input and a way to store media of the model's kind. */
export interface SynthesisContext {
  input: Record<string, unknown>;
  /** The `index`th media file of the job (stored in the emulator's file store). */
  media(index: number): MediaFile & { width?: number; height?: number; duration?: number };
  /** How many media files a list of them holds (e.g. the input's num_images). */
  count: number;
  /** A seed for integer `seed` fields. */
  seed: number;
}

const URL_NAME = /(^|_)url$/;

/**
 * A value of the output schema `node` (in `root`): media URLs where it holds URLs (a field named
 * `url` or formatted `uri`), a list of `count` media where a list holds them, the media file's
 * facts for a file object's fields (content_type, file_size, width, ...), the input's value for a
 * field named as an input (prompt, seed), and the plainest value of the type elsewhere.
 */
export function synthesize(node: unknown, root: unknown, ctx: SynthesisContext, name = '', index = 0, depth = 0): unknown {
  const s = resolved(node, root);
  if (depth > 10) return null;
  const branches = (Array.isArray(s.anyOf) ? s.anyOf : Array.isArray(s.oneOf) ? s.oneOf : []).filter((b) => resolved(b, root).type !== 'null');
  if (branches.length > 0 && s.type === undefined) return synthesize(branches[0], root, ctx, name, index, depth + 1);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if ((type === 'string' || type === undefined) && (s.format === 'uri' || URL_NAME.test(name))) return ctx.media(index).url;
  if (type === 'array') {
    const items = resolved(s.items, root);
    const holdsMedia = JSON.stringify(items).includes('"uri"') || isObject(items.properties) || isObject(s.items);
    const n = holdsMedia ? Math.max(Number(s.minItems ?? 1), Math.min(ctx.count, Number(s.maxItems ?? ctx.count))) : 1;
    return Array.from({ length: n }, (_, i) => synthesize(s.items, root, ctx, name, index + i, depth + 1));
  }
  if (type === 'object' || isObject(s.properties)) {
    const props = isObject(s.properties) ? s.properties : {};
    const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
    const file = 'url' in props ? ctx.media(index) : undefined;
    const out: Json = {};
    for (const [key, child] of Object.entries(props)) {
      const fact = file ? (file as unknown as Json)[key] : undefined;
      if (fact !== undefined) out[key] = fact;
      else if (required.has(key) || URL_NAME.test(key) || JSON.stringify(resolved(child, root)).includes('"uri"') || key in ctx.input)
        out[key] = key in ctx.input && !URL_NAME.test(key) ? ctx.input[key] : synthesize(child, root, ctx, key, index, depth + 1);
    }
    return out;
  }
  if (s.default !== undefined) return s.default;
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum[0];
  if (type === 'integer') return name === 'seed' ? ctx.seed : 1;
  if (type === 'number') return 1;
  if (type === 'boolean') return false;
  // A text field is never empty (a reader of a caption or a transcript would take '' for nothing generated).
  if (type === 'string') return name === 'prompt' ? String(ctx.input.prompt ?? '') : `Emulated ${name || 'text'}.`;
  return null;
}

/**
 * The status a provider answers for a job phase, from the statuses its document lists: the
 * provider's usual name (`usual[i]`) when the document has it, else the document's status at the
 * same place (a renamed status is answered renamed, so a client that does not know it fails now).
 */
export function statusNames(documented: readonly string[] | undefined, usual: readonly string[]): string[] {
  if (!documented || documented.length === 0) return [...usual];
  return usual.map((name, i) => (documented.includes(name) ? name : (documented.filter((d) => !usual.includes(d))[0] ?? documented[i] ?? name)));
}

/** The request headers an auth check reads (lower-cased names, as node gives them). */
export type RequestHeaders = Record<string, string | string[] | undefined>;

/** A document's auth: the check of a request, and what it wants in words. */
export interface SnapshotAuth {
  check(headers: RequestHeaders): boolean;
  text: string;
}

/** The auth of a document's `securitySchemes`, or undefined when none is one a header carries. */
export function snapshotAuth(securitySchemes: unknown): SnapshotAuth | undefined {
  const check = authCheck(securitySchemes);
  return check ? { check, text: authText(securitySchemes) } : undefined;
}

/**
 * The check of a document's OpenAPI `securitySchemes`: a request passes when it carries the
 * credential of one of them (an `http` bearer scheme: `Authorization: Bearer ...`; an `apiKey` in
 * a header: that header). Undefined when the document states no scheme a header can carry, so a
 * provider whose auth scheme changed in its document refuses clients still sending the old one.
 */
export function authCheck(securitySchemes: unknown): ((headers: RequestHeaders) => boolean) | undefined {
  const schemes = Object.values(securitySchemes && typeof securitySchemes === 'object' ? securitySchemes : {}).flatMap((raw) => {
    const s = (raw ?? {}) as Record<string, unknown>;
    if (s.type === 'http' && String(s.scheme).toLowerCase() === 'bearer') return [{ header: 'authorization', prefix: 'bearer ' }];
    if (s.type === 'apiKey' && s.in === 'header' && typeof s.name === 'string') return [{ header: s.name.toLowerCase(), prefix: '' }];
    return [];
  });
  if (schemes.length === 0) return undefined;
  return (headers) =>
    schemes.some(({ header, prefix }) => {
      const value = [headers[header] ?? []].flat()[0];
      return typeof value === 'string' && value.length > prefix.length && value.toLowerCase().startsWith(prefix);
    });
}

/** The schemes of a document, one line each, for a 401 that names what it wanted. */
export function authText(securitySchemes: unknown): string {
  return Object.values(securitySchemes && typeof securitySchemes === 'object' ? securitySchemes : {})
    .map((raw) => {
      const s = (raw ?? {}) as Record<string, unknown>;
      return s.type === 'http' ? `Authorization: ${String(s.scheme)}` : `${String(s.name)} (${String(s.type)} in ${String(s.in)})`;
    })
    .join(' or ');
}
