import { sendJson, send, type Ctx } from '../kernel/http';
import { encodeMp4 } from '../kernel/media/mp4';
import { encodePng } from '../kernel/media/png';
import { encodeWav } from '../kernel/media/wav';
import { ORIGIN_PLACEHOLDER, readRecordedFile, RecordedFileError, type LoadedRecording, type RecordedBody, type RecordedExchange } from '../kernel/recording';
import type { ApiTable } from './apis';

/**
 * Serves recorded exchanges instead of emulating: requests are matched by API,
 * method and path, answered in recorded order (the last answer repeats, as a
 * poll would see). Anything not recorded is a loud 501, never an invented answer.
 */
export class ReplayServer {
  private readonly queues = new Map<string, RecordedExchange[]>();
  private readonly served = new Set<RecordedExchange>();

  constructor(
    private readonly recording: LoadedRecording,
    private readonly origin: string,
    private readonly apis: ApiTable,
  ) {
    for (const exchange of recording.exchanges) {
      const key = `${exchange.api} ${exchange.method} ${exchange.path}`;
      this.queues.set(key, [...(this.queues.get(key) ?? []), exchange]);
    }
  }

  /** Recorded exchanges that no request asked for yet (a replay that skipped a step). */
  unserved(): RecordedExchange[] {
    return this.recording.exchanges.filter((e) => !this.served.has(e));
  }

  handle(ctx: Ctx): void {
    // Of the APIs the path may address, the one the recording holds this exchange for.
    const keys = this.apis.candidates(ctx.path).map((api) => `${api.api} ${ctx.method} ${ctx.path.slice(api.path.length) || '/'}`);
    const queue = this.queues.get(keys.find((key) => this.queues.get(key)?.length) ?? '');
    if (!queue?.length) {
      const g = this.recording.provenance.generator;
      sendJson(ctx, 501, {
        error: `replay of ${g}: no recorded exchange for ${ctx.method} ${ctx.path}; record again with BOARDS_RECORD=1 npx nx test-live ${g}`,
      });
      return;
    }
    const exchange = queue.length > 1 ? (queue.shift() as RecordedExchange) : queue[0];
    this.served.add(exchange);
    try {
      const { bytes, contentType } = this.body(exchange.body);
      send(ctx, exchange.status, bytes, { ...exchange.headers, ...(contentType ? { 'content-type': contentType } : {}) });
    } catch (err) {
      // A recording that cannot be served as written (missing media, a path out of its folder, a header
      // Node refuses) answers why, so the client sees the recording's fault instead of a dropped connection.
      const g = this.recording.provenance.generator;
      const reason =
        err instanceof RecordedFileError ? err.message : `the recorded answer cannot be sent (${err instanceof Error ? err.message : String(err)})`;
      if (!ctx.res.headersSent) sendJson(ctx, 500, { error: `replay of ${g}: ${ctx.method} ${ctx.path}: ${reason}` });
    }
  }

  private body(body: RecordedBody): { bytes: Buffer; contentType?: string } {
    if ('json' in body) return { bytes: Buffer.from(JSON.stringify(body.json).split(ORIGIN_PLACEHOLDER).join(this.origin)) };
    if ('text' in body) return { bytes: Buffer.from(body.text.split(ORIGIN_PLACEHOLDER).join(this.origin)) };
    if ('file' in body) return { bytes: readRecordedFile(this.recording, body.file), contentType: body.mimeType };
    if ('standIn' in body) return { bytes: standIn(body.standIn), contentType: body.standIn.mimeType };
    return { bytes: Buffer.alloc(0) };
  }
}

function standIn(spec: { mimeType: string; width?: number; height?: number; durationSeconds?: number }): Buffer {
  if (spec.mimeType.startsWith('image/')) return encodePng(spec.width ?? 64, spec.height ?? 64, 'stand-in');
  if (spec.mimeType.startsWith('audio/')) return encodeWav(spec.durationSeconds ?? 1, 'stand-in');
  if (spec.mimeType.startsWith('video/')) return encodeMp4({ width: spec.width ?? 64, height: spec.height ?? 64, durationSeconds: spec.durationSeconds ?? 1 });
  return Buffer.from('stand-in');
}
