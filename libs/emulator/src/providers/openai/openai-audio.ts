import { sendJson, sendText, type Ctx } from '../../kernel/http';
import { wavDurationSeconds } from '../../kernel/media/wav';
import type { MultipartFile } from '../../kernel/multipart';
import type { OpenAIModelFinder } from './openai-snapshot';
import { modelNotFound, openaiError } from './openai-errors';
import type { ProviderHost } from '../../kernel/provider';

/** "File uploads are currently limited to 25 MB" (speech-to-text guide): OpenAI stops reading past this many bytes. */
export const MAX_AUDIO_BYTES = 25 * 1024 * 1024;

/** Typical real time of a short transcription, ms. */
const TRANSCRIPTION_TYPICAL_MS = 3_000;
const FORMATS = ['json', 'text', 'srt', 'verbose_json', 'vtt'];
const LANGUAGES: Record<string, string> = {
  en: 'english',
  de: 'german',
  fr: 'french',
  es: 'spanish',
  it: 'italian',
  nl: 'dutch',
  pt: 'portuguese',
  ja: 'japanese',
  zh: 'chinese',
  pl: 'polish',
};
const TYPES_BY_EXTENSION: Record<string, string> = {
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  mpga: 'audio/mpeg',
  mpeg: 'audio/mpeg',
  m4a: 'audio/mp4',
  mp4: 'audio/mp4',
  ogg: 'audio/ogg',
  webm: 'audio/webm',
  flac: 'audio/flac',
};

function field(fields: Record<string, string | string[]>, name: string): string | undefined {
  const value = fields[name];
  return Array.isArray(value) ? value[value.length - 1] : value;
}

function contentTypeOf(file: MultipartFile): string {
  if (file.contentType && file.contentType !== 'application/octet-stream') return file.contentType;
  return TYPES_BY_EXTENSION[file.fileName.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}

/** h:mm:ss,mmm (srt) or hh:mm:ss.mmm (vtt). */
function timestamp(seconds: number, separator: ',' | '.'): string {
  const ms = Math.round(seconds * 1000);
  const pad = (v: number, n = 2) => String(v).padStart(n, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}${separator}${pad(ms % 1000, 3)}`;
}

/** `POST /audio/transcriptions` (multipart): a deterministic transcript describing the uploaded file. */
export async function transcribe(ctx: Ctx, state: ProviderHost, find: OpenAIModelFinder): Promise<void> {
  if (ctx.raw.length > MAX_AUDIO_BYTES) {
    // As OpenAI answers an upload over its limit: 413, its error shape, the limit and what was read.
    return openaiError(ctx, 413, `Maximum content size limit (${MAX_AUDIO_BYTES}) exceeded (${ctx.raw.length} bytes read)`, { type: 'invalid_request_error' });
  }
  const form = ctx.form;
  if (form === undefined) return openaiError(ctx, 400, 'Invalid Content-Type header, expected multipart/form-data.');
  if (form === null) return openaiError(ctx, 400, 'Could not parse multipart form.');
  const file = form.files.find((f) => f.field === 'file');
  if (!file) return openaiError(ctx, 400, "Missing required parameter: 'file'.", { param: 'file', code: 'missing_required_parameter' });
  const modelId = field(form.fields, 'model');
  if (!modelId) return openaiError(ctx, 400, "Missing required parameter: 'model'.", { param: 'model', code: 'missing_required_parameter' });
  const found = find(modelId, 'transcription');
  if (!found) return modelNotFound(ctx, modelId);
  const { model, schema, auth } = found;
  if (auth && !auth.check(ctx.req.headers)) return openaiError(ctx, 401, `${model.id} takes ${auth.text} (its published security scheme).`);
  const sent = Object.fromEntries([...Object.keys(form.fields), ...form.files.map((f) => f.field)].map((k) => [k.replace(/\[\]$/, ''), true]));
  const unknown = Object.keys(sent).find((k) => k !== 'model' && !schema.fields.includes(k));
  if (unknown !== undefined) return openaiError(ctx, 400, `Unknown parameter: '${unknown}'.`, { param: unknown, code: 'unknown_parameter' });
  const temperatureText = field(form.fields, 'temperature');
  if (temperatureText !== undefined && !Number.isFinite(Number(temperatureText))) {
    return openaiError(ctx, 400, `Invalid 'temperature': expected a number, got '${temperatureText}'.`, { param: 'temperature', code: 'invalid_value' });
  }
  const format = field(form.fields, 'response_format') ?? 'json';
  if (!FORMATS.includes(format)) {
    const supported = FORMATS.map((f) => `'${f}'`).join(', ');
    return openaiError(ctx, 400, `Invalid value: '${format}'. Supported values are: ${supported}.`, { param: 'response_format', code: 'invalid_value' });
  }
  if (!model.formats?.includes(format)) {
    const allowed = (model.formats ?? []).map((f) => `'${f}'`).join(' or ');
    const message = `response_format '${format}' is not compatible with model '${model.id}'. Use ${allowed} instead.`;
    return openaiError(ctx, 400, message, { param: 'response_format', code: 'unsupported_value' });
  }
  const granularities = [form.fields['timestamp_granularities[]'] ?? form.fields.timestamp_granularities ?? []].flat();
  if (granularities.length > 0 && format !== 'verbose_json') {
    // The schema: "`response_format` must be set `verbose_json` to use timestamp granularities".
    const message = `timestamp_granularities is only supported when response_format is 'verbose_json', got '${format}'.`;
    return openaiError(ctx, 400, message, { param: 'timestamp_granularities', code: 'invalid_value' });
  }
  const badGranularity = granularities.find((g) => g !== 'word' && g !== 'segment');
  if (badGranularity !== undefined) {
    const message = `Invalid value: '${badGranularity}'. Supported values are: 'word' and 'segment'.`;
    return openaiError(ctx, 400, message, { param: 'timestamp_granularities', code: 'invalid_value' });
  }
  if (file.size === 0) return openaiError(ctx, 400, 'Audio file might be corrupted or unsupported', { param: 'file', code: 'invalid_value' });
  if (state.faults.takeJobOutcome('openai', 'transcription', ctx.testId)) {
    return openaiError(ctx, 500, 'The server had an error while processing your request (emulated job-failed/job-canceled fault).');
  }
  await state.lifetime.sleep(state.jobDurationFor(TRANSCRIPTION_TYPICAL_MS, ctx.testId));

  const type = contentTypeOf(file);
  const duration = Math.round((wavDurationSeconds(file.bytes) ?? file.size / 16_000) * 1000) / 1000;
  const text = `Emulated transcript: ${file.size} bytes of ${type}`;
  const language = LANGUAGES[field(form.fields, 'language') ?? 'en'] ?? field(form.fields, 'language') ?? 'english';
  const temperature = Number(field(form.fields, 'temperature') ?? 0) || 0;
  const durationUsage = { type: 'duration', seconds: Math.max(1, Math.ceil(duration)) };
  const segment = {
    id: 0,
    seek: 0,
    start: 0,
    end: duration,
    text: ` ${text}`,
    tokens: [50364, 50365],
    temperature,
    avg_logprob: -0.2,
    compression_ratio: 1,
    no_speech_prob: 0.01,
  };
  const words = text.split(' ').map((word, i, all) => ({ word, start: (duration * i) / all.length, end: (duration * (i + 1)) / all.length }));

  switch (format) {
    case 'text':
      return sendText(ctx, 200, `${text}\n`);
    case 'srt':
      return sendText(ctx, 200, `1\n${timestamp(0, ',')} --> ${timestamp(duration, ',')}\n${text}\n\n`);
    case 'vtt':
      return sendText(ctx, 200, `WEBVTT\n\n${timestamp(0, '.')} --> ${timestamp(duration, '.')}\n${text}\n\n`, { 'content-type': 'text/vtt; charset=utf-8' });
    case 'verbose_json': {
      return sendJson(ctx, 200, {
        task: 'transcribe',
        language,
        duration,
        text,
        ...(granularities.includes('word') ? { words } : {}),
        segments: granularities.length === 0 || granularities.includes('segment') ? [segment] : undefined,
        usage: durationUsage,
      });
    }
    default: {
      const tokens = Math.ceil(text.length / 4);
      const audioTokens = Math.ceil(duration * 10);
      const usage =
        model.id === 'whisper-1'
          ? durationUsage
          : {
              type: 'tokens',
              input_tokens: audioTokens,
              input_token_details: { text_tokens: 0, audio_tokens: audioTokens },
              output_tokens: tokens,
              total_tokens: audioTokens + tokens,
            };
      return sendJson(ctx, 200, { text, usage });
    }
  }
}
