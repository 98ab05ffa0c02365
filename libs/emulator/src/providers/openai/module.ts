import type { ProviderModule } from '../../kernel/provider';
import { findOpenAIModel } from './openai-models';
import { IMAGE_REQUEST, TRANSCRIPTION_REQUEST } from './openai-schemas';

/** OpenAI's images and audio APIs under `/openai/v1` (the openai SDK's `baseURL`). */
export const openaiModule: ProviderModule = {
  id: 'openai',
  prefix: ['openai', 'v1'],
  // Loaded on the first request under the prefix: a test of one provider's generators never loads the others'.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  create: (host) => (require('./openai') as typeof import('./openai')).createOpenAIProvider(host),
  inputSchema(model) {
    const known = findOpenAIModel(model);
    if (!known) return undefined;
    return known.kind === 'image' ? IMAGE_REQUEST : TRANSCRIPTION_REQUEST;
  },
  apis: [{ api: 'openai', path: '/openai/v1' }],
  modelOf: (_api, _path, request) => (typeof request.model === 'string' ? { model: request.model, input: request } : undefined),
  // The openai SDK reads retry-after-ms before Retry-After.
  retryAfterMs: true,
};
