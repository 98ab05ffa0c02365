import type { ProviderModule } from '../../kernel/provider';
import { replicateSnapshotInput } from './replicate-snapshot';

/** Replicate's HTTP API under `/replicate/v1` (the replicate SDK's `baseUrl`). */
export const replicateModule: ProviderModule = {
  id: 'replicate',
  prefix: ['replicate', 'v1'],
  // Loaded on the first request under the prefix: a test of one provider's generators never loads the others'.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  create: (host) => (require('./replicate') as typeof import('./replicate')).createReplicateProvider(host),
  snapshotInput: replicateSnapshotInput,
  apis: [{ api: 'replicate', path: '/replicate/v1' }],
  modelOf(_api, path, request) {
    const route = /^\/models\/([^/]+\/[^/]+)\/predictions$/.exec(path);
    const model = route ? route[1] : path === '/predictions' && typeof request.version === 'string' ? request.version : undefined;
    return model === undefined ? undefined : { model, input: 'input' in request ? request.input : request };
  },
  registration: 'Replicate owner/name or version id',
};
