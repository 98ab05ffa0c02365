import type { ProviderModule } from '../../kernel/provider';
import { KIE_MODELS } from './kie-models';

/** Kie.ai under `/kie`: the market task API, the account credits and the file upload API (see README.md here). */
export const kieModule: ProviderModule = {
  id: 'kie',
  prefix: ['kie'],
  // Loaded on the first request under the prefix: a test of one provider's generators never loads the others'.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  create: (host) => (require('./kie') as typeof import('./kie')).createKieProvider(host),
  inputSchema: (model) => KIE_MODELS[model]?.rules,
  // One upstream for the whole API: the real service's task API and its file upload host differ, so a record-through
  // of uploads needs an upstream that serves both (the emulator does, under /kie).
  apis: [{ api: 'kie', path: '/kie' }],
  modelOf: (_api, path, request) =>
    path === '/api/v1/jobs/createTask' && typeof request.model === 'string' ? { model: request.model, input: request.input ?? request } : undefined,
};
