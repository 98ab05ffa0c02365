/**
 * Kie.ai, described once: everything outside this adapter that needs a fact about Kie (its key
 * variable, base URL, emulator route, request ids, billing, cancel support) reads it here.
 * No SDK import (Kie publishes none: the adapter speaks HTTP through core's shared fetch).
 */
import { bodyFields, registerProvider, type ProviderDescriptor } from '@boards/core';

export const descriptor: ProviderDescriptor = registerProvider({
  name: 'kie',
  displayName: 'Kie.ai',
  sdkPackage: 'none (HTTP, no official SDK)',
  key: { variable: 'KIE_API_KEY', scheme: 'Authorization: Bearer <key>' },
  emulatorKey: 'kie-emulator-dummy-key-000000',
  baseUrlVariable: 'BOARDS_KIE_BASE_URL',
  defaultBaseUrl: 'https://api.kie.ai',
  emulatorPath: '/kie',
  // Kie documents no request-id header; the task id names a task (see the adapter's errors).
  requestIdHeaders: ['x-request-id'],
  jobId: 'the `data.taskId` of the createTask answer',
  // Kie's market API has no cancel endpoint: a stopped generation stops polling, the task runs on and is billed.
  cancelable: false,
  billing: {
    reports: 'nothing per task in recordInfo (credits show only in callbacks and at kie.ai/logs): the estimate stands',
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
});
