import { randomBytes } from 'node:crypto';
import { nextPollInterval, pollJob, POLL_FIRST_MS, ProviderError, runProviderJob, type GeneratorContext, type JobProtocol } from '@boards/core';
import { generationTimeoutMs } from '@boards/config';
import { KIE_NO_CALLBACK_URL, kieTaskApi, type KieTaskApi } from './kie-apis';
import { createKieClient, type KieAdapterOptions, type KieClient } from './kie-client';
import { mapKieError } from './kie-error';
import { kieSettings } from './kie-settings';

/** A market task's record as recordInfo answers it (docs.kie.ai/market/common/get-task-detail). */
export interface KieTaskRecord {
  taskId: string;
  model?: string;
  state: 'waiting' | 'queuing' | 'generating' | 'success' | 'fail';
  /** A JSON string: `{"resultUrls": [...]}` (media) or `{"resultObject": {...}}` (text); '' until success. */
  resultJson?: string;
  failCode?: string;
  failMsg?: string;
  /** Processing time, ms. */
  costTime?: number;
  createTime?: number;
  completeTime?: number | null;
}

export interface KieTaskResult {
  taskId: string;
  /** The media URLs the task made, and the rest of its result: the market's parsed resultJson, a dedicated API's response object. */
  result: { resultUrls?: string[]; resultObject?: unknown; [field: string]: unknown };
  /** The task-details record as Kie answered it (a market task's: KieTaskRecord). */
  record: Record<string, unknown>;
}

/** The one client of a generation (settings resolved once): calls without a signal of their own are bounded by the generation's. */
export function openKieClient(options: KieAdapterOptions, ctx: GeneratorContext): KieClient {
  return createKieClient(kieSettings(options), { defaultSignal: ctx.signal, retry: options.retry });
}

/** Default wait before the second poll: the first is immediate, so a fast task costs one round trip. */
export const KIE_FIRST_POLL_MS = 25;

/** The record the task-details endpoint answered, if it is about our task: an answer for another task must not become our output. */
function ownRecord(api: KieTaskApi, record: unknown, taskId: string): Record<string, unknown> {
  const found = record && typeof record === 'object' ? (record as Record<string, unknown>) : undefined;
  if (found?.taskId === taskId) return found;
  throw new ProviderError(`${api.record.what} for task ${taskId} answered for task ${String(found?.taskId)}: not ours, its state and output are not used`, {
    provider: 'kie',
    jobId: taskId,
    retryable: false,
  });
}

/** After the immediate first poll and KIE_FIRST_POLL_MS, core's schedule from POLL_FIRST_MS; never sooner than the API allows. */
const schedule =
  (floorMs = 0) =>
  (ms: number) =>
    Math.max(floorMs, ms < POLL_FIRST_MS ? POLL_FIRST_MS : nextPollInterval(ms));

/**
 * Creates a task of `model` (a market model, or a dedicated API's docs page: see kie-apis.ts) and
 * reads its task details (at once, then from 25 ms growing to 500 ms, never sooner than the API
 * allows) until it ends. Kie has no cancel: core's runner ends a stop (once the generate call was
 * sent) with CancelUnconfirmedError, and the deadline with a TimeoutError naming the task.
 */
export async function runKieTask(
  model: string,
  input: Record<string, unknown>,
  ctx: GeneratorContext,
  options: KieAdapterOptions = {},
  client: KieClient = openKieClient(options, ctx),
): Promise<KieTaskResult> {
  const api = kieTaskApi(model);
  const what = api.submit.what(model);
  const callBackUrl = options.callBackUrl ?? (api.requiresCallBackUrl ? KIE_NO_CALLBACK_URL : undefined);
  const read = (taskId: string, signal: AbortSignal) =>
    client
      .call<unknown>({
        method: 'GET',
        path: `${api.record.path}?taskId=${encodeURIComponent(taskId)}`,
        what: `${api.record.what} ${taskId}`,
        jobId: taskId,
        signal,
      })
      .then((record) => ownRecord(api, record, taskId));
  const first = Math.max(api.pollFloorMs ?? 0, options.pollIntervalMs ?? KIE_FIRST_POLL_MS);
  const protocol: JobProtocol<{ taskId?: unknown } | null, Record<string, unknown>, KieTaskResult> = {
    provider: 'kie',
    names: { display: 'Kie', job: 'task', submit: what, id: 'taskId', dashboard: 'https://kie.ai/logs' },
    submit: (signal) => client.call({ signal, method: 'POST', path: api.submit.path, json: api.body(model, input, callBackUrl), what }),
    jobIdOf: (answer) => answer?.taskId,
    wait: ({ id }, watch) => pollJob((signal) => read(id, signal), watch, { intervalMs: first, immediate: true, next: schedule(api.pollFloorMs) }),
    state: (record) => api.state(record),
    cancel: undefined,
    result: (record, { id }) => {
      const { resultUrls, raw } = api.output(record, id);
      return { taskId: id, result: { ...raw, resultUrls }, record };
    },
    mapError: mapKieError,
  };
  return runProviderJob(ctx, protocol, { timeoutMs: generationTimeoutMs(options.timeoutMs) });
}

/** Uploads bytes through Kie's file upload API (stream upload) and returns the downloadUrl models accept as input. */
export async function uploadToKie(
  bytes: Uint8Array,
  mimeType: string,
  fileName: string,
  ctx: GeneratorContext,
  options: KieAdapterOptions = {},
  client: KieClient = openKieClient(options, ctx),
): Promise<string> {
  const form = new FormData();
  form.append('file', new File([bytes as BlobPart], fileName, { type: mimeType }));
  form.append('uploadPath', 'boards-inputs');
  // Kie replaces a file uploaded again under the same name: concurrent generations must not share one.
  form.append('fileName', `${randomBytes(6).toString('hex')}-${fileName}`);
  try {
    const data = await client.call<{ downloadUrl?: unknown }>({
      method: 'POST',
      path: '/api/file-stream-upload',
      form,
      upload: true,
      what: `upload ${fileName}`,
    });
    if (typeof data?.downloadUrl === 'string' && data.downloadUrl) return data.downloadUrl;
    throw new ProviderError(`upload ${fileName}: the answer has no downloadUrl`, { provider: 'kie' });
  } catch (error) {
    throw mapKieError(error, undefined);
  }
}
