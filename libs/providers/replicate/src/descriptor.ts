/**
 * Replicate, described once: everything outside this adapter that needs a fact about
 * Replicate (its key variable, base URL, emulator route, request ids, billing, drift source,
 * scaffold starter, bench) reads it here. No SDK import: listing providers must not load the SDK.
 */
import { join } from 'node:path';
import { bodyFields, registerProvider, type ProviderDescriptor } from '@boards/core';
import { replicateDocument } from './replicate-published';

export const descriptor: ProviderDescriptor = registerProvider({
  name: 'replicate',
  displayName: 'Replicate',
  help: 'predictions: a blocking create (Prefer: wait), then polls; cancelable',
  sdkPackage: 'replicate',
  key: { variable: 'REPLICATE_API_TOKEN', scheme: 'Bearer token', shape: /(?<=\br8_)[A-Za-z0-9_-]{8,}/g },
  emulatorKey: 'r8_emulator_dummy_token_000000',
  baseUrlVariable: 'BOARDS_REPLICATE_BASE_URL',
  defaultBaseUrl: 'https://api.replicate.com/v1',
  emulatorPath: '/replicate/v1',
  waitSecondsVariable: 'BOARDS_REPLICATE_WAIT_SECONDS',
  // A blocking create answers within a second, so an abort (which waits for the prediction id) is quick.
  emulatorVariables: { BOARDS_REPLICATE_WAIT_SECONDS: '1' },
  requestIdHeaders: ['x-request-id'],
  jobId: 'the prediction `id` of the create answer',
  cancelable: true,
  billing: { reports: 'metrics.predict_time (seconds of hardware) for models billed by time; official models bill per output' },
  // Replicate answers problem+json: {title, detail, status}.
  errorMessage(body) {
    const { detail, title } = bodyFields(body);
    if (typeof detail === 'string') return detail;
    return typeof title === 'string' ? title : undefined;
  },
  apis: [
    {
      api: 'replicate',
      realBases: ['https://api.replicate.com/v1'],
      basePath: '',
      replayAuthorization: 'Bearer r8_drift',
      jobIdFields: ['id'],
      // The adapter creates predictions with Prefer: wait; so does a replay.
      replayHeaders: (method, path) => (method === 'POST' && /predictions$/.test(path) ? { prefer: 'wait=60' } : undefined),
    },
  ],
  published: {
    variable: 'BOARDS_DRIFT_REPLICATE_URL',
    defaultUrl: 'https://api.replicate.com/v1',
    needsKey: true,
    url(source, model) {
      const [ref, version] = model.split(':');
      return `${source}/models/${ref}${version ? `/versions/${version}` : ''}`;
    },
    inputSchema(doc, model, _artifactType, url) {
      const version = model.split(':')[1];
      const schema = version ? bodyFields(doc).openapi_schema : bodyFields(bodyFields(doc).latest_version).openapi_schema;
      const input = bodyFields(bodyFields(bodyFields(schema).components).schemas).Input;
      if (!input) throw new Error(`${url} has no openapi_schema.components.schemas.Input`);
      return { schema: input, root: schema, note: version ? `version ${version}` : 'latest_version' };
    },
    document: replicateDocument,
  },
  scaffold: {
    modelId: { pattern: /^[\w.-]+\/[\w.-]+(:[0-9a-f]{64})?$/, shape: 'owner/name or owner/name:<64-hex version>' },
    artifacts: ['image', 'video', 'audio'],
    define: 'defineReplicateGenerator',
    starter: join(__dirname, '..', 'scaffold', 'starter.ts'),
    countField: ['num_outputs', 4],
    priceSource: (model) => `https://replicate.com/${model.split(':')[0]}`,
    knownPrices: {
      'black-forest-labs/flux-schnell': {
        usd: '0.003',
        unit: 'image',
        checkedOn: '2026-11-22',
        source: 'https://replicate.com/black-forest-labs/flux-schnell',
      },
      'black-forest-labs/flux-dev': { usd: '0.025', unit: 'image', checkedOn: '2026-11-22', source: 'https://replicate.com/black-forest-labs/flux-dev' },
    },
    emulatorModels: {
      file: 'libs/emulator/src/providers/replicate/replicate-models.ts',
      table: 'REPLICATE_MODELS',
      unknownAnswer: 'answers unknown replicate models with 404',
    },
    examples: [
      { model: 'black-forest-labs/flux-schnell', artifact: 'image' },
      { model: 'black-forest-labs/flux-dev', artifact: 'image' },
    ],
  },
  bench: {
    generator: 'flux-pro',
    adapterWait: 'adapter (`Prefer: wait`, then polls from 100 ms growing to 500 ms)',
    sdkPaths: join(__dirname, '..', 'bench', 'sdk-paths'),
  },
});
