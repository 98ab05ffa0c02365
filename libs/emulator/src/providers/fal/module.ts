import type { ProviderModule } from '../../kernel/provider';

/** The real fal hosts, for `--upstream fal=https://fal.run`. */
const REAL_FAL = { 'fal-queue': 'https://queue.fal.run', 'fal-run': 'https://fal.run', 'fal-rest': 'https://rest.fal.ai' } as const;

/** fal.ai under `/fal`: queue under /queue, REST (storage) under /rest, sync run under /run (see rewriteFalUrl). */
export const falModule: ProviderModule = {
  id: 'fal',
  prefix: ['fal'],
  // Loaded on the first request under the prefix: a test of one provider's generators never loads the others'.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  create: (host) => (require('./fal') as typeof import('./fal')).createFalProvider(host),
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  snapshotInput: (snapshot) => (require('./fal-snapshot') as typeof import('./fal-snapshot')).falSnapshotInput(snapshot),
  apis: (Object.entries(REAL_FAL) as Array<[keyof typeof REAL_FAL, string]>).map(([api, real]) => ({ api, path: `/fal/${api.slice(4)}`, real })),
  upstreamGroup: {
    name: 'fal',
    // `https://fal.run` is the real fal (three hosts); any other URL is a root laid out as the emulator's /fal.
    expand(url) {
      const real = url.hostname === 'fal.run' && url.pathname.replace(/\/+$/, '') === '';
      const base = url.toString().replace(/\/+$/, '');
      return Object.fromEntries(Object.entries(REAL_FAL).map(([api, host]) => [api, real ? host : `${base}/${api.slice(4)}`]));
    },
  },
  modelOf: (api, path, request) => (api !== 'fal-rest' && path.length > 1 ? { model: path.slice(1), input: request } : undefined),
  keptHeaders: ['x-fal-request-id', 'x-fal-billable-units'],
  registration: 'fal endpoint id',
};
