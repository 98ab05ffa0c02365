import { randomBytes } from 'node:crypto';
import { nextPollInterval, pollJob, POLL_FIRST_MS, ProviderError, runProviderJob, type GeneratorContext, type JobProtocol, type JobState } from '@boards/core';
import { generationTimeoutMs } from '@boards/config';
import { createKieClient, type KieAdapterOptions, type KieClient } from './kie-client';
import { mapKieError } from './kie-error';
import { kieSettings } from './kie-settings';

/** A task's record as recordInfo answers it (docs.kie.ai/market/common/get-task-detail). */
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
  /** The parsed resultJson. */
  result: { resultUrls?: string[]; resultObject?: unknown };
  record: KieTaskRecord;
}

/** The one client of a generation (settings resolved once): calls without a signal of their own are bounded by the generation's. */
export function openKieClient(options: KieAdapterOptions, ctx: GeneratorContext): KieClient {
  return createKieClient(kieSettings(options), { defaultSignal: ctx.signal, retry: options.retry });
}

/** Default wait before the second poll: the first is immediate, so a fast task costs one round trip. */
export const KIE_FIRST_POLL_MS = 25;

function parseResult(record: KieTaskRecord): KieTaskResult['result'] {
  try {
    const parsed: unknown = JSON.parse(record.resultJson ?? '');
    if (parsed && typeof parsed === 'object') return parsed as KieTaskResult['result'];
  } catch {
    // reported below
  }
  throw new ProviderError(`task ${record.taskId} succeeded but its resultJson is not a JSON object (${String(record.resultJson).slice(0, 80)})`, {
    provider: 'kie',
    jobId: record.taskId,
  });
}

/** The record recordInfo answered, if it is about our task: an answer for another task must not become our output. */
function ownRecord(record: KieTaskRecord | null | undefined, taskId: string): KieTaskRecord {
  if (record?.taskId === taskId) return record;
  throw new ProviderError(`recordInfo for task ${taskId} answered for task ${String(record?.taskId)}: not ours, its state and output are not used`, {
    provider: 'kie',
    jobId: taskId,
    retryable: false,
  });
}

function stateOf(record: KieTaskRecord): JobState {
  const state = record.state as string;
  if (state === 'waiting' || state === 'queuing') return { state: 'queued' };
  if (state === 'generating') return { state: 'running' };
  if (state === 'success') return { state: 'completed' };
  if (state === 'fail') return { state: 'failed', reason: `${record.failMsg || 'the task failed'}${record.failCode ? ` (failCode ${record.failCode})` : ''}` };
  return { state: 'unknown', status: String(state) };
}

/** After the immediate first poll and KIE_FIRST_POLL_MS, core's schedule from POLL_FIRST_MS. */
const nextPoll = (ms: number) => (ms < POLL_FIRST_MS ? POLL_FIRST_MS : nextPollInterval(ms));

/**
 * Creates a market task and polls recordInfo (at once, then from 25 ms growing to 500 ms) until
 * it ends. Kie has no cancel: core's runner ends a stop (once a createTask was sent) with
 * CancelUnconfirmedError, and the deadline with a TimeoutError naming the task.
 */
export async function runKieTask(
  model: string,
  input: Record<string, unknown>,
  ctx: GeneratorContext,
  options: KieAdapterOptions = {},
  client: KieClient = openKieClient(options, ctx),
): Promise<KieTaskResult> {
  const recordInfo = (taskId: string, signal: AbortSignal) =>
    client
      .call<KieTaskRecord | null>({
        method: 'GET',
        path: `/api/v1/jobs/recordInfo?taskId=${encodeURIComponent(taskId)}`,
        what: `recordInfo ${taskId}`,
        jobId: taskId,
        signal,
      })
      .then((record) => ownRecord(record, taskId));
  const protocol: JobProtocol<{ taskId?: unknown } | null, KieTaskRecord, KieTaskResult> = {
    provider: 'kie',
    names: { display: 'Kie', job: 'task', submit: `createTask ${model}`, id: 'taskId', dashboard: 'https://kie.ai/logs' },
    submit: (signal) => client.call({ signal, method: 'POST', path: '/api/v1/jobs/createTask', json: { model, input }, what: `createTask ${model}` }),
    jobIdOf: (answer) => answer?.taskId,
    wait: ({ id }, watch) =>
      pollJob((signal) => recordInfo(id, signal), watch, { intervalMs: options.pollIntervalMs ?? KIE_FIRST_POLL_MS, immediate: true, next: nextPoll }),
    state: stateOf,
    cancel: undefined,
    result: (record, { id }) => ({ taskId: id, result: parseResult(record), record }),
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
