/**
 * fal.ai, described once: everything outside this adapter that needs a fact about fal (its
 * key variables, base URL, emulator route, request ids, billing, drift source, scaffold
 * starter, bench) reads it here. No SDK import: listing providers must not load the SDK.
 */
import { join } from 'node:path';
import { bodyFields, registerProvider, type ProviderDescriptor } from '@boards/core';
import { falDocument } from './fal-published';

export const descriptor: ProviderDescriptor = registerProvider({
  name: 'fal',
  displayName: 'fal',
  help: 'queue: submit, status stream (else polls), result; cancelable',
  sdkPackage: '@fal-ai/client',
  // The SDK prefers FAL_KEY; the id/secret pair is its fallback, so it is ours too.
  key: {
    variable: 'FAL_KEY',
    parts: { variables: ['FAL_KEY_ID', 'FAL_KEY_SECRET'], separator: ':' },
    scheme: 'Authorization: Key <id:secret>',
    // A key id (a UUID), a colon and a 32-hex secret.
    shape: /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:[0-9a-f]{32}\b/gi,
  },
  emulatorKey: 'emulator-dummy-id:emulator-dummy-secret',
  baseUrlVariable: 'BOARDS_FAL_BASE_URL',
  defaultBaseUrl: 'https://queue.fal.run',
  emulatorPath: '/fal',
  requestIdHeaders: ['x-fal-request-id', 'x-request-id'],
  jobId: 'the `request_id` of the queue submit answer',
  cancelable: true,
  billing: { reports: 'x-fal-billable-units on the result, counted in the price unit of the endpoint' },
  // fal answers {detail: "..."} or, for invalid input, {detail: [{loc, msg}]}.
  errorMessage(body) {
    const { detail } = bodyFields(body);
    if (typeof detail === 'string') return detail;
    if (!Array.isArray(detail)) return undefined;
    return detail.map((d: { loc?: unknown[]; msg?: string }) => `${(d.loc ?? []).slice(1).join('.') || 'input'}: ${d.msg ?? 'invalid'}`).join('; ');
  },
  apis: [
    {
      api: 'fal-queue',
      realBases: ['https://queue.fal.run'],
      basePath: '/queue',
      replayAuthorization: 'Key drift:drift',
      jobIdFields: ['request_id'],
      statusPoll: /\/status$/,
    },
    { api: 'fal-rest', realBases: ['https://rest.fal.ai', 'https://rest.alpha.fal.ai'], basePath: '/rest', replayAuthorization: 'Key drift:drift' },
    { api: 'fal-run', realBases: ['https://fal.run'], basePath: '/run', replayAuthorization: 'Key drift:drift' },
  ],
  published: {
    variable: 'BOARDS_DRIFT_FAL_URL',
    defaultUrl: 'https://fal.ai/api/openapi/queue/openapi.json',
    url: (source, model) => `${source}?endpoint_id=${encodeURIComponent(model)}`,
    inputSchema(doc, model, _artifactType, url) {
      const submit = Object.entries(bodyFields(doc.paths)).find(([path, item]) => path.replace(/^\/+/, '') === model && bodyFields(item).post);
      const schema = submit && bodyFields(bodyFields(bodyFields(bodyFields(bodyFields(submit[1]).post).requestBody).content)['application/json']).schema;
      if (!schema) throw new Error(`${url} has no POST /${model} with a JSON request body`);
      return { schema, root: doc };
    },
    document: falDocument,
  },
  scaffold: {
    modelId: { pattern: /^[\w.-]+(\/[\w.-]+)+$/, shape: 'an endpoint id such as fal-ai/flux/dev' },
    artifacts: ['image', 'video', 'audio'],
    define: 'defineFalGenerator',
    starter: join(__dirname, '..', 'scaffold', 'starter.ts'),
    countField: ['num_images', 4],
    megapixelPresets: true,
    priceSource: (model) => `https://fal.ai/models/${model}`,
    knownPrices: {
      'fal-ai/flux/dev': {
        usd: '0.025',
        unit: 'megapixel',
        checkedOn: '2026-11-22',
        source: 'https://fal.ai/models/fal-ai/flux/dev',
        note: 'each image is billed rounded up to whole megapixels',
      },
      'fal-ai/nano-banana': { usd: '0.039', unit: 'image', checkedOn: '2026-11-22', source: 'https://fal.ai/models/fal-ai/nano-banana' },
      // Read on fal's own pages on 2026-12-07 (the docs page of flux-pro/v1.1-ultra: "At $0.06 per image";
      // fal.ai/models/fal-ai/flux-pro/kontext/llms.txt: "$0.04 per images"; the playground of
      // seedream v4.5 text-to-image: "Your request will cost $0.04 per image").
      'fal-ai/flux-pro/v1.1-ultra': { usd: '0.06', unit: 'image', checkedOn: '2026-12-07', source: 'https://fal.ai/models/fal-ai/flux-pro/v1.1-ultra' },
      'fal-ai/flux-pro/kontext': { usd: '0.04', unit: 'image', checkedOn: '2026-12-07', source: 'https://fal.ai/models/fal-ai/flux-pro/kontext' },
      'fal-ai/bytedance/seedream/v4.5/text-to-image': {
        usd: '0.04',
        unit: 'image',
        checkedOn: '2026-12-07',
        source: 'https://fal.ai/models/fal-ai/bytedance/seedream/v4.5/text-to-image',
      },
      'fal-ai/elevenlabs/tts/turbo-v2.5': {
        usd: '0.05',
        unit: '1k-characters',
        checkedOn: '2026-11-22',
        source: 'https://fal.ai/models/fal-ai/elevenlabs/tts/turbo-v2.5',
      },
      'fal-ai/elevenlabs/tts/multilingual-v2': {
        usd: '0.10',
        unit: '1k-characters',
        checkedOn: '2026-11-22',
        source: 'https://fal.ai/models/fal-ai/elevenlabs/tts/multilingual-v2',
      },
    },
    emulatorModels: { file: 'libs/emulator/src/providers/fal/fal-endpoints.ts', table: 'FAL_ENDPOINTS', unknownAnswer: 'answers unknown fal models with 404' },
    // The video starter is not among them: its fields drift from fal-ai/veo3's.
    examples: [
      { model: 'fal-ai/flux/dev', artifact: 'image' },
      { model: 'fal-ai/elevenlabs/tts/multilingual-v2', artifact: 'audio' },
      { model: 'fal-ai/elevenlabs/tts/turbo-v2.5', artifact: 'audio' },
    ],
  },
  bench: {
    generator: 'nano-banana',
    adapterWait: "adapter (fal's status stream; polling when it fails)",
    sdkPaths: join(__dirname, '..', 'bench', 'sdk-paths'),
  },
});
