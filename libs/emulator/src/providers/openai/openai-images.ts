import { isObject, sendJson, type Ctx } from '../../kernel/http';
import { encodeJpeg } from '../../kernel/media/jpeg';
import { encodePng } from '../../kernel/media/png';
import { encodeWebp } from '../../kernel/media/webp';
import type { OpenAIModel } from './openai-models';
import type { OpenAIModelFinder } from './openai-snapshot';
import { modelNotFound, openaiError } from './openai-errors';
import type { ProviderHost } from '../../kernel/provider';

/** Typical real time of a GPT image generation, ms. */
const IMAGE_TYPICAL_MS = 20_000;
const STANDARD_SIZES = ['1024x1024', '1536x1024', '1024x1536'];
const QUALITIES = ['low', 'medium', 'high', 'auto'];
/** Output image tokens per quality for 1024x1024 / 1024x1536 / 1536x1024 (OpenAI's published gpt-image-1 table). */
const TOKENS: Record<string, Record<string, number>> = {
  low: { '1024x1024': 272, '1024x1536': 408, '1536x1024': 400 },
  medium: { '1024x1024': 1056, '1024x1536': 1584, '1536x1024': 1568 },
  high: { '1024x1024': 4160, '1024x1536': 6240, '1536x1024': 6208 },
};

/** The encoder of each `output_format`: the image's bytes are of the format asked for. */
const ENCODERS: Record<string, (width: number, height: number, seed: unknown) => Buffer> = { png: encodePng, jpeg: encodeJpeg, webp: encodeWebp };

const list = (values: readonly string[]) =>
  `${values
    .slice(0, -1)
    .map((v) => `'${v}'`)
    .join(', ')}, and '${values[values.length - 1]}'`;

/** [width, height] for `size`, or an error message. gpt-image-2 takes any WxH (edges divisible by 16, ratio <= 3:1, <= 3840x2160 pixels). */
function parseSize(size: unknown, model: OpenAIModel): [number, number] | string {
  if (size === undefined || size === null || size === 'auto') return [1024, 1024];
  const match = typeof size === 'string' ? /^(\d+)x(\d+)$/.exec(size) : null;
  if (!model.id.startsWith('gpt-image-2')) {
    if (match && STANDARD_SIZES.includes(size as string)) return [Number(match[1]), Number(match[2])];
    return `Invalid value: '${String(size)}'. Supported values are: ${list([...STANDARD_SIZES, 'auto'])}.`;
  }
  if (!match) return `Invalid value: '${String(size)}'. Size must be 'auto' or WIDTHxHEIGHT.`;
  const [w, h] = [Number(match[1]), Number(match[2])];
  const ok = w % 16 === 0 && h % 16 === 0 && w >= 16 && h >= 16 && Math.max(w, h) / Math.min(w, h) <= 3 && Math.max(w, h) <= 3840 && w * h <= 3840 * 2160;
  return ok ? [w, h] : `Invalid value: '${size}'. Width and height must be divisible by 16, the aspect ratio at most 3:1 and the size at most 3840x2160.`;
}

/** `POST /images/generations` for the GPT image models: base64 PNGs and token usage. */
export async function generateImages(ctx: Ctx, state: ProviderHost, find: OpenAIModelFinder): Promise<void> {
  const body = ctx.json;
  if (!isObject(body)) return openaiError(ctx, 400, 'We could not parse the JSON body of your request.');
  const modelId = body.model ?? 'dall-e-2';
  const found = find(modelId, 'image');
  if (!found) return modelNotFound(ctx, modelId);
  const { model, schema, auth } = found;
  if (auth && !auth.check(ctx.req.headers)) return openaiError(ctx, 401, `${model.id} takes ${auth.text} (its published security scheme).`);
  if (body.response_format !== undefined) {
    return openaiError(ctx, 400, "Unknown parameter: 'response_format'.", { param: 'response_format', code: 'unknown_parameter' });
  }
  const unknown = Object.keys(body).find((k) => k !== 'model' && !schema.fields.includes(k));
  if (unknown !== undefined) return openaiError(ctx, 400, `Unknown parameter: '${unknown}'.`, { param: unknown, code: 'unknown_parameter' });
  if (typeof body.prompt !== 'string' || !body.prompt.trim()) {
    return openaiError(ctx, 400, "Missing required parameter: 'prompt'.", { param: 'prompt', code: 'missing_required_parameter' });
  }
  const n = body.n ?? 1;
  if (!Number.isInteger(n) || (n as number) < 1 || (n as number) > 10) {
    return openaiError(ctx, 400, `Invalid 'n': must be an integer between 1 and 10, got ${JSON.stringify(n)}.`, { param: 'n', code: 'invalid_value' });
  }
  const quality = String(body.quality ?? 'auto');
  if (!QUALITIES.includes(quality)) {
    return openaiError(ctx, 400, `Invalid value: '${quality}'. Supported values are: ${list(QUALITIES)}.`, { param: 'quality', code: 'invalid_value' });
  }
  if (body.output_format !== undefined && !['png', 'jpeg', 'webp'].includes(String(body.output_format))) {
    const message = `Invalid value: '${String(body.output_format)}'. Supported values are: 'png', 'jpeg', and 'webp'.`;
    return openaiError(ctx, 400, message, { param: 'output_format', code: 'invalid_value' });
  }
  if (body.stream === true) return openaiError(ctx, 400, 'The emulator does not stream image generations.', { param: 'stream', code: 'unsupported_value' });
  const size = parseSize(body.size, model);
  if (typeof size === 'string') return openaiError(ctx, 400, size, { param: 'size', code: 'invalid_value' });
  const issue = schema.check(body)[0];
  if (issue) return openaiError(ctx, 400, `Invalid '${issue.path.join('.')}': ${issue.msg}.`, { param: issue.path.join('.'), code: 'invalid_value' });

  if (state.faults.takeJobOutcome('openai', 'images', ctx.testId)) {
    const message = 'Your request was rejected as a result of our safety system (emulated job-failed/job-canceled fault).';
    return openaiError(ctx, 400, message, { type: 'image_generation_user_error', code: 'moderation_blocked' });
  }
  await state.lifetime.sleep(state.jobDurationFor(IMAGE_TYPICAL_MS, ctx.testId));
  const [w, h] = size;
  const effectiveQuality = quality === 'auto' ? 'medium' : quality;
  const outputFormat = String(body.output_format ?? 'png');
  const encode = ENCODERS[outputFormat];
  const data = Array.from({ length: n as number }, (_, i) => ({
    b64_json: encode(w, h, { model: model.id, prompt: body.prompt, w, h, quality: effectiveQuality, i }).toString('base64'),
  }));
  const perImage = TOKENS[effectiveQuality][`${w}x${h}`] ?? Math.round((TOKENS[effectiveQuality]['1024x1024'] * w * h) / (1024 * 1024));
  const textTokens = Math.ceil(body.prompt.length / 4);
  const outputTokens = perImage * (n as number);
  sendJson(ctx, 200, {
    created: Math.floor(Date.now() / 1000),
    data,
    background: 'opaque',
    output_format: outputFormat,
    size: `${w}x${h}`,
    quality: effectiveQuality,
    usage: {
      input_tokens: textTokens,
      output_tokens: outputTokens,
      total_tokens: textTokens + outputTokens,
      input_tokens_details: { text_tokens: textTokens, image_tokens: 0 },
      output_tokens_details: { image_tokens: outputTokens, text_tokens: 0 },
    },
  });
}
