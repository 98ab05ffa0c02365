export { descriptor } from './descriptor';
export { isDedicatedModel, KIE_DEDICATED_MODELS, KIE_NO_CALLBACK_URL, kieTaskApi, type KieTaskApi, type KieTaskOutput } from './kie-apis';
export { createKieClient, KIE_API_URL, KIE_UPLOAD_URL, type KieAdapterOptions, type KieClient, type KieClientOptions, type KieSettings } from './kie-client';
export { kieCreditPrice, KIE_CREDIT_USD, type KieCreditPrice } from './kie-credits';
export { kieEnvelopeError, mapKieError } from './kie-error';
export { defineKieGenerator, type KieGeneratorSpec } from './kie-generator';
export { openKieClient, runKieTask, uploadToKie, KIE_FIRST_POLL_MS, type KieTaskRecord, type KieTaskResult } from './kie-task';
export { kieOptionsFor, kieSettings } from './kie-settings';
