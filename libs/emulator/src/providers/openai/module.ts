import type { ProviderModule } from '../../kernel/provider';
import { openaiSnapshotInput } from './openai-snapshot';

/** OpenAI's images and audio APIs under `/openai/v1` (the openai SDK's `baseURL`). */
export const openaiModule: ProviderModule = {
  id: 'openai',
  prefix: ['openai', 'v1'],
  // Loaded on the first request under the prefix: a test of one provider's generators never loads the others'.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  create: (host) => (require('./openai') as typeof import('./openai')).createOpenAIProvider(host),
  snapshotInput: openaiSnapshotInput,
  apis: [{ api: 'openai', path: '/openai/v1' }],
  modelOf: (_api, _path, request) => (typeof request.model === 'string' ? { model: request.model, input: request } : undefined),
  // The openai SDK reads retry-after-ms before Retry-After.
  retryAfterMs: true,
};
