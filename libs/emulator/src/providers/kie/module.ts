import type { ProviderModule } from '../../kernel/provider';
import { dedicatedApiAt } from './kie-apis';
import { kieSnapshotInput } from './kie-snapshot';

/** The model a recorded POST addressed: a market task's `model`, or the docs page of a dedicated API's generate endpoint. */
function modelOf(_api: string, path: string, request: Record<string, unknown>): { model: string; input: unknown } | undefined {
  if (path === '/api/v1/jobs/createTask') return typeof request.model === 'string' ? { model: request.model, input: request.input ?? request } : undefined;
  const dedicated = dedicatedApiAt(path);
  if (!dedicated) return undefined;
  const { callBackUrl: _callBack, ...input } = request;
  return { model: dedicated.page, input };
}

/** Kie.ai under `/kie`: the market task API, the dedicated task APIs, the account credits and the file upload API (see README.md here). */
export const kieModule: ProviderModule = {
  id: 'kie',
  prefix: ['kie'],
  // Loaded on the first request under the prefix: a test of one provider's generators never loads the others'.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  create: (host) => (require('./kie') as typeof import('./kie')).createKieProvider(host),
  snapshotInput: kieSnapshotInput,
  // Two real hosts, one emulated API: the task API (api.kie.ai) and the file uploads (kieai.redpandaai.co),
  // as the adapter's descriptor records them. Without a `kie-upload` upstream, uploads go to the `kie` one.
  apis: [
    { api: 'kie', path: '/kie', real: 'https://api.kie.ai' },
    { api: 'kie-upload', path: '/kie', real: 'https://kieai.redpandaai.co', owns: (rest) => /^\/api\/file-[a-z0-9-]+-upload$/.test(rest) },
  ],
  modelOf,
};
