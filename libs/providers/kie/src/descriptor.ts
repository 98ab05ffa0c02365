/**
 * Kie.ai, described once: everything outside this adapter that needs a fact about Kie (its key
 * variable, base URL, emulator route, request ids, billing, cancel support, scaffold starter,
 * bench) reads it here. No SDK import (Kie publishes none: the adapter speaks HTTP through core's
 * shared fetch).
 */
import { join } from 'node:path';
import { bodyFields, registerProvider, type ProviderDescriptor } from '@boards/core';
import { kieCreditPrice } from './kie-credits';
import { kieDocsPage, kieDocument, kieModelInput } from './kie-published';

export { kieDocsPage };

const SEEDREAM_45 = 'seedream/4.5-text-to-image';

export const descriptor: ProviderDescriptor = registerProvider({
  name: 'kie',
  displayName: 'Kie.ai',
  help: 'market tasks (createTask, recordInfo polls) and the Veo, Runway Aleph and Suno APIs (their generate and record-info endpoints); no cancel (still bills)',
  sdkPackage: 'none (HTTP, no official SDK)',
  // A key is 32 hex digits, and so is a task id.
  key: { variable: 'KIE_API_KEY', scheme: 'Authorization: Bearer <key>', shape: /\b[0-9a-f]{32}\b/gi, jobIdsShareShape: true },
  emulatorKey: 'kie-emulator-dummy-key-000000',
  baseUrlVariable: 'BOARDS_KIE_BASE_URL',
  defaultBaseUrl: 'https://api.kie.ai',
  emulatorPath: '/kie',
  // Kie documents no request-id header; the task id names a task (see the adapter's errors).
  requestIdHeaders: ['x-request-id'],
  jobId: "the `data.taskId` of the createTask (or a dedicated API's generate) answer",
  // Kie has no cancel endpoint, on the market or a dedicated API: a stopped generation stops polling, the task runs on and is billed.
  cancelable: false,
  billing: {
    reports: "nothing per task in recordInfo or the dedicated APIs' record-info (credits show only in callbacks and at kie.ai/logs): the estimate stands",
    unit: 'credits, at $0.005 each (kie.ai market page: "4 credits per image (~$0.02)", checked 2026-12-01)',
  },
  // Kie answers {code, msg} (the upload API adds success; one docs page spells it `message`).
  errorMessage(body) {
    const { msg, message } = bodyFields(body);
    if (typeof msg === 'string' && msg) return msg;
    return typeof message === 'string' && message ? message : undefined;
  },
  apis: [
    { api: 'kie', realBases: ['https://api.kie.ai'], basePath: '', replayAuthorization: 'Bearer drift' },
    { api: 'kie-upload', realBases: ['https://kieai.redpandaai.co'], basePath: '', replayAuthorization: 'Bearer drift' },
  ],
  // Kie documents each market model on its own page (docs.kie.ai/market/<model>.md, the dots of
  // the model id written as dashes: seedream/4.5-text-to-image is market/seedream/4-5-text-to-image),
  // whose fenced OpenAPI block describes the createTask body; the model's fields are its `input`.
  // A dedicated API's model id is its generate page (veo3-api/generate-veo-3-video.md), whose body
  // holds the fields flat.
  published: {
    variable: 'BOARDS_DRIFT_KIE_URL',
    defaultUrl: 'https://docs.kie.ai',
    url: kieDocsPage,
    inputSchema(doc, model, _artifactType, url) {
      return { ...kieModelInput(doc, model, url), root: doc };
    },
    document: kieDocument,
  },
  scaffold: {
    modelId: { pattern: /^[\w.-]+(\/[\w.-]+)+$/, shape: 'a market model id such as seedream/4.5-text-to-image' },
    artifacts: ['image'],
    define: 'defineKieGenerator',
    starter: join(__dirname, '..', 'scaffold', 'starter.ts'),
    // No countField: a market image task makes one image.
    priceSource: () => 'https://kie.ai/pricing',
    knownPrices: {
      // As packages/kie-seedream-4-5 prices it: kie.ai/pricing as a third party copied it (the page was not readable here).
      [SEEDREAM_45]: kieCreditPrice({
        credits: 5,
        unit: 'image',
        checkedOn: '2026-12-01',
        source: 'https://kie.ai/pricing',
        note: 'basic (2K); high (4K) is 8 credits',
      }),
    },
    // Kie requires a quality, and the price above holds for basic only.
    pricedInputs: { [SEEDREAM_45]: { quality: 'basic' } },
    emulatorModels: {
      file: 'libs/emulator/src/providers/kie/kie-models.ts',
      table: 'KIE_MODELS',
      unknownAnswer: 'answers unknown Kie models with 422 (not supported)',
    },
    examples: [{ model: SEEDREAM_45, artifact: 'image' }],
  },
  bench: {
    generator: 'kie-seedream-4-5',
    adapterWait: 'adapter (recordInfo at once, then after 25 ms, 100 ms growing to 500 ms; Kie has no status stream)',
    note: 'Kie has no status stream and no blocking create, and allows 10 recordInfo calls/s per key (it asks for polls every 2-3 s), so no client learns of a finished task much sooner; its callBackUrl needs a server the caller runs.',
  },
});
