/**
 * OpenAI, described once: everything outside this adapter that needs a fact about OpenAI (its
 * key variable, base URL, emulator route, request ids, billing, drift source, scaffold starter,
 * bench) reads it here. No SDK import: listing providers must not load the SDK.
 */
import { join } from 'node:path';
import { bodyFields, registerProvider, type ProviderDescriptor } from '@boards/core';
import { OPENAI_REQUESTS as REQUESTS, openaiDocument } from './openai-published';

export const descriptor: ProviderDescriptor = registerProvider({
  name: 'openai',
  displayName: 'OpenAI',
  help: 'images, transcriptions: one blocking call each',
  sdkPackage: 'openai',
  key: { variable: 'OPENAI_API_KEY', scheme: 'Bearer token', shape: /(?<=\bsk-)[A-Za-z0-9_-]{8,}/g },
  emulatorKey: 'sk-emulator-dummy-key-000000',
  baseUrlVariable: 'BOARDS_OPENAI_BASE_URL',
  defaultBaseUrl: 'https://api.openai.com/v1',
  emulatorPath: '/openai/v1',
  // The SDK reads its own base URL variable too: a test child must not inherit it.
  sdkVariables: ['OPENAI_BASE_URL'],
  requestIdHeaders: ['x-request-id'],
  jobId: 'none: the API answers synchronously (the response `x-request-id` names the call)',
  cancelable: false,
  billing: { reports: '`usage` (tokens) for token-billed models; per image or per minute otherwise' },
  // OpenAI answers {error: {message, type, code}}.
  errorMessage(body) {
    const { error } = bodyFields(body);
    if (typeof error === 'string') return error;
    const message = bodyFields(error).message;
    return typeof message === 'string' ? message : undefined;
  },
  apis: [{ api: 'openai', realBases: ['https://api.openai.com/v1'], basePath: '', replayAuthorization: 'Bearer sk-drift' }],
  published: {
    variable: 'BOARDS_DRIFT_OPENAI_URL',
    defaultUrl: 'https://app.stainless.com/api/spec/documented/openai/openapi.documented.yml',
    skipped: (_model, artifactType) => (REQUESTS[artifactType] ? undefined : `no OpenAI request schema is known for ${artifactType} generators`),
    inputSchema(doc, _model, artifactType, url) {
      const name = REQUESTS[artifactType];
      const schema = bodyFields(bodyFields(doc.components).schemas)[name];
      if (!schema) throw new Error(`${url} has no components.schemas.${name}`);
      // `model` names the model (as a URL does on the other providers); generators set it themselves.
      return { schema, root: doc, note: name, drop: ['model'] };
    },
    document: openaiDocument,
  },
  scaffold: {
    modelId: { pattern: /^[\w.-]+$/, shape: 'a model name such as gpt-image-2' },
    artifacts: ['image', 'text'],
    define: 'defineOpenAIGenerator',
    starter: join(__dirname, '..', 'scaffold', 'starter.ts'),
    countField: ['n', 10],
    priceSource: () => 'https://openai.com/api/pricing',
    knownPrices: { 'whisper-1': { usd: '0.006', unit: 'minute', checkedOn: '2026-11-22', source: 'https://openai.com/api/pricing' } },
    emulatorModels: {
      file: 'libs/emulator/src/providers/openai/openai-models.ts',
      table: 'OPENAI_MODELS',
      unknownAnswer: 'answers unknown OpenAI models with 404 model_not_found',
    },
    // gpt-image-2 at its medium 1024x1024 price: its price depends on size and quality, none of which the table knows (gpt-image-1.5 was shut down on 2026-12-01).
    examples: [
      { model: 'whisper-1', artifact: 'text' },
      { model: 'gpt-image-2', artifact: 'image', price: '0.053' },
    ],
  },
  bench: {
    generator: 'whisper',
    adapterWait: 'adapter (one blocking call)',
    note: "OpenAI's API is one blocking call: the SDK has no polling for the adapter to beat, so the ratio stays near 1x whatever the adapter does.",
    sdkPaths: join(__dirname, '..', 'bench', 'sdk-paths'),
  },
});
