import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { providerBaseUrl } from '@boards/config';
import {
  extensionFor,
  observeProviderExchanges,
  providerDescriptors,
  redactSecrets,
  requireProvider,
  sniffMedia,
  type AnyGenerator,
  type BoardsSettings,
  type HttpExchange,
} from '@boards/core';
import {
  keptHeaders,
  ORIGIN_PLACEHOLDER,
  provenanceOf,
  replayPrefix,
  scrubRecordingText,
  type RecordedApi,
  type RecordedBody,
  type RecordedExchange,
  type Recording,
} from '@boards/emulator';

/** Media up to this size is kept as a file beside the recording; larger media becomes a stand-in. */
const KEEP_MEDIA_BYTES = 64 * 1024;

/**
 * Where each API of every installed provider is reached (the base URL of the generation's settings,
 * or without settings its override in the environment; then its real hosts), from the descriptors.
 */
function apiBases(settings: BoardsSettings | undefined): Array<[string, RecordedApi]> {
  const bases: Array<[string, RecordedApi]> = [];
  for (const descriptor of providerDescriptors()) {
    const override = settings ? settings.providers?.[descriptor.name]?.baseUrl : providerBaseUrl(descriptor.name);
    for (const api of descriptor.apis) {
      const name = api.api as RecordedApi;
      if (override) bases.push([`${override.replace(/\/$/, '')}${api.basePath}`, name]);
      for (const real of api.realBases) bases.push([real, name]);
    }
  }
  return bases.map(([base, api]) => [base.replace(/\/$/, ''), api]);
}

/** Scrubs a text for a recording: registered secrets (keys the config loaded), then the emulator's scrubber. */
export function scrubText(text: string): string {
  return scrubRecordingText(redactSecrets(text));
}

function sdkVersion(provider: string): string {
  const name = requireProvider(provider).sdkPackage;
  // From this file, not the working directory: the SDKs are installed in this workspace.
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const manifest = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(manifest)) return `${name}@${(JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version}`;
    if (dirname(dir) === dir) return `${name}@unknown`;
  }
}

export { provenanceOf };

const STANDING: Record<Recording['provenance']['mode'], number> = { emulator: 0, live: 1 };

export interface RecordingOutcome {
  path: string;
  /** Where the requests went (not what the run was configured as). */
  mode: Recording['provenance']['mode'];
  /** False when a recording of higher standing (live) was kept instead. */
  written: boolean;
}

/**
 * Collects what the provider answered during one generation (BOARDS_RECORD=1 in
 * a live run) and writes it, scrubbed, as a fixture the emulator can replay.
 */
export class GenerationRecorder {
  private readonly exchanges: HttpExchange[] = [];

  /** `settings`: those of the generation recorded, to know its base URLs (default: the environment's). */
  constructor(private readonly settings?: BoardsSettings) {}

  start(): void {
    observeProviderExchanges((e) => this.exchanges.push(e));
  }

  stop(): void {
    observeProviderExchanges(undefined);
  }

  /**
   * Writes `<packageDir>/__fixtures__/recordings/<id>.json` (+ media beside it). Provenance
   * comes from where the requests went: `claimed` 'live' with base URLs at the emulator is
   * recorded as 'emulator', and never overwrites a live recording.
   */
  write(generator: AnyGenerator, input: unknown, claimed: Recording['provenance']['mode'], packageDir = process.cwd()): RecordingOutcome {
    const dir = join(packageDir, '__fixtures__', 'recordings');
    const path = join(dir, `${generator.id}.json`);
    const seen = provenanceOf(this.exchanges.map((e) => e.responseHeaders));
    const mode = STANDING[seen] < STANDING[claimed] ? seen : claimed;
    const existing = existingMode(path);
    if (existing && STANDING[existing] > STANDING[mode]) return { path, mode, written: false };
    const mediaDir = join(dir, generator.id);
    rmSync(mediaDir, { recursive: true, force: true });
    const bases = apiBases(this.settings);
    const fileUrls = new Map<string, string>();
    let fileCount = 0;
    const located = this.exchanges.map((e) => {
      const url = e.url.split('?')[0];
      const base = bases.find(([b]) => url === b || url.startsWith(`${b}/`));
      if (base) return { e, api: base[1], path: url.slice(base[0].length) || '/' };
      const path = `/${++fileCount}`;
      fileUrls.set(e.url, `${ORIGIN_PLACEHOLDER}${replayPrefix('files')}${path}`);
      return { e, api: 'files' as const, path };
    });
    const relocate = (text: string): string => {
      let out = text;
      for (const [url, placeholder] of [...fileUrls].sort((a, b) => b[0].length - a[0].length)) out = out.split(url).join(placeholder);
      for (const [base, api] of bases) out = out.split(base).join(`${ORIGIN_PLACEHOLDER}${replayPrefix(api)}`);
      return scrubText(out.replace(/http:\/\/127\.0\.0\.1:\d+/g, ORIGIN_PLACEHOLDER));
    };
    const exchanges: RecordedExchange[] = located.map(({ e, api, path }, i) => ({
      api,
      method: e.method,
      path,
      ...(e.requestBody === undefined ? {} : { request: JSON.parse(relocate(JSON.stringify(e.requestBody))) }),
      status: e.status,
      headers: keptHeaders(e.responseHeaders, scrubText),
      body: this.body(e, relocate, mediaDir, `${i + 1}`),
    }));
    const recording: Recording = {
      format: 'boards-recording/1',
      provenance: {
        generator: generator.id,
        provider: generator.provider,
        model: generator.model,
        sdk: sdkVersion(generator.provider),
        recordedAt: new Date().toISOString().slice(0, 10),
        mode,
      },
      input: JSON.parse(relocate(JSON.stringify(input))),
      exchanges,
    };
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, `${JSON.stringify(recording, null, 2)}\n`);
    return { path, mode, written: true };
  }

  private body(e: HttpExchange, relocate: (t: string) => string, mediaDir: string, name: string): RecordedBody {
    const bytes = e.responseBody;
    if (bytes.length === 0) return { empty: true };
    const type = (e.responseHeaders['content-type'] ?? '').split(';')[0];
    const media = sniffMedia(bytes);
    if (!media && (type.includes('json') || type.startsWith('text/') || type === '')) {
      const text = relocate(Buffer.from(bytes).toString('utf8'));
      try {
        return { json: JSON.parse(text) };
      } catch {
        return { text };
      }
    }
    const mimeType = media?.mimeType ?? type ?? 'application/octet-stream';
    if (bytes.length <= KEEP_MEDIA_BYTES) {
      mkdirSync(mediaDir, { recursive: true });
      const file = `${name}.${media?.extension ?? extensionFor(mimeType)}`;
      writeFileSync(join(mediaDir, file), bytes);
      return { file: `${mediaDir.split('/').pop()}/${file}`, mimeType };
    }
    return {
      standIn: { mimeType, width: media?.width, height: media?.height, durationSeconds: media?.durationSeconds },
      sizeBytes: bytes.length,
    };
  }
}

function existingMode(path: string): Recording['provenance']['mode'] | undefined {
  try {
    const mode = (JSON.parse(readFileSync(path, 'utf8')) as Recording).provenance?.mode;
    return mode === 'live' || mode === 'emulator' ? mode : undefined;
  } catch {
    return undefined;
  }
}
