import { toFile } from 'openai';
import {
  draftFromBytes,
  GenerationFailedError,
  outputProblem,
  ProviderError,
  storeOutputUrls,
  storeText,
  type Artifact,
  type GeneratorContext,
} from '@boards/core';
import { createOpenAIClient, openAIOptionsFor, openAITimeout, type OpenAIAdapterOptions } from './openai-client';
import { mapOpenAIError } from './openai-error';

export interface OpenAIImageParams {
  model: string;
  prompt: string;
  n?: number;
  size?: string;
  quality?: string;
  output_format?: 'png' | 'jpeg' | 'webp';
  background?: string;
}

/** Generates images (b64_json or url answers) and stores them. */
export async function generateOpenAIImages(params: OpenAIImageParams, ctx: GeneratorContext, given: OpenAIAdapterOptions = {}): Promise<Artifact[]> {
  const options = openAIOptionsFor(ctx, given);
  const client = createOpenAIClient(options, ctx.signal);
  ctx.progress({ progress: 0.1, phase: 'running' });
  let response;
  try {
    response = await client.images.generate(params as Parameters<typeof client.images.generate>[0], { signal: ctx.signal });
  } catch (error) {
    throw mapOpenAIError(error, openAITimeout(options));
  }
  const items = ('data' in response ? response.data : undefined) ?? [];
  if (items.length === 0) throw new GenerationFailedError('openai', 'the response held no image');
  // Tokens are priced apart for input and output, so only the images returned are billed units core may price.
  const usage = 'usage' in response && response.usage ? response.usage : undefined;
  ctx.reportActualCost({
    reported: usage ? `input_tokens=${usage.input_tokens} output_tokens=${usage.output_tokens}` : `images=${items.length}`,
    billed: [{ unit: 'image', quantity: items.length, what: 'images returned' }],
  });
  const artifacts: Artifact[] = [];
  for (const [i, item] of items.entries()) {
    ctx.progress({ progress: 0.8 + (0.18 * i) / items.length, phase: 'storing' });
    if (typeof item.b64_json === 'string') {
      const bytes = Buffer.from(item.b64_json, 'base64');
      const problem = await outputProblem('image', bytes);
      // Billed, but not usable (an empty or HTML "image"): name the request so it can be looked up or disputed.
      if (problem) {
        const requestId = (response as { _request_id?: string | null })._request_id ?? undefined;
        throw new ProviderError(`image ${i + 1} of ${items.length} is not valid media: ${problem}; billed, not stored`, {
          provider: 'openai',
          requestId,
          retryable: false,
        });
      }
      artifacts.push(await ctx.storeArtifact(draftFromBytes('image', bytes)));
    } else if (item.url) {
      artifacts.push(...(await storeOutputUrls(ctx, [item.url], { provider: 'openai', type: 'image' })));
    } else {
      throw new GenerationFailedError('openai', `image ${i} has neither b64_json nor url`);
    }
  }
  return artifacts;
}

export interface OpenAITranscriptionParams {
  model: string;
  /** The audio: a local path, URL or storageUrl, resolved through the context. */
  file: string;
  language?: string;
  prompt?: string;
  temperature?: number;
  response_format?: 'json' | 'text' | 'srt' | 'verbose_json' | 'vtt';
}

/** Uploads audio (multipart) for transcription and stores the transcript as a text artifact. */
export async function transcribeWithOpenAI(params: OpenAITranscriptionParams, ctx: GeneratorContext, given: OpenAIAdapterOptions = {}): Promise<Artifact> {
  ctx.progress({ progress: 0.05, phase: 'uploading' });
  const audio = await ctx.resolveInput(params.file, { accept: ['audio', 'video'] });
  const options = openAIOptionsFor(ctx, given);
  const client = createOpenAIClient(options, ctx.signal);
  let result: unknown;
  try {
    result = await client.audio.transcriptions.create(
      {
        ...params,
        file: await toFile(audio.bytes, audio.fileName, { type: audio.mimeType }),
      } as Parameters<typeof client.audio.transcriptions.create>[0],
      { signal: ctx.signal },
    );
  } catch (error) {
    throw mapOpenAIError(error, openAITimeout(options));
  }
  ctx.progress({ progress: 0.9, phase: 'storing' });
  const text = typeof result === 'string' ? result : String((result as { text?: unknown }).text ?? '');
  if (typeof result !== 'string' && typeof (result as { text?: unknown }).text !== 'string') {
    throw new GenerationFailedError('openai', 'the transcription response held no text');
  }
  return storeText(ctx, text);
}
